import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/requests';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { MetricsService } from './metrics.service.ts';

export const metricsRoutes: FastifyPluginAsync<{ requestMetrics: MetricsService }> = async (app, { requestMetrics }) => {
  route(app, api.metrics, async (req) => requestMetrics.get(tenantOf(req), req.query));
};
