/**
 * The error every domain throws. Each domain lists its own in a
 * `<domain>.errors.ts` catalogue; one handler turns them into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { errors?: { path: string; message: string }[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export type ErrorFactory<A extends unknown[] = []> = (...args: A) => AppError;

/** Defines a catalogue entry: `define('TEAMS_NOT_FOUND', 404, 'Team not found', (id: string) => \`No team ${id}\`)`. */
export function defineError<A extends unknown[]>(
  code: string,
  status: number,
  title: string,
  detail?: (...args: A) => string,
): ErrorFactory<A> {
  const factory = (...args: A) => new AppError(code, status, title, detail?.(...args));
  return Object.assign(factory, { code });
}
