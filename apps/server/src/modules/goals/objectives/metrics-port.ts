/**
 * What the objectives need of the metric catalogue (goals/metrics, the module's metrics half), as a thin port:
 * the catalogue to validate key results and one metric's total over a period. Wired in goals/index.ts; tests pass a
 * stub. The shapes are the metrics API's (packages/contracts goals/metrics.ts), narrowed to what is read here.
 */
import type { TenantContext } from '../../../lib/context.ts';

export interface CatalogueMetric {
  name: string;
  kind: string;
  unit: string;
  higherIsBetter: boolean;
  /** The dimensions it filters on (period, segment, product, owner, team, competitor). */
  filters: readonly string[];
  byAmount: boolean;
}

export interface MetricTotal {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  noData: boolean;
}

export interface MetricsQuery {
  metric: string;
  from: string;
  to: string;
  filters?: Record<string, string>;
  byAmount?: boolean;
}

export interface MetricsPort {
  listMetrics(): readonly CatalogueMetric[] | Promise<readonly CatalogueMetric[]>;
  evaluateMetric(ctx: TenantContext, q: MetricsQuery): Promise<{ total: MetricTotal }>;
}

/** Until the catalogue is wired: no metric is known (metric key results are refused; manual ones work). */
export const NO_METRICS: MetricsPort = {
  listMetrics: () => [],
  evaluateMetric: async () => ({ total: { value: null, numerator: null, denominator: null, noData: true } }),
};
