import { wsKey } from '../../../app/workspace-context.tsx';

/** Every meetings query of a workspace starts with `all`, so one change refreshes lists, series and occurrences. */
export const meetingsKeys = {
  all: (slug: string) => wsKey(slug, 'meetings'),
  list: (slug: string) => [...meetingsKeys.all(slug), 'list'],
  series: (slug: string, seriesId: string | undefined) => [...meetingsKeys.all(slug), 'series', seriesId],
  occurrence: (slug: string, seriesId: string | undefined, number: number) => [...meetingsKeys.all(slug), 'occurrence', seriesId, number],
  memberOptions: (slug: string) => [...meetingsKeys.all(slug), 'member-options'],
  metrics: (slug: string, from: string, to: string) => [...meetingsKeys.all(slug), 'metrics', from, to],
};
