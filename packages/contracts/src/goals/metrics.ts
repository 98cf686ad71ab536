import { z } from 'zod';
import { IsoDate, Uuid, listEnvelope } from '../common.ts';
import { Decimal } from '../deals.ts';

/**
 * The metric catalogue and its answers: one set of numbers marketing and sales both read, each with its
 * sample size, a Wilson 95 % interval for proportions, and "no data" (never 0 %) for an empty period.
 */

export const METRIC_DIMENSIONS = ['period', 'segment', 'product', 'owner', 'team', 'competitor'] as const;
export const MetricDimension = z.enum(METRIC_DIMENSIONS);
export type MetricDimension = z.infer<typeof MetricDimension>;

/** The meetings module's metrics: goals lists them through a metric source given at composition (goals never imports meetings). */
export const MEETING_METRIC_NAMES = ['meeting-action-items-on-time', 'meetings-held', 'meeting-attendance'] as const;
export type MeetingMetricName = (typeof MEETING_METRIC_NAMES)[number];

export const METRIC_NAMES = [
  'win-rate',
  'win-rate-vs-competitor',
  'pipeline-created',
  'average-deal-size',
  'sales-cycle-days',
  'stage-conversion',
  'feedback-response-rate',
  'feedback-time-to-acknowledge',
  'themes-addressed',
  'content-influenced-pipeline',
  'asset-adoption',
  'request-sla-attainment',
  'request-backlog-age',
  'decision-involvement-rate',
  ...MEETING_METRIC_NAMES,
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** proportion: value is a fraction 0–1 with low/high; currency: base-currency units; days; count. */
export const MetricKind = z.enum(['proportion', 'currency', 'days', 'count']);
export type MetricKind = z.infer<typeof MetricKind>;

/** What the records behind a number are. */
export const MetricRecordKind = z.enum(['deal', 'feedback', 'theme', 'request', 'asset', 'decision', 'meeting']);
export type MetricRecordKind = z.infer<typeof MetricRecordKind>;

export const MetricDefinition = z.object({
  name: z.string().describe('kebab-case, e.g. `win-rate`'),
  title: z.string(),
  definition: z.string().describe('A paragraph shown in the UI: what is counted, over which dates, and what is left out'),
  kind: MetricKind,
  /** `fraction`, the base currency code, `days` or `count`. */
  unit: z.string(),
  /** Which way is better (a key result's direction defaults to it). */
  higherIsBetter: z.boolean(),
  filters: z.array(MetricDimension),
  groupBy: z.array(MetricDimension),
  /** Whether `byAmount=true` weighs by base-currency amount (win rate). */
  byAmount: z.boolean(),
  records: MetricRecordKind,
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const MetricList = z.object({ baseCurrency: z.string(), fiscalYearStartMonth: z.number().int(), items: z.array(MetricDefinition) });
export type MetricList = z.infer<typeof MetricList>;

const BoolParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** The filters every metric takes (those a metric does not use are refused with a 400 naming them). */
export const metricFilterShape = {
  from: IsoDate.optional().describe('First day, inclusive; default the first day of the current fiscal quarter'),
  to: IsoDate.optional().describe('Last day, inclusive; default today'),
  segment: z.string().trim().min(1).max(120).optional().describe("The account's segment"),
  product: z.string().trim().min(1).max(200).optional(),
  owner: z.string().trim().min(1).max(200).optional().describe('A member user id, or an owner name as the source gave it'),
  team: Uuid.optional().describe('A team id: deals owned by its members'),
  competitor: z.string().trim().min(1).max(200).optional(),
};
export const MetricFilters = z.object(metricFilterShape);
export type MetricFilters = z.infer<typeof MetricFilters>;

const dateOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const dateOrderError = { path: ['to'], message: 'to is before from' };

export const MetricQuery = z
  .object({
    ...metricFilterShape,
    groupBy: MetricDimension.optional(),
    byAmount: BoolParam.describe('Win rate weighed by base-currency amount instead of by count'),
  })
  .refine(dateOrder, dateOrderError);
export type MetricQuery = z.infer<typeof MetricQuery>;

export const MetricParams = z.object({ workspace: z.string().min(1).max(64), metric: z.string().min(1).max(64) });

/** One number with what it was computed from. `value` null with `noData` when nothing was counted. */
export const MetricValue = z.object({
  key: z.string().describe('The group key (e.g. a segment, `FY2027 Q1`); `total` for the total'),
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable().describe('Proportions: what was counted as a success (an amount with byAmount)'),
  denominator: z.number().nullable().describe('Proportions: everything counted; averages and medians: the sample size'),
  low: z.number().nullable().describe('Wilson 95 % lower bound (proportions by count only)'),
  high: z.number().nullable(),
  /** How many records the number is computed from. */
  count: z.number().int(),
  noData: z.boolean(),
  /** Deals counted here that have no base-currency amount (left out of sums and averages; said, not hidden). */
  withoutAmount: z.number().int(),
});
export type MetricValue = z.infer<typeof MetricValue>;

export const MetricResult = z.object({
  metric: z.string(),
  title: z.string(),
  kind: MetricKind,
  unit: z.string(),
  baseCurrency: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: MetricDimension.nullable(),
  byAmount: z.boolean(),
  items: z.array(MetricValue),
  total: MetricValue,
  /** A sentence for the UI when something was left out (e.g. deals without an amount). */
  notes: z.array(z.string()),
});
export type MetricResult = z.infer<typeof MetricResult>;

// ---- The records behind a number ---------------------------------------------------------------

export const MetricRecordsQuery = z
  .object({
    ...metricFilterShape,
    groupBy: MetricDimension.optional(),
    byAmount: BoolParam.describe('As on the metric (the records are the same deals)'),
    key: z.string().max(300).optional().describe('An item key from the metric answer; absent: the total'),
    part: z.enum(['numerator', 'denominator']).default('denominator').describe('The records counted as a success, or all counted'),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(dateOrder, dateOrderError);
export type MetricRecordsQuery = z.infer<typeof MetricRecordsQuery>;

export const MetricRecord = z.object({
  kind: MetricRecordKind,
  id: Uuid,
  /** Deal name, the feedback text, a request's or asset's title. */
  title: z.string(),
  /** The account (deals, feedback), the theme, or the request's type. */
  context: z.string().nullable(),
  /** Stage, theme status, request status. */
  status: z.string(),
  /** The date the metric counted it by (close date, created date, said at, filed at). */
  date: z.string().nullable(),
  amount: Decimal.nullable(),
  currency: z.string().nullable(),
  amountBase: Decimal.nullable(),
  owner: z.string().nullable(),
  segment: z.string().nullable(),
  /** Counted as a success (won, acknowledged, within SLA…). */
  inNumerator: z.boolean(),
  /** The record's own measure where the metric has one (days to close, hours to acknowledge…). */
  measure: z.number().nullable(),
});
export type MetricRecord = z.infer<typeof MetricRecord>;

export const MetricRecordList = listEnvelope(MetricRecord).extend({ metric: z.string(), recordKind: MetricRecordKind });
export type MetricRecordList = z.infer<typeof MetricRecordList>;
