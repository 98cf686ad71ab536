import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccountDetail,
  AccountList,
  AccountListQuery,
  DealDetail,
  DealFilters,
  DealList,
  DealListQuery,
  DealSummary,
  ExchangeRateList,
  PutExchangeRatesRequest,
  PutExchangeRatesResponse,
  PutStageMappingRequest,
  PutStageMappingResponse,
  StageMappingList,
} from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const DealParam = WorkspaceParam.extend({ dealId: z.uuid() });
const AccountParam = WorkspaceParam.extend({ accountId: z.uuid() });
const tags = ['deals'];

export const dealsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { deals } = services;

  app.get(
    '/workspaces/:workspace/deals',
    {
      config: { action: 'deals.read' },
      schema: { tags, summary: 'Deals, filtered and sorted, with the exact filtered total', params: WorkspaceParam, querystring: DealListQuery, response: { 200: DealList } },
    },
    async (req) => deals.list(tenantOf(req), req.query),
  );

  app.get(
    '/workspaces/:workspace/deals/summary',
    {
      config: { action: 'deals.read' },
      schema: { tags, summary: 'Deal count and base-currency amount by status and by stage', params: WorkspaceParam, querystring: DealFilters, response: { 200: DealSummary } },
    },
    async (req) => deals.summary(tenantOf(req), req.query),
  );

  app.get(
    '/workspaces/:workspace/deals/:dealId',
    { config: { action: 'deals.read' }, schema: { tags, summary: 'A deal with its account and stage history', params: DealParam, response: { 200: DealDetail } } },
    async (req) => deals.get(tenantOf(req), req.params.dealId),
  );

  app.get(
    '/workspaces/:workspace/accounts',
    { config: { action: 'deals.read' }, schema: { tags, summary: 'Accounts by name', params: WorkspaceParam, querystring: AccountListQuery, response: { 200: AccountList } } },
    async (req) => deals.listAccounts(tenantOf(req), req.query),
  );

  app.get(
    '/workspaces/:workspace/accounts/:accountId',
    { config: { action: 'deals.read' }, schema: { tags, summary: 'An account with its deal counts', params: AccountParam, response: { 200: AccountDetail } } },
    async (req) => deals.getAccount(tenantOf(req), req.params.accountId),
  );

  app.get(
    '/workspaces/:workspace/deal-settings/stages',
    { config: { action: 'deals.read' }, schema: { tags, summary: 'Stage → status mapping, and stages no mapping knows', params: WorkspaceParam, response: { 200: StageMappingList } } },
    async (req) => deals.getStageMapping(tenantOf(req)),
  );

  app.put(
    '/workspaces/:workspace/deal-settings/stages',
    {
      config: { action: 'deals.settings' },
      schema: { tags, summary: 'Replace the stage mapping; recomputes the status of affected deals', params: WorkspaceParam, body: PutStageMappingRequest, response: { 200: PutStageMappingResponse } },
    },
    async (req) => deals.putStageMapping(tenantOf(req), req.body),
  );

  app.get(
    '/workspaces/:workspace/deal-settings/exchange-rates',
    { config: { action: 'deals.read' }, schema: { tags, summary: 'Exchange rates to the base currency', params: WorkspaceParam, response: { 200: ExchangeRateList } } },
    async (req) => deals.getExchangeRates(tenantOf(req)),
  );

  app.put(
    '/workspaces/:workspace/deal-settings/exchange-rates',
    {
      config: { action: 'deals.settings' },
      schema: { tags, summary: 'Replace the exchange rates; recomputes base-currency amounts', params: WorkspaceParam, body: PutExchangeRatesRequest, response: { 200: PutExchangeRatesResponse } },
    },
    async (req) => deals.putExchangeRates(tenantOf(req), req.body),
  );
};
