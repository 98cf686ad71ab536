import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/app-error.ts';

const TYPE_BASE = 'https://tandem.dev/problems/';

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
) {
  if (typeof extra.retryAfterSeconds === 'number') reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: TYPE_BASE + code.toLowerCase().replace(/_/g, '-'),
      title,
      status,
      code,
      ...(detail ? { detail } : {}),
      instance: req.url.split('?')[0],
      requestId: req.id,
      ...extra,
    });
}

function pathOf(parts: readonly PropertyKey[], where: string): string {
  const p = parts.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
  return p ? `${where}.${p}` : where;
}

/** Turns every error into application/problem+json (RFC 9457) with a stable code; 5xx never leak internals. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof AppError) {
        if (err.status >= 500) req.log.error({ err }, 'application error');
        return sendProblem(req, reply, err.status, err.code, err.title, err.detail, err.extra);
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const where = err.validationContext === 'querystring' ? 'query' : (err.validationContext ?? 'body');
        const errors = err.validation.map((v) => ({
          path: pathOf(
            v.instancePath
              .split('/')
              .filter(Boolean)
              .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
            where,
          ),
          message: v.message ?? 'invalid',
        }));
        const first = errors[0];
        return sendProblem(
          req,
          reply,
          400,
          'VALIDATION_FAILED',
          'The request is not valid',
          first ? `${first.path}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : undefined,
          { errors },
        );
      }
      if (isResponseSerializationError(err)) {
        req.log.error({ err, issues: err.cause?.issues }, 'response did not match its schema');
        return sendProblem(req, reply, 500, 'INTERNAL', 'Internal error', 'The server failed; the request id identifies it in the logs.');
      }
      switch (err.code) {
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(req, reply, 400, 'INVALID_JSON', 'The body is not valid JSON', err.message);
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendProblem(req, reply, 413, 'BODY_TOO_LARGE', 'The body is too large', err.message);
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendProblem(req, reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type', 'Send JSON with Content-Type: application/json');
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          return sendProblem(req, reply, 400, 'INVALID_CONTENT_LENGTH', 'Invalid Content-Length', err.message);
        case 'FST_ERR_VALIDATION':
          return sendProblem(req, reply, 400, 'VALIDATION_FAILED', 'The request is not valid', err.message);
      }
      // The multipart parser's own errors (a body cut short, a malformed part) are the sender's.
      if (/^(Multipart: |Unexpected end of (form|multipart data)|Malformed part header|.* terminated early due to unexpected end of multipart data)/.test(err.message ?? '')) {
        return sendProblem(req, reply, 400, 'INVALID_MULTIPART', 'The multipart body is not valid', err.message);
      }
      // Values PostgreSQL cannot take that slipped past the schemas (a safety net: input-guard refuses NUL first;
      // 22007/22008: a date or time PostgreSQL cannot represent).
      const pgCode = (err as { cause?: { code?: string } }).cause?.code;
      if (pgCode === '22021' || pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
        req.log.warn({ err }, 'database refused a value');
        return sendProblem(req, reply, 400, 'INVALID_VALUE', 'A value is not acceptable', 'A value in the request cannot be stored (wrong type, out of range or invalid characters).');
      }
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        const title = STATUS_CODES[err.statusCode] ?? 'Bad request';
        return sendProblem(req, reply, err.statusCode, err.code ?? title.toUpperCase().replace(/\W+/g, '_'), title, err.message);
      }
      req.log.error({ err }, 'unhandled error');
      return sendProblem(req, reply, 500, 'INTERNAL', 'Internal error', 'The server failed; the request id identifies it in the logs.');
    });
  },
  { name: 'errors' },
);
