import { describe, expect, it } from 'vitest';
import { combineQueries, flattenPages, queryPhase, type QueryLike } from './query-phase.ts';

const base = { error: null, isPending: false, isError: false, fetchStatus: 'idle' as const, refetch: () => {} };
const q = <T,>(over: Partial<QueryLike<T>>): QueryLike<T> => ({ ...base, data: undefined, ...over });

describe('queryPhase', () => {
  it('is pending while the first answer is on its way, idle while the query is switched off', () => {
    expect(queryPhase(q({ isPending: true, fetchStatus: 'fetching' }))).toBe('pending');
    expect(queryPhase(q({ isPending: true, fetchStatus: 'paused' }))).toBe('pending');
    expect(queryPhase(q({ isPending: true, fetchStatus: 'idle' }))).toBe('idle');
  });

  it('shows the error, also when a refetch failed over older data', () => {
    expect(queryPhase(q({ isError: true, error: new Error('x') }))).toBe('error');
    expect(queryPhase(q({ isError: true, data: [1] }), (d) => d.length === 0)).toBe('error');
  });

  it('is empty only when the caller says so, otherwise ready', () => {
    expect(queryPhase(q({ data: [] as number[] }), (d) => d.length === 0)).toBe('empty');
    expect(queryPhase(q({ data: [1] }), (d) => d.length === 0)).toBe('ready');
    expect(queryPhase(q({ data: [] as number[] }))).toBe('ready');
    // Placeholder data (keepPreviousData) counts as data.
    expect(queryPhase(q({ data: { total: 0 }, fetchStatus: 'fetching' }), (d) => d.total === 0)).toBe('empty');
  });
});

describe('flattenPages', () => {
  it('joins the items of every loaded page in order', () => {
    expect(flattenPages({ pages: [{ items: [1, 2] }, { items: [3] }] }, (p) => p.items)).toEqual([1, 2, 3]);
    expect(flattenPages(undefined, (p: { items: number[] }) => p.items)).toEqual([]);
  });
});

describe('combineQueries', () => {
  const answered = <T,>(data: T) => q<T>({ data });

  it('has data once every query answered, made by combine, with each answer in its place', () => {
    const both = combineQueries([answered(2), answered('b')], ([n, s]) => `${s}${n}`);
    expect(both.data).toBe('b2');
    expect(queryPhase(both)).toBe('ready');
    const list = combineQueries([answered(1), answered(2), answered(3)], (totals) => totals.reduce((a, b) => a + b, 0));
    expect(list.data).toBe(6);
  });

  it('is pending while any query is, and idle only when the ones still waiting are switched off', () => {
    const one = combineQueries([answered(1), q<number>({ isPending: true, fetchStatus: 'fetching' })], ([a, b]) => a + b);
    expect(one.data).toBeUndefined();
    expect(queryPhase(one)).toBe('pending');
    const off = combineQueries([answered(1), q<number>({ isPending: true, fetchStatus: 'idle' })], ([a, b]) => a + b);
    expect(queryPhase(off)).toBe('idle');
    const refreshing = combineQueries([q({ data: 1, fetchStatus: 'fetching' }), q<number>({ isPending: true, fetchStatus: 'idle' })], ([a, b]) => a + b);
    expect(queryPhase(refreshing)).toBe('idle');
  });

  it('shows the first error, also over older answers, and retries only the queries that failed', async () => {
    const calls: string[] = [];
    const ok = q({ data: 1, refetch: () => calls.push('ok') });
    const bad = q<number>({ isError: true, error: new Error('boom'), refetch: () => calls.push('bad') });
    const worse = q({ data: 2, isError: true, error: new Error('later'), refetch: () => calls.push('worse') });
    const combined = combineQueries([ok, bad, worse], ([a, b, c]) => a + b + c);
    expect(combined.isError).toBe(true);
    expect((combined.error as Error).message).toBe('boom');
    expect(queryPhase(combined)).toBe('error');
    await combined.refetch();
    expect(calls).toEqual(['bad', 'worse']);
  });
});
