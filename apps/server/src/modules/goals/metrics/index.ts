// The metric catalogue, the scorecard and win/loss: the metrics half of the goals module, exposed to goals/index.ts.
import type { Deps } from '../../../lib/deps.ts';
import { catalogueWith } from './catalogue.ts';
import type { MetricSource } from './metric-source.ts';
import { createMetricsService } from './metrics.service.ts';
import type { MetricsServices } from './metrics.routes.ts';
import { createScorecardService } from './scorecard/scorecard.service.ts';
import { createWinLossService } from './win-loss/win-loss.service.ts';

export { metricsRoutes, type MetricsServices } from './metrics.routes.ts';
export { MetricsErrors } from './metrics.errors.ts';
export type { MetricSource, SourceCount, SourceQuery, SourcedEntry } from './metric-source.ts';
export type { MetricInput, MetricsService } from './metrics.service.ts';

/** `sources`: other modules' metrics for the catalogue (metric-source.ts), given by the composition root. */
export function createMetricsServices(deps: Pick<Deps, 'database'>, sources: readonly MetricSource[] = []): MetricsServices {
  return { metrics: createMetricsService(deps, catalogueWith(sources)), scorecard: createScorecardService(deps), winLoss: createWinLossService(deps) };
}
