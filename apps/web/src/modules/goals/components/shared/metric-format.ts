import type { MetricKind, MetricValue } from '@tandem/contracts';
import { formatCount, formatMoney } from '../../../../app/kit/index.ts';

/** How the metric pages write numbers: proportions with their counts and interval, "No data" for an empty period. */

export const NO_DATA = 'No data';

/** 0.42 → "42 %" (one decimal under 10 %, so 4.5 % does not read as 5 %). */
export function pct(x: number): string {
  const v = x * 100;
  return `${Math.abs(v) < 10 && v !== 0 ? Math.round(v * 10) / 10 : Math.round(v)} %`;
}

export interface UnitInfo {
  kind: MetricKind;
  /** `fraction`, a currency code, `days` or `count`. */
  unit: string;
  byAmount?: boolean;
}

/** A bare value in the metric's unit: "42 %", "$1.2M", "38 days", "1,204". */
export function formatValue(value: number | null, { kind, unit }: UnitInfo, compact = true): string {
  if (value === null) return NO_DATA;
  switch (kind) {
    case 'proportion':
      return pct(value);
    case 'currency':
      return formatMoney(String(value), unit, { compact, rounded: true });
    case 'days':
      return `${Math.round(value * 10) / 10} ${Math.round(value * 10) === 10 ? 'day' : 'days'}`;
    case 'count':
      return formatCount(value);
    default: {
      const never: never = kind;
      return String(never);
    }
  }
}

/**
 * A number with what it is made of: "42 % (21 of 50), 29–56 %" for a proportion by count, "61 % ($1.2M of $2M)"
 * by amount, "38 days (median of 14)", "$40K (average of 12)"; "No data" when nothing was counted.
 */
export function formatMetricValue(v: Pick<MetricValue, 'value' | 'numerator' | 'denominator' | 'low' | 'high' | 'noData' | 'count'>, u: UnitInfo): string {
  if (v.noData || v.value === null) return NO_DATA;
  const main = formatValue(v.value, u);
  if (u.kind === 'proportion') {
    if (v.numerator === null || v.denominator === null) return main;
    const counts = u.byAmount
      ? `${formatMoney(String(v.numerator), currencyOf(u), { compact: true, rounded: true })} of ${formatMoney(String(v.denominator), currencyOf(u), { compact: true, rounded: true })}`
      : `${formatCount(v.numerator)} of ${formatCount(v.denominator)}`;
    const interval = v.low !== null && v.high !== null ? `, ${pct(v.low).replace(' %', '')}–${pct(v.high)}` : '';
    return `${main} (${counts})${interval}`;
  }
  const n = v.denominator ?? v.count;
  if (u.kind === 'days') return `${main} (median of ${formatCount(n)})`;
  if (u.kind === 'currency' && n > 0) return `${main} (${formatCount(n)} ${n === 1 ? 'record' : 'records'})`;
  return main;
}

/** By-amount proportions carry the base currency in `unit` only when it is not "fraction": the caller passes it. */
function currencyOf(u: UnitInfo): string | null {
  return u.unit === 'fraction' ? null : u.unit;
}

/** A change against the previous period: "+5 pts", "−$20K", "+3 days", "+4"; null → "No data to compare". */
export function formatChange(change: number | null, u: UnitInfo): string {
  if (change === null) return 'No data to compare';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const abs = Math.abs(change);
  switch (u.kind) {
    case 'proportion':
      return `${sign}${Math.round(abs * 1000) / 10} pts`;
    case 'currency':
      return `${sign}${formatMoney(String(abs), u.unit, { compact: true, rounded: true })}`;
    case 'days':
      return `${sign}${Math.round(abs * 10) / 10} days`;
    case 'count':
      return `${sign}${formatCount(abs)}`;
    default: {
      const never: never = u.kind;
      return String(never);
    }
  }
}

/** Whether a change is good news given which way is better (null: no change or no data). */
export function changeTone(change: number | null, higherIsBetter: boolean): 'good' | 'bad' | null {
  if (change === null || change === 0) return null;
  return change > 0 === higherIsBetter ? 'good' : 'bad';
}
