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
