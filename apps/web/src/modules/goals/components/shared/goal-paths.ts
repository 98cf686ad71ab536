import type { KeyResult, MetricKind } from '@tandem/contracts';
import type { UnitInfo } from './metric-format.ts';

/** Where the records behind a number open: the metric, its filters, the group's key and the part of the fraction. */
export function recordsPath(slug: string, metric: string, params: Record<string, string | string[] | boolean | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === false || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
    else sp.set(k, v === true ? 'true' : v);
  }
  const qs = sp.toString();
  return `/w/${slug}/metrics/${encodeURIComponent(metric)}/records${qs ? `?${qs}` : ''}`;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A key result's records: its metric with its filters over the goal's period so far (start → min(today, end)). */
export function keyResultRecordsPath(slug: string, kr: KeyResult, period: { start: string; end: string }): string {
  const t = today();
  return recordsPath(slug, kr.metric ?? '', { ...kr.filters, byAmount: kr.byAmount, from: period.start, to: period.end < t ? period.end : t });
}

const KIND_OF_UNIT: Record<string, MetricKind> = { fraction: 'proportion', days: 'days', count: 'count' };

/** A key result's unit as the formatters take it: fraction, days, count, or a currency code. */
export function unitInfo(kr: Pick<KeyResult, 'unit' | 'byAmount'>): UnitInfo {
  const kind = KIND_OF_UNIT[kr.unit] ?? (/^[A-Z]{3}$/.test(kr.unit) ? 'currency' : 'count');
  return { kind, unit: kr.unit, byAmount: kr.byAmount };
}
