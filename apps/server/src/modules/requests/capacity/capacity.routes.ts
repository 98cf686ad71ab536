import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/requests';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { CapacityService } from './capacity.service.ts';

export const capacityRoutes: FastifyPluginAsync<{ requestCapacity: CapacityService }> = async (app, { requestCapacity }) => {
  route(app, api.capacity, async (req) => requestCapacity.get(tenantOf(req), req.query));
};
