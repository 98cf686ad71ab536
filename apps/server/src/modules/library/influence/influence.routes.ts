import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { InfluenceService } from './influence.service.ts';

export const influenceRoutes: FastifyPluginAsync<{ influence: InfluenceService }> = async (app, { influence }) => {
  route(app, api.influenceGet, async (req) => influence.get(tenantOf(req), req.params.assetId));
};
