import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { UsageService } from './usage.service.ts';

export const usageRoutes: FastifyPluginAsync<{ assetUsage: UsageService }> = async (app, { assetUsage: usage }) => {
  route(app, api.usageRecord, async (req) => usage.record(tenantOf(req), req.params.assetId, req.body));
  route(app, api.usageGet, async (req) => usage.get(tenantOf(req), req.params.assetId, req.query));
  route(app, api.usageAttachDeal, async (req) => usage.attachDeal(tenantOf(req), req.params.assetId, req.body.dealId));
  route(app, api.usageAttachedDeals, async (req) => usage.attachedDeals(tenantOf(req), req.params.assetId));
  route(app, api.usageVote, async (req) => usage.vote(tenantOf(req), req.params.assetId, req.body));
  route(app, api.usageUnvote, async (req) => usage.unvote(tenantOf(req), req.params.assetId));
  route(app, api.usageReport, async (req) => usage.report(tenantOf(req)));
};
