import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../app/api-error.ts';
import { problemWords, toldWords } from './occurrence-shared.ts';

const refused = (errors: { path: string; message: string }[], detail: string) =>
  new ApiError({ type: 'about:blank', title: 'The request is not valid', status: 400, code: 'VALIDATION_FAILED', detail, errors });

describe('problemWords', () => {
  it('names the field in the page’s words, not the API’s path', () => {
    expect(problemWords(refused([{ path: 'body.title', message: 'at most 300 characters' }], 'body.title: at most 300 characters'))).toBe('Title: at most 300 characters');
    expect(problemWords(refused([{ path: 'body.dueOn', message: 'an ISO date' }, { path: 'body.ownerUserId', message: 'not an attendee' }], 'x'))).toBe(
      'Due date: an ISO date; Owner: not an attendee',
    );
  });
  it('keeps the server’s sentence when no field is named', () => {
    expect(problemWords(new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, code: 'MEETINGS_PUBLISHED', detail: 'The agenda was already published.' }))).toBe(
      'The agenda was already published.',
    );
  });
});

describe('toldWords', () => {
  it('says who was told, or that no one else was', () => {
    expect(toldWords('Agenda published.', [])).toBe('Agenda published. No one else was told.');
    expect(toldWords('Agenda published.', [{ userId: 'a', name: 'Lee Lead' }, { userId: 'b', name: 'Rae Rep' }])).toBe('Agenda published. Lee Lead and Rae Rep were told.');
  });
});
