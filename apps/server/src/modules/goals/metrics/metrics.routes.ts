import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/goals';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { MetricsService } from './metrics.service.ts';
import type { ScorecardService } from './scorecard/scorecard.service.ts';
import type { WinLossService } from './win-loss/win-loss.service.ts';

export interface MetricsServices {
  metrics: MetricsService;
  scorecard: ScorecardService;
  winLoss: WinLossService;
}

export const metricsRoutes: FastifyPluginAsync<MetricsServices> = async (app, { metrics, scorecard, winLoss }) => {
  route(app, api.metricList, async (req) => metrics.list(tenantOf(req)));
  route(app, api.metric, async (req) => metrics.get(tenantOf(req), req.params.metric, req.query));
  route(app, api.metricRecords, async (req) => metrics.records(tenantOf(req), req.params.metric, req.query));
  route(app, api.scorecard, async (req) => scorecard.get(tenantOf(req), req.query));
  route(app, api.winLoss, async (req) => winLoss.get(tenantOf(req), req.query));
};
