import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import sjson from 'secure-json-parse';
import { AppError } from '../lib/app-error.ts';
import { jsonErrorOffset } from '../lib/json-error-offset.ts';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function invalidJson(text: string, e: Error): AppError {
  if (e.name !== 'SyntaxError') {
    // secure-json-parse refuses __proto__ and constructor.prototype keys.
    return new AppError('INVALID_JSON', 400, 'The body is not acceptable JSON', e.message);
  }
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return new AppError('INVALID_JSON', 400, 'The body is not valid JSON', e.message);
  const { line, column } = lineColumn(text, offset);
  const what = offset < text.length ? `Unexpected ${JSON.stringify(text[offset])}` : 'Unexpected end of input';
  const at = `at line ${line}, column ${column}`;
  return new AppError('INVALID_JSON', 400, 'The body is not valid JSON', `${what} ${at}`, {
    errors: [{ path: 'body', message: `invalid JSON ${at}` }],
  });
}

/**
 * JSON bodies, parsed so that a syntax error says where it broke (line,
 * column), with prototype-poisoning keys refused as Fastify's own parser does.
 * An empty body parses as "no body", so bodyless POSTs may still send the header.
 */
export const jsonBodyPlugin = fp(
  async (app: FastifyInstance) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      const text = body as string;
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, sjson.parse(text, { protoAction: 'error', constructorAction: 'error' }));
      } catch (e) {
        done(invalidJson(text, e as Error), undefined);
      }
    });
  },
  { name: 'json-body' },
);
