import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/deals';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { DealsService } from './deals.service.ts';

export const dealsRoutes: FastifyPluginAsync<{ deals: DealsService }> = async (app, { deals }) => {
  route(app, api.list, async (req) => deals.list(tenantOf(req), req.query));
  route(app, api.summary, async (req) => deals.summary(tenantOf(req), req.query));
  route(app, api.get, async (req) => deals.get(tenantOf(req), req.params.dealId));
  route(app, api.accounts, async (req) => deals.listAccounts(tenantOf(req), req.query));
  route(app, api.account, async (req) => deals.getAccount(tenantOf(req), req.params.accountId));
  route(app, api.stageMapping, async (req) => deals.getStageMapping(tenantOf(req)));
  route(app, api.putStageMapping, async (req) => deals.putStageMapping(tenantOf(req), req.body));
  route(app, api.exchangeRates, async (req) => deals.getExchangeRates(tenantOf(req)));
  route(app, api.putExchangeRates, async (req) => deals.putExchangeRates(tenantOf(req), req.body));
};
