import type {
  AccountDetail,
  AccountList,
  DealDetail,
  DealList,
  DealSortKey,
  DealSummary,
  ExchangeRateList,
  PutExchangeRatesRequest,
  PutExchangeRatesResponse,
  PutStageMappingRequest,
  PutStageMappingResponse,
  StageCategory,
  StageMappingList,
} from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

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

/** `status` repeats (`?status=won&status=lost`), which the shared client's flat query cannot say. */
function dealQuery(filters: DealFilterParams, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const s of filters.status ?? []) params.append('status', s);
  const flat = { ...filters, status: undefined, ...extra };
  for (const [key, value] of Object.entries(flat)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export const dealsApi = {
  list: (slug: string, filters: DealFilterParams, page: { sort: DealSort; cursor?: string; limit?: number }) =>
    api<DealList>(`${wsPath(slug)}/deals${dealQuery(filters, page)}`),
  summary: (slug: string, filters: DealFilterParams) => api<DealSummary>(`${wsPath(slug)}/deals/summary${dealQuery(filters)}`),
  get: (slug: string, dealId: string) => api<DealDetail>(`${wsPath(slug)}/deals/${encodeURIComponent(dealId)}`),
  accounts: (slug: string, query: { q?: string; segment?: string; cursor?: string; limit?: number } = {}) =>
    api<AccountList>(`${wsPath(slug)}/accounts`, { query }),
  account: (slug: string, accountId: string) => api<AccountDetail>(`${wsPath(slug)}/accounts/${encodeURIComponent(accountId)}`),
  stageMapping: (slug: string) => api<StageMappingList>(`${wsPath(slug)}/deal-settings/stages`),
  putStageMapping: (slug: string, body: PutStageMappingRequest) =>
    api<PutStageMappingResponse>(`${wsPath(slug)}/deal-settings/stages`, { method: 'PUT', body }),
  exchangeRates: (slug: string) => api<ExchangeRateList>(`${wsPath(slug)}/deal-settings/exchange-rates`),
  putExchangeRates: (slug: string, body: PutExchangeRatesRequest) =>
    api<PutExchangeRatesResponse>(`${wsPath(slug)}/deal-settings/exchange-rates`, { method: 'PUT', body }),
};
