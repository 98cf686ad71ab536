import { fiscalQuarterOf, type MetricDimension, type MetricValue } from '@tandem/contracts';
import { wilsonInterval } from '../../library/index.ts';

/** Builders for one metric answer's items: every number with its counts, "no data" when nothing was counted. */

export const NONE_KEY = '(none)';

const NONE_LABELS: Record<MetricDimension, string> = {
  period: 'No date',
  segment: 'No segment',
  product: 'No product',
  owner: 'No owner',
  team: 'No team',
  competitor: 'No competitor',
};

export interface Group {
  key: string | null;
  label: string | null;
}

/** The item's key and label: fiscal quarters by their label, "none" groups named. */
export function groupLabel(g: Group, groupBy: MetricDimension | null, fiscalYearStartMonth: number): { key: string; label: string } {
  if (!groupBy) return { key: 'total', label: 'Total' };
  if (g.key === null) return { key: NONE_KEY, label: NONE_LABELS[groupBy] };
  if (groupBy === 'period') return { key: g.key, label: fiscalQuarterOf(g.key, fiscalYearStartMonth).label };
  return { key: g.key, label: g.label ?? g.key };
}

/** The key a client sends back, as the repositories read it (null: the "none" group). */
export function keyFromQuery(key: string | undefined): string | null | undefined {
  if (key === undefined || key === 'total') return undefined;
  return key === NONE_KEY ? null : key;
}

/** k of n, with a Wilson 95 % interval; no data when n is 0. */
export function proportion(label: { key: string; label: string }, k: number, n: number, withoutAmount = 0): MetricValue {
  if (n <= 0) return { ...label, value: null, numerator: k, denominator: 0, low: null, high: null, count: 0, noData: true, withoutAmount };
  const { low, high } = wilsonInterval(k, n);
  return { ...label, value: k / n, numerator: k, denominator: n, low, high, count: n, noData: false, withoutAmount };
}

/** An amount-weighted share (no interval: Wilson is for counts); no data when nothing with an amount was counted. */
export function amountShare(label: { key: string; label: string }, part: number, whole: number, count: number, withoutAmount: number): MetricValue {
  const noData = whole <= 0;
  return { ...label, value: noData ? null : part / whole, numerator: part, denominator: whole, low: null, high: null, count, noData, withoutAmount };
}

/** A sum, mean or median over `sample` records (of `count` counted); no data when the sample is empty. */
export function measure(label: { key: string; label: string }, value: number | null, count: number, sample: number, withoutAmount = 0): MetricValue {
  const noData = sample <= 0 || value === null;
  return { ...label, value: noData ? null : value, numerator: null, denominator: sample, low: null, high: null, count, noData, withoutAmount };
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
