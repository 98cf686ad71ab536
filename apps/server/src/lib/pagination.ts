import { AppError } from './app-error.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset cursors: opaque base64url of the last row's sort key. */
export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): string[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Every cursor ends with a row id (a UUID); checking it keeps tampered cursors out of SQL.
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string') && UUID.test(String(key[arity - 1]))) {
      return key as string[];
    }
  } catch {
    /* fall through */
  }
  invalidCursor();
}

/** For a cursor whose shape is right but whose values are not (a tampered key). */
export function invalidCursor(): never {
  throw new AppError('INVALID_CURSOR', 400, 'Invalid cursor', 'query.cursor: not a cursor this API returned', {
    errors: [{ path: 'query.cursor', message: 'not a cursor this API returned' }],
  });
}

/** A (created_at, id) cursor, for lists newest first. */
export function decodeTimeCursor(cursor: string | undefined) {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const createdAt = new Date(key[0]!);
  if (Number.isNaN(createdAt.getTime())) decodeCursor('x', 2);
  return { createdAt, id: key[1]! };
}

/** Given up to limit+1 rows, the page and the cursor to the next one. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => string[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
