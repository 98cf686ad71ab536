import { wsKey } from '../../../app/workspace-context.tsx';

/**
 * Every requests query of a workspace starts with `all`, so any change (filing, triage, a +1) can invalidate the
 * queue, the request pages and capacity at once. Each feature keeps its keys under its own name.
 */
export const requestsKeys = {
  all: (slug: string) => wsKey(slug, 'requests'),
  queue: (slug: string) => [...requestsKeys.all(slug), 'queue'],
  similar: (slug: string) => [...requestsKeys.all(slug), 'similar'],
  request: (slug: string, requestId: string | undefined) => [...requestsKeys.all(slug), 'request', requestId],
  comments: (slug: string, requestId: string | undefined) => [...requestsKeys.request(slug, requestId), 'comments'],
  activity: (slug: string, requestId: string | undefined) => [...requestsKeys.request(slug, requestId), 'activity'],
  settings: (slug: string) => [...requestsKeys.all(slug), 'settings'],
  capacity: (slug: string) => [...requestsKeys.all(slug), 'capacity'],
  metrics: (slug: string) => [...requestsKeys.all(slug), 'metrics'],
};
