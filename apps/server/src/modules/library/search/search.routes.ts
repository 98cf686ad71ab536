import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { SearchService } from './search.service.ts';

export const searchRoutes: FastifyPluginAsync<{ librarySearch: SearchService }> = async (app, { librarySearch }) => {
  route(app, api.searchAssets, async (req) => librarySearch.search(tenantOf(req), req.query));
  route(app, api.searchForDeal, async (req) => librarySearch.forDeal(tenantOf(req), req.params.dealId, req.query));
};
