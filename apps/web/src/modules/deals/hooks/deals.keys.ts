import type { DealSortKey, StageCategory } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';

/** What the deal list and its summary are filtered by (the API's names). */
export interface DealFilterParams {
  status?: StageCategory[];
  stage?: string;
  owner?: string;
  segment?: string;
  accountId?: string;
  /** Words in the deal's or its account's name. */
  q?: string;
  closeFrom?: string;
  closeTo?: string;
}

export type DealSort = DealSortKey | `-${DealSortKey}`;

/**
 * Every deal query of a workspace starts with `all`: an import or undo invalidates the whole
 * workspace, and a settings change everything but the settings themselves (`settings` is the
 * fourth element of a key, which the editors' predicates test).
 */
export const dealsKeys = {
  all: (slug: string) => wsKey(slug, 'deals'),
  list: (slug: string, filters: DealFilterParams, sort: DealSort) => [...dealsKeys.all(slug), 'list', filters, sort],
  summary: (slug: string, filters: DealFilterParams) => [...dealsKeys.all(slug), 'summary', filters],
  deal: (slug: string, dealId: string | undefined) => [...dealsKeys.all(slug), 'deal', dealId],
  account: (slug: string, accountId: string | undefined) => [...dealsKeys.all(slug), 'account', accountId],
  segments: (slug: string) => [...dealsKeys.all(slug), 'segments'],
  settings: (slug: string) => [...dealsKeys.all(slug), 'settings'],
  stages: (slug: string) => [...dealsKeys.settings(slug), 'stages'],
  rates: (slug: string) => [...dealsKeys.settings(slug), 'rates'],
};

/** The prefix of every deal query (other modules key their deal lookups under it). */
export const dealsKey = dealsKeys.all;
