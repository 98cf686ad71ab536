import { describe, expect, it } from 'vitest';
import { queueQuery, readQueueState, writeQueueState } from './queue-params.ts';

describe('the queue page’s address', () => {
  it('reads the plain address as the open queue in queue order', () => {
    expect(readQueueState(new URLSearchParams())).toEqual({ view: 'list', status: [], type: [], whose: 'all', q: '', sort: 'score' });
    expect(writeQueueState(readQueueState(new URLSearchParams())).toString()).toBe('');
  });

  it('keeps only values the API knows, from repeated or comma-separated keys', () => {
    const s = readQueueState(new URLSearchParams('status=new,bogus&status=triaged&type=training&whose=nobody&sort=random&view=board'));
    expect(s).toEqual({ view: 'board', status: ['new', 'triaged'], type: ['training'], whose: 'all', q: '', sort: 'score' });
  });

  it('round-trips a filtered view', () => {
    const s = { view: 'list' as const, status: ['delivered' as const], type: [], whose: 'mine' as const, q: 'kestrel', sort: 'needed_by' as const };
    expect(readQueueState(writeQueueState(s))).toEqual(s);
  });

  it('asks the API for mine and assigned-to-me in its names', () => {
    const base = readQueueState(new URLSearchParams());
    expect(queueQuery({ ...base, whose: 'mine' })).toMatchObject({ requester: 'me', assignee: undefined, status: undefined });
    expect(queueQuery({ ...base, whose: 'assigned', q: '  intel ' })).toMatchObject({ assignee: 'me', q: 'intel' });
    expect(queueQuery(base, ['in_progress']).status).toEqual(['in_progress']);
  });
});
