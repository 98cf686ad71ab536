import { DateTime } from 'luxon';
import { fiscalQuarterOf, shiftFiscalQuarter, type FiscalPeriod } from '@tandem/contracts';
import { MetricsErrors } from './metrics.errors.ts';

/** The workspace facts every metric reads. */
export interface MetricWorkspace {
  baseCurrency: string;
  fiscalYearStartMonth: number;
  timeZone: string;
}

export function todayIn(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/**
 * The period asked for: `from` defaults to the first day of the current fiscal quarter, `to` to today (or, when
 * `from` is later than today, to the end of `from`'s quarter). `from` after `to` is a 400 naming `to`.
 */
export function resolvePeriod(q: { from?: string; to?: string }, ws: MetricWorkspace, now = new Date()): { from: string; to: string } {
  const today = todayIn(ws.timeZone, now);
  const from = q.from ?? (q.to ? fiscalQuarterOf(q.to, ws.fiscalYearStartMonth).start : fiscalQuarterOf(today, ws.fiscalYearStartMonth).start);
  const to = q.to ?? (from <= today ? today : fiscalQuarterOf(from, ws.fiscalYearStartMonth).end);
  if (from > to) throw MetricsErrors.badPeriod('to', `the period ends (${to}) before it starts (${from})`);
  return { from, to };
}

/** The fiscal quarters that overlap [from, to], oldest first (at most 40). */
export function quartersBetween(from: string, to: string, startMonth: number): FiscalPeriod[] {
  const out: FiscalPeriod[] = [];
  let q = fiscalQuarterOf(from, startMonth);
  while (q.start <= to && out.length < 40) {
    out.push(q);
    q = shiftFiscalQuarter(q, 1, startMonth);
  }
  return out;
}

/** What a metric counted piece by piece is asked for: each fiscal quarter of [from, to] clipped to it, or the whole. */
export function periodPieces(from: string, to: string, startMonth: number, byQuarter: boolean): { key: string; from: string; to: string }[] {
  if (!byQuarter) return [{ key: 'total', from, to }];
  return quartersBetween(from, to, startMonth).map((p) => ({ key: p.start, from: p.start < from ? from : p.start, to: p.end > to ? to : p.end }));
}
