import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/feedback';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { FeedbackService } from './items.service.ts';

export const itemsRoutes: FastifyPluginAsync<{ feedback: FeedbackService }> = async (app, { feedback }) => {
  route(app, api.list, async (req) => feedback.list(tenantOf(req), req.query));
  route(app, api.create, async (req) => feedback.create(tenantOf(req), { ...req.body, source: req.body.source ?? (req.viaToken ? 'api' : 'call') }));
  route(app, api.similar, async (req) => feedback.similar(tenantOf(req), req.body.text, req.body.excludeId));
  route(app, api.mySummary, async (req) => feedback.mine(tenantOf(req)));
  route(app, api.metrics, async (req) => feedback.metrics(tenantOf(req)));
  route(app, api.get, async (req) => feedback.get(tenantOf(req), req.params.itemId));
  route(app, api.update, async (req) => feedback.update(tenantOf(req), req.params.itemId, req.body));
  route(app, api.remove, async (req) => feedback.remove(tenantOf(req), req.params.itemId));
};
