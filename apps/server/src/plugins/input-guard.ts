import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error.ts';

/** The path of the first string holding a NUL character, which PostgreSQL text cannot store. */
export function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findNul(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = (k.includes('\u0000') && `${path}.${k}`) || findNul(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

function refuse(path: string): AppError {
  const message = 'must not contain NUL (\\u0000) characters';
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', `${path}: ${message}`, { errors: [{ path, message }] });
}

/** A multipart Content-Type that names no boundary: no part of such a body can be found. */
export function multipartWithoutBoundary(contentType: string | undefined): boolean {
  return !!contentType && /^\s*multipart\/form-data\b/i.test(contentType) && !/;\s*boundary=("[^"]+"|[^\s;]+)/i.test(contentType);
}

/** Refuses input that no schema can sensibly allow, before it reaches authentication or a handler. */
export const inputGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (req) => {
      const bad = findNul(req.params, 'params') ?? findNul(req.query, 'query');
      if (bad) throw refuse(bad);
      if (multipartWithoutBoundary(req.headers['content-type'])) {
        const message = 'multipart/form-data must name its boundary (multipart/form-data; boundary=…)';
        throw new AppError('MULTIPART_BOUNDARY_MISSING', 400, 'The multipart body has no boundary', `headers.content-type: ${message}`, {
          errors: [{ path: 'headers.content-type', message }],
        });
      }
    });
    app.addHook('preValidation', async (req) => {
      const bad = findNul(req.body, 'body');
      if (bad) throw refuse(bad);
    });
  },
  { name: 'input-guard', dependencies: ['errors'] },
);
