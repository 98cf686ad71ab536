import { describe, expect, test } from 'vitest';
import type { MetricDefinition } from '@tandem/contracts';
import { draftErrors, emptyDraft, metricOptions, toKeyResultInput } from './key-result-draft.ts';

const winRate: MetricDefinition = {
  name: 'win-rate',
  title: 'Win rate',
  definition: 'Won / closed',
  kind: 'proportion',
  unit: 'fraction',
  higherIsBetter: true,
  filters: ['period', 'segment', 'competitor'],
  groupBy: ['segment'],
  byAmount: true,
  records: 'deal',
};

describe('a key result from the editor', () => {
  test('win rate for one segment: percent typed, fraction sent, direction from the metric, unused filters dropped', () => {
    const d = { ...emptyDraft(), title: 'Enterprise win rate', metric: 'win-rate', segment: 'Enterprise', product: 'Ignored', baseline: 30, target: '45' };
    expect(toKeyResultInput(d, winRate)).toEqual({
      title: 'Enterprise win rate',
      kind: 'metric',
      metric: 'win-rate',
      filters: { segment: 'Enterprise' },
      byAmount: false,
      baseline: 0.3,
      target: 0.45,
      direction: 'increase',
    });
  });

  test('a manual result keeps its numbers and unit', () => {
    const d = { ...emptyDraft(), kind: 'manual' as const, title: 'Battlecards shipped', baseline: 0, target: 6, unit: 'battlecards' };
    expect(toKeyResultInput(d, undefined)).toEqual({ title: 'Battlecards shipped', kind: 'manual', unit: 'battlecards', baseline: 0, target: 6 });
  });

  test('missing parts are named', () => {
    expect(draftErrors(emptyDraft())).toEqual({
      title: 'A key result needs a title',
      metric: 'Choose the metric that measures it',
      baseline: 'Where it starts, as a number',
      target: 'Where it should end, as a number',
    });
  });

  test('a meetings metric takes a team; a metric without that filter drops it', () => {
    const attendance: MetricDefinition = { ...winRate, name: 'meeting-attendance', title: 'Meeting attendance', filters: ['period', 'team'], byAmount: false, records: 'meeting' };
    const d = { ...emptyDraft(), title: 'Sales attends', metric: 'meeting-attendance', team: 't1', segment: 'Ignored', baseline: 60, target: 90 };
    expect(toKeyResultInput(d, attendance)).toMatchObject({ metric: 'meeting-attendance', filters: { team: 't1' }, baseline: 0.6, target: 0.9 });
    expect(toKeyResultInput({ ...d, metric: 'win-rate' }, winRate).filters).toEqual({ segment: 'Ignored' });
  });

  test('the picker groups metrics by what they count, in catalogue order', () => {
    const held: MetricDefinition = { ...winRate, name: 'meetings-held', title: 'Meetings held as scheduled', records: 'meeting' };
    const cycle: MetricDefinition = { ...winRate, name: 'sales-cycle-days', title: 'Sales cycle' };
    expect(metricOptions([winRate, held, cycle])).toEqual([
      { group: 'Deals', items: [{ value: 'win-rate', label: 'Win rate' }, { value: 'sales-cycle-days', label: 'Sales cycle' }] },
      { group: 'Meetings', items: [{ value: 'meetings-held', label: 'Meetings held as scheduled' }] },
    ]);
  });
});
