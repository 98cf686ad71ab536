import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import sjson from 'secure-json-parse';
import { AppError } from '../lib/app-error.ts';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
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
        const message = (e as Error).message;
        const m = /position (\d+)/.exec(message);
        const where = m ? lineColumn(text, Number(m[1])) : text.length ? lineColumn(text, text.length) : undefined;
        const at = where ? ` at line ${where.line}, column ${where.column}` : '';
        done(
          new AppError('INVALID_JSON', 400, 'The body is not valid JSON', `${message.replace(/ in JSON at position \d+.*$/, '')}${at}`, {
            errors: [{ path: 'body', message: `invalid JSON${at}` }],
          }),
          undefined,
        );
      }
    });
  },
  { name: 'json-body' },
);
