import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/goals';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { HomeService } from './home.service.ts';

export const homeRoutes: FastifyPluginAsync<{ home: HomeService }> = async (app, { home }) => {
  route(app, api.myDealThemes, async (req) => home.myDealThemes(tenantOf(req), req.query));
};
