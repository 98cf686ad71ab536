/** Which of loading / error / empty / content a query's view shows, decided without React. */

export type QueryPhase = 'idle' | 'pending' | 'error' | 'empty' | 'ready';

/** The parts of a TanStack Query result the views read (UseQueryResult and UseInfiniteQueryResult both fit). */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  /** 'idle' while pending means the query is switched off (`enabled: false`), e.g. by an invalid filter. */
  fetchStatus?: 'fetching' | 'paused' | 'idle';
  refetch: () => unknown;
}

/**
 * In the order the pages have always checked: nothing yet (idle or pending), then the error
 * (also when a refetch failed over older data), then empty, then the content.
 */
export function queryPhase<T>(query: QueryLike<T>, isEmpty?: (data: T) => boolean): QueryPhase {
  if (query.isPending || query.data === undefined) {
    if (query.isError) return 'error';
    return query.fetchStatus === 'idle' ? 'idle' : 'pending';
  }
  if (query.isError) return 'error';
  return isEmpty?.(query.data) ? 'empty' : 'ready';
}

/** The items of every loaded page of a cursor-paged query, in order. */
export function flattenPages<P, I>(data: { pages: readonly P[] } | undefined, items: (page: P) => readonly I[]): I[] {
  return data ? data.pages.flatMap((p) => [...items(p)]) : [];
}

/**
 * Several queries read as one, for a view that needs all their answers (a checklist made from five
 * lists): data once every query has answered (made by `combine`), pending while any is, the first
 * error, and "Try again" retries the queries that failed. `useQueries` results fit as they are.
 */
export function combineQueries<const T extends readonly unknown[], R>(
  queries: { readonly [K in keyof T]: QueryLike<T[K]> },
  combine: (data: T) => R,
): QueryLike<R> {
  const all = queries as readonly QueryLike<unknown>[];
  const failed = all.filter((q) => q.isError);
  const answered = all.every((q) => q.data !== undefined);
  // Idle only when every query still waiting is switched off.
  const waiting = all.filter((q) => q.isPending || q.data === undefined);
  const statuses = (waiting.length > 0 ? waiting : all).map((q) => q.fetchStatus);
  return {
    data: answered ? combine(all.map((q) => q.data) as unknown as T) : undefined,
    error: failed[0]?.error ?? null,
    isPending: all.some((q) => q.isPending),
    isError: failed.length > 0,
    fetchStatus: statuses.includes('fetching') ? 'fetching' : statuses.includes('paused') ? 'paused' : 'idle',
    refetch: () => Promise.all((failed.length > 0 ? failed : all).map((q) => q.refetch())),
  };
}
