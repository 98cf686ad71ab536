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

/** One field the request got wrong: `path` as schema validation names it (`body.whatChanged`, `query.period`). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * 400 VALIDATION_FAILED naming every field, in the same shape as schema validation: `errors[]` for forms (each shown
 * beside its field) and a detail listing them as `path: message` for API callers and logs.
 */
export function invalidFields(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', errors.length ? errors.map((e) => `${e.path}: ${e.message}`).join('; ') : undefined, {
    errors,
  });
}

/** 400 VALIDATION_FAILED naming one field (`body.neededBy`, `body.dealIds.0`). */
export function invalidField(path: string, message: string): AppError {
  return invalidFields([{ path, message }]);
}
