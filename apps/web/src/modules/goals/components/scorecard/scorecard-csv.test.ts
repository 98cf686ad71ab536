import { describe, expect, test } from 'vitest';
import type { MetricValue, Scorecard } from '@tandem/contracts';
import { scorecardCsvRows } from './scorecard-csv.ts';

const v = (over: Partial<MetricValue>): MetricValue => ({
  key: 'total',
  label: 'Total',
  value: null,
  numerator: null,
  denominator: null,
  low: null,
  high: null,
  count: 0,
  noData: true,
  withoutAmount: 0,
  ...over,
});

const period = { label: 'FY2027 Q1', start: '2026-02-01', end: '2026-04-30' };
const scorecard: Scorecard = {
  period,
  previousPeriod: { label: 'FY2026 Q4', start: '2025-11-01', end: '2026-01-31' },
  asOf: '2026-03-10',
  baseCurrency: 'EUR',
  keyMetrics: [],
  pipelineByStage: [{ stage: 'Proposal', count: 3, amount: '1200.50', withoutAmount: 1 }],
  winRateBySegment: [
    v({ key: 'Enterprise', label: 'Enterprise', value: 0.42, numerator: 21, denominator: 50, low: 0.29, high: 0.56, count: 50, noData: false }),
    v({ key: 'SMB', label: 'SMB' }),
  ],
  winRateByCompetitor: [],
  topThemes: [],
  requestsBreachingSla: null,
};

describe('scorecard CSV', () => {
  test('a rate keeps its counts and interval; an empty group says No data with no value', () => {
    const rows = scorecardCsvRows(scorecard, []);
    expect(rows).toContainEqual(['Win rate by segment', 'Enterprise', 0.42, 'fraction', 21, 50, 0.29, 0.56, 50, '']);
    expect(rows).toContainEqual(['Win rate by segment', 'SMB', null, 'fraction', null, null, null, null, 0, 'No data']);
  });

  test('pipeline amounts are numbers in the base currency and deals without an amount are said', () => {
    expect(scorecardCsvRows(scorecard, [])[0]).toEqual(['Open pipeline by stage', 'Proposal', 1200.5, 'EUR', null, null, null, null, 3, '1 without an amount']);
  });
});
