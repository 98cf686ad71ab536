import { z } from 'zod';
import { Uuid } from '../common.ts';
import { Decimal } from '../deals.ts';
import { MetricKind, MetricValue } from './metrics.ts';

/** The CRO scorecard: key metrics with their recent history, pipeline, win rates with intervals, themes and SLA breaches. */

export const ScorecardQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^FY\d{4} Q[1-4]$/, 'a fiscal quarter, e.g. "FY2027 Q1"')
    .optional()
    .describe('A fiscal quarter by the workspace fiscal year; default the current one'),
  periods: z.coerce.number().int().min(2).max(12).default(8).describe('How many quarters each sparkline covers, this one included'),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;

export const ScorecardPeriod = z.object({ label: z.string(), start: z.string(), end: z.string() });
export type ScorecardPeriod = z.infer<typeof ScorecardPeriod>;

export const ScorecardPoint = z.object({ period: ScorecardPeriod, value: z.number().nullable(), count: z.number().int(), noData: z.boolean() });

export const ScorecardMetric = z.object({
  metric: z.string(),
  title: z.string(),
  kind: MetricKind,
  unit: z.string(),
  higherIsBetter: z.boolean(),
  current: MetricValue,
  previous: MetricValue,
  /** current − previous (fraction points for proportions); null when either has no data. */
  change: z.number().nullable(),
  /** Oldest first, ending with the current period (to today). */
  series: z.array(ScorecardPoint),
});
export type ScorecardMetric = z.infer<typeof ScorecardMetric>;

export const PipelineStage = z.object({
  stage: z.string(),
  count: z.number().int(),
  amount: Decimal.describe('Σ base-currency amount'),
  withoutAmount: z.number().int(),
});

export const ScorecardTheme = z.object({
  id: Uuid,
  name: z.string(),
  status: z.string(),
  items: z.number().int(),
  openPipeline: Decimal,
  openDeals: z.number().int(),
  lostRevenue: Decimal,
  lostDeals: z.number().int(),
  /** openPipeline + lostRevenue: what the theme puts at stake. */
  revenueAtStake: Decimal,
});

export const ScorecardBreach = z.object({
  id: Uuid,
  title: z.string(),
  type: z.string(),
  status: z.string(),
  dueAt: z.string().nullable(),
  requester: z.string().nullable(),
});

export const Scorecard = z.object({
  period: ScorecardPeriod,
  previousPeriod: ScorecardPeriod,
  /** The current period is counted up to this day (today when the period is under way). */
  asOf: z.string(),
  baseCurrency: z.string(),
  keyMetrics: z.array(ScorecardMetric),
  /** Open deals now, by stage (the pipeline has no period). */
  pipelineByStage: z.array(PipelineStage),
  winRateBySegment: z.array(MetricValue),
  winRateByCompetitor: z.array(MetricValue),
  topThemes: z.array(ScorecardTheme),
  /** Open requests past their SLA; null before the requests module has data. */
  requestsBreachingSla: z.object({ count: z.number().int(), items: z.array(ScorecardBreach) }).nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;
