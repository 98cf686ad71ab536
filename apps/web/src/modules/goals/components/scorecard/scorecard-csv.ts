import type { Goal, MetricValue, Scorecard } from '@tandem/contracts';
import type { CsvCell } from '../shared/csv.ts';

export const SCORECARD_CSV_HEADER = ['Section', 'Item', 'Value', 'Unit', 'Numerator', 'Denominator', 'Low (95 %)', 'High (95 %)', 'Records', 'Note'];

const valueRow = (section: string, item: string, unit: string, v: MetricValue, note = ''): CsvCell[] => [
  section,
  item,
  v.noData ? null : v.value,
  unit,
  v.numerator,
  v.denominator,
  v.low,
  v.high,
  v.count,
  v.noData ? 'No data' : [note, v.withoutAmount > 0 ? `${v.withoutAmount} without an amount` : ''].filter(Boolean).join('; '),
];

/** Every number the scorecard shows, one row each, in the API's units (fractions 0–1, base-currency amounts). */
export function scorecardCsvRows(s: Scorecard, goals: readonly Goal[]): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const g of goals) {
    for (const kr of g.keyResults) {
      rows.push([
        `Goal: ${g.title}`,
        kr.title,
        kr.current.noData ? null : kr.current.value,
        kr.unit,
        kr.current.numerator,
        kr.current.denominator,
        null,
        null,
        null,
        `${kr.status}; baseline ${kr.baseline}, target ${kr.target}`,
      ]);
    }
  }
  for (const m of s.keyMetrics) {
    rows.push(valueRow('Key metric', `${m.title}, ${s.period.label} to ${s.asOf}`, m.unit, m.current, m.change === null ? '' : `change vs ${s.previousPeriod.label}: ${m.change}`));
    rows.push(valueRow('Key metric', `${m.title}, ${s.previousPeriod.label}`, m.unit, m.previous));
  }
  for (const p of s.pipelineByStage) {
    rows.push(['Open pipeline by stage', p.stage, Number(p.amount), s.baseCurrency, null, null, null, null, p.count, p.withoutAmount > 0 ? `${p.withoutAmount} without an amount` : '']);
  }
  for (const v of s.winRateBySegment) rows.push(valueRow('Win rate by segment', v.label, 'fraction', v));
  for (const v of s.winRateByCompetitor) rows.push(valueRow('Win rate against competitor', v.label, 'fraction', v));
  for (const t of s.topThemes) {
    rows.push(['Theme by revenue at stake', t.name, Number(t.revenueAtStake), s.baseCurrency, null, null, null, null, t.items, `${t.openDeals} open deals, ${t.lostDeals} lost`]);
  }
  for (const b of s.requestsBreachingSla?.items ?? []) {
    rows.push(['Request breaching SLA', b.title, null, '', null, null, null, null, null, [b.status, b.dueAt ? `due ${b.dueAt}` : '', b.requester ?? ''].filter(Boolean).join('; ')]);
  }
  return rows;
}
