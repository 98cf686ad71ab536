// The metric catalogue, the scorecard and win/loss: the metrics half of the goals module, exposed to goals/index.ts.
import type { Deps } from '../../../lib/deps.ts';
import { createMetricsService } from './metrics.service.ts';
import type { MetricsServices } from './metrics.routes.ts';
import { createScorecardService } from './scorecard/scorecard.service.ts';
import { createWinLossService } from './win-loss/win-loss.service.ts';

export { metricsRoutes, type MetricsServices } from './metrics.routes.ts';
export { MetricsErrors } from './metrics.errors.ts';
export { listMetrics } from './catalogue.ts';
export type { MetricInput, MetricsService } from './metrics.service.ts';

export function createMetricsServices(deps: Pick<Deps, 'database'>): MetricsServices {
  return { metrics: createMetricsService(deps), scorecard: createScorecardService(deps), winLoss: createWinLossService(deps) };
}
