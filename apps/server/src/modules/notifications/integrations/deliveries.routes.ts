import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/notifications';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { DeliveriesService } from './deliveries.service.ts';

export const deliveriesRoutes: FastifyPluginAsync<{ notifications: DeliveriesService }> = async (app, { notifications: s }) => {
  route(app, api.deliveries, async (req) => s.deliveries(tenantOf(req), req.query));
  route(app, api.delivery, async (req) => s.delivery(tenantOf(req), req.params.deliveryId));
  route(app, api.retryDelivery, async (req) => s.retry(tenantOf(req), req.params.deliveryId));
  route(app, api.discardDelivery, async (req) => s.discard(tenantOf(req), req.params.deliveryId));
};
