import { describe, expect, test } from 'vitest';
import { changeTone, formatChange, formatMetricValue, formatValue, pct } from './metric-format.ts';

const proportion = { kind: 'proportion', unit: 'fraction' } as const;
const value = (v: Partial<Parameters<typeof formatMetricValue>[0]>) => ({
  value: null,
  numerator: null,
  denominator: null,
  low: null,
  high: null,
  noData: false,
  count: 0,
  ...v,
});

describe('metric numbers as people read them', () => {
  test('a proportion shows its counts and its 95 % interval', () => {
    expect(formatMetricValue(value({ value: 21 / 50, numerator: 21, denominator: 50, low: 0.2911, high: 0.5616, count: 50 }), proportion)).toBe(
      '42 % (21 of 50), 29–56 %',
    );
  });

  test('an empty period says No data, never 0 %', () => {
    expect(formatMetricValue(value({ value: null, noData: true }), proportion)).toBe('No data');
    expect(formatValue(null, proportion)).toBe('No data');
    expect(formatChange(null, proportion)).toBe('No data to compare');
  });

  test('small rates keep a decimal; days say the median of how many', () => {
    expect(pct(0.045)).toBe('4.5 %');
    expect(pct(0)).toBe('0 %');
    expect(formatMetricValue(value({ value: 38, denominator: 14, count: 14 }), { kind: 'days', unit: 'days' })).toBe('38 days (median of 14)');
  });

  test('changes carry their unit and a sign; good or bad depends on which way is better', () => {
    expect(formatChange(0.05, proportion)).toBe('+5 pts');
    expect(formatChange(-3, { kind: 'days', unit: 'days' })).toBe('−3 days');
    expect(changeTone(-3, false)).toBe('good');
    expect(changeTone(0.05, true)).toBe('good');
    expect(changeTone(0, true)).toBeNull();
  });
});
