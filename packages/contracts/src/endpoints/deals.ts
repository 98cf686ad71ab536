import { AccountDetail, AccountList, AccountListQuery, DealDetail, DealFilters, DealList, DealListQuery, DealSummary, ExchangeRateList, PutExchangeRatesRequest, PutExchangeRatesResponse, PutStageMappingRequest, PutStageMappingResponse, StageMappingList } from '../deals.ts';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';

/**
 * The deals module's rows of the endpoint table (see ../endpoint.ts). Imported as a namespace —
 * `import * as dealsEndpoints from '@tandem/contracts/endpoints/deals'` — so a web chunk keeps only the rows it calls.
 */

const read = { action: 'deals.read' } as const;
const settings = { action: 'deals.settings' } as const;

export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deals',
  summary: 'Deals, filtered and sorted, with the exact filtered total',
  tag: 'deals',
  access: read,
  params: WorkspaceParam,
  query: DealListQuery,
  response: DealList,
});

export const summary = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deals/summary',
  summary: 'Deal count and base-currency amount by status and by stage',
  tag: 'deals',
  access: read,
  params: WorkspaceParam,
  query: DealFilters,
  response: DealSummary,
});

export const get = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deals/:dealId',
  summary: 'A deal with its account and stage history',
  tag: 'deals',
  access: read,
  params: workspaceAnd('dealId'),
  response: DealDetail,
});

export const accounts = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/accounts',
  summary: 'Accounts by name',
  tag: 'deals',
  access: read,
  params: WorkspaceParam,
  query: AccountListQuery,
  response: AccountList,
});

export const account = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/accounts/:accountId',
  summary: 'An account with its deal counts',
  tag: 'deals',
  access: read,
  params: workspaceAnd('accountId'),
  response: AccountDetail,
});

export const stageMapping = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deal-settings/stages',
  summary: 'Stage → status mapping, and stages no mapping knows',
  tag: 'deals',
  access: read,
  params: WorkspaceParam,
  response: StageMappingList,
});

export const putStageMapping = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/deal-settings/stages',
  summary: 'Replace the stage mapping; recomputes the status of affected deals',
  tag: 'deals',
  access: settings,
  params: WorkspaceParam,
  body: PutStageMappingRequest,
  response: PutStageMappingResponse,
});

export const exchangeRates = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deal-settings/exchange-rates',
  summary: 'Exchange rates to the base currency',
  tag: 'deals',
  access: read,
  params: WorkspaceParam,
  response: ExchangeRateList,
});

export const putExchangeRates = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/deal-settings/exchange-rates',
  summary: 'Replace the exchange rates; recomputes base-currency amounts',
  tag: 'deals',
  access: settings,
  params: WorkspaceParam,
  body: PutExchangeRatesRequest,
  response: PutExchangeRatesResponse,
});
