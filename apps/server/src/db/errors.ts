/**
 * Whether a database error is a unique violation of `constraint` (Drizzle wraps the driver's error in `cause`).
 * For races a check before the write cannot see: the index has the last word.
 */
export function violates(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = err.cause?.code ?? err.code;
  const name = err.cause?.constraint ?? err.constraint;
  return code === '23505' && name === constraint;
}

/**
 * Whether an error means the database connection was lost (the server stopped or restarted, the backend
 * was terminated, the network dropped), following Drizzle's `cause` chain: the work was rolled back and
 * may simply be run again once the database answers.
 */
export function connectionLost(e: unknown): boolean {
  for (let err = e as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 5; err = err.cause as typeof err, depth++) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (/^(08|57P0)/.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN'].includes(code)) return true;
    if (typeof err.message === 'string' && /Connection terminated|connection error and is not queryable|not queryable/i.test(err.message)) return true;
  }
  return false;
}
