import { REQUEST_SORTS, REQUEST_STATUSES, REQUEST_TYPES, type RequestStatus, type RequestType } from '@tandem/contracts';
import type { RequestQueueParams, RequestSort } from '../../hooks/use-requests.ts';

/** The queue page's state, all in the address bar so a view can be shared: filters, sort, list or board. */
export type QueueView = 'list' | 'board';
export type Whose = 'all' | 'mine' | 'assigned';

export interface QueueState {
  view: QueueView;
  status: RequestStatus[];
  type: RequestType[];
  whose: Whose;
  q: string;
  sort: RequestSort;
}

const pick = <T extends string>(values: string[], allowed: readonly T[]): T[] =>
  [...new Set(values.flatMap((v) => v.split(',')))].filter((v): v is T => (allowed as readonly string[]).includes(v));

export function readQueueState(p: URLSearchParams): QueueState {
  const whose = p.get('whose');
  const sort = p.get('sort');
  return {
    view: p.get('view') === 'board' ? 'board' : 'list',
    status: pick(p.getAll('status'), REQUEST_STATUSES),
    type: pick(p.getAll('type'), REQUEST_TYPES),
    whose: whose === 'mine' || whose === 'assigned' ? whose : 'all',
    q: (p.get('q') ?? '').slice(0, 200),
    sort: sort && (REQUEST_SORTS as readonly string[]).includes(sort) ? (sort as RequestSort) : 'score',
  };
}

/** Defaults are left out, so the plain queue's address stays /requests. */
export function writeQueueState(s: QueueState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.view !== 'list') p.set('view', s.view);
  for (const v of s.status) p.append('status', v);
  for (const v of s.type) p.append('type', v);
  if (s.whose !== 'all') p.set('whose', s.whose);
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.sort !== 'score') p.set('sort', s.sort);
  return p;
}

/** The API's query for the list (the board asks per status column). */
export function queueQuery(s: QueueState, status: RequestStatus[] = s.status): RequestQueueParams {
  return {
    status: status.length ? status : undefined,
    type: s.type.length ? s.type : undefined,
    requester: s.whose === 'mine' ? 'me' : undefined,
    assignee: s.whose === 'assigned' ? 'me' : undefined,
    q: s.q.trim() || undefined,
    sort: s.sort,
  };
}

export const activeFilters = (s: QueueState) => s.status.length + s.type.length + (s.whose !== 'all' ? 1 : 0) + (s.q.trim() ? 1 : 0);
