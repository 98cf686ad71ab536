import { wsKey } from '../../../app/workspace-context.tsx';

/** Every attribution query of a workspace starts with `all`, so one change refreshes the report, deals and disputes. */
export const attributionKeys = {
  all: (slug: string) => wsKey(slug, 'attribution'),
  report: (slug: string, q: object) => [...attributionKeys.all(slug), 'report', q],
  modelOfRecord: (slug: string) => [...attributionKeys.all(slug), 'model-of-record'],
  deal: (slug: string, dealId: string | undefined) => [...attributionKeys.all(slug), 'deal', dealId],
  disputes: (slug: string, status: string | undefined) => [...attributionKeys.all(slug), 'disputes', status],
};
