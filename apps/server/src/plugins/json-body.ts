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

/** How deep objects and arrays may nest in a JSON body; no request of Tandem's needs more than a handful. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first offset where `text` opens its (limit+1)th nested object or array, ignoring brackets
 * inside strings; undefined when it nests no deeper than `limit`. One pass, no recursion, so a
 * crafted body is refused before JSON.parse, schema validation or any recursive walk sees it.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/**
 * JSON bodies, parsed so that a syntax error says where it broke (line,
 * column), with prototype-poisoning keys refused as Fastify's own parser does.
 * An empty body parses as "no body", so bodyless POSTs may still send the header. Bodies nested deeper
 * than MAX_JSON_DEPTH are refused (400 JSON_TOO_DEEP) before they are parsed.
 */
export const jsonBodyPlugin = fp(
  async (app: FastifyInstance) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      const text = body as string;
      if (text.trim() === '') return done(null, undefined);
      const deep = tooDeepAt(text);
      if (deep !== undefined) {
        const { line, column } = lineColumn(text, deep);
        const message = `nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}`;
        return done(
          new AppError('JSON_TOO_DEEP', 400, 'The body is nested too deeply', `Objects and arrays may nest at most ${MAX_JSON_DEPTH} levels; this body is ${message}`, {
            errors: [{ path: 'body', message }],
          }),
          undefined,
        );
      }
      try {
        done(null, sjson.parse(text, { protoAction: 'error', constructorAction: 'error' }));
      } catch (e) {
        done(invalidJson(text, e as Error), undefined);
      }
    });
  },
  { name: 'json-body' },
);
