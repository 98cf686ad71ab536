import * as dealsEndpoints from '@tandem/contracts/web-endpoints/deals';
import { call } from '../../../app/api/client.ts';
import type { DealFilterParams, DealSort } from './deals.keys.ts';

const params = (slug: string) => ({ workspace: slug });

/**
 * The deal and account lists as plain requests, for hooks that keep their own query keys under
 * `dealsKeys.all` (this module's, and other modules' pickers).
 */
export const dealsApi = {
  list: (slug: string, filters: DealFilterParams, page: { sort: DealSort; cursor?: string; limit?: number }) =>
    call(dealsEndpoints.list, { params: params(slug), query: { ...filters, ...page } }),
  accounts: (slug: string, query: { q?: string; segment?: string; cursor?: string; limit?: number } = {}) =>
    call(dealsEndpoints.accounts, { params: params(slug), query }),
};
