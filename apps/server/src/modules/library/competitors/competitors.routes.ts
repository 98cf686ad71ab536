import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { CompetitorsService } from './competitors.service.ts';

export const competitorsRoutes: FastifyPluginAsync<{ competitors: CompetitorsService }> = async (app, { competitors }) => {
  route(app, api.competitorsList, async (req) => competitors.list(tenantOf(req), req.query));
  route(app, api.competitorsCreate, async (req) => competitors.create(tenantOf(req), req.body));
  route(app, api.competitorsUnlinked, async (req) => competitors.unlinked(tenantOf(req)));
  route(app, api.competitorsGet, async (req) => competitors.page(tenantOf(req), req.params.competitorId));
  route(app, api.competitorsUpdate, async (req) => competitors.update(tenantOf(req), req.params.competitorId, req.body));
  route(app, api.competitorsDelete, async (req) => competitors.remove(tenantOf(req), req.params.competitorId));
};
