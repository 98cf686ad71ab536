import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { problemFieldErrors, serverErrorSummary } from './forms.ts';

const refusal = (errors: { path: string; message: string }[]) =>
  new ApiError({
    type: 'about:blank',
    title: 'The request is not valid',
    status: 400,
    code: 'VALIDATION_FAILED',
    detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
    errors,
  });

describe("a form's alert for the server's refusal", () => {
  it('points at the fields when every error is one of the form’s fields (each shown beside its field)', () => {
    const one = refusal([{ path: 'body.whatChanged', message: 'say what changed' }]);
    expect(problemFieldErrors(one)).toEqual({ whatChanged: 'say what changed' });
    expect(serverErrorSummary(one, problemFieldErrors(one), ['rationale', 'whatChanged'])).toBe('Check the field marked below.');
    const two = refusal([
      { path: 'body.whatChanged', message: 'say what changed' },
      { path: 'body.rationale', message: 'Required' },
    ]);
    expect(serverErrorSummary(two, problemFieldErrors(two), ['rationale', 'whatChanged'])).toBe('Check the 2 fields marked below.');
  });

  it('keeps the server’s detail when an error names something the form does not show', () => {
    const e = refusal([
      { path: 'body.whatChanged', message: 'say what changed' },
      { path: 'body.options.2', message: 'too long' },
    ]);
    expect(serverErrorSummary(e, problemFieldErrors(e), ['whatChanged'])).toBe('body.whatChanged: say what changed; body.options.2: too long');
    const conflict = new ApiError({ type: 'about:blank', title: 'Already decided', status: 409, code: 'X', detail: 'This decision was decided.' });
    expect(serverErrorSummary(conflict, {}, ['whatChanged'])).toBe('This decision was decided.');
  });
});
