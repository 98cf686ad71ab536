import type { WinLoss } from '@tandem/contracts';
import type { CsvCell } from '../shared/csv.ts';

export const WIN_LOSS_CSV_HEADER = ['Section', 'Item', 'Won deals', 'Won amount', 'Lost deals', 'Lost amount', 'Rate or share', 'Numerator', 'Denominator', 'Low (95 %)', 'High (95 %)', 'Note'];

/** Every number of the win/loss page, one row each (amounts in the base currency, rates as fractions 0–1). */
export function winLossCsvRows(w: WinLoss): CsvCell[][] {
  const rows: CsvCell[][] = [];
  rows.push(['Total', `${w.from} – ${w.to}`, w.won.count, Number(w.won.amount), w.lost.count, Number(w.lost.amount), null, null, null, null, null, '']);
  for (const r of w.byReason) {
    const s = r.share;
    rows.push(['Loss reason', r.label, null, null, r.lost.count, Number(r.lost.amount), s.noData ? null : s.value, s.numerator, s.denominator, s.low, s.high, r.themes.map((t) => t.name).join('; ')]);
  }
  const p = w.priceVsProductGap;
  for (const [label, v] of [['Price', p.price], ['Product gap', p.productGap]] as const) {
    rows.push(['Share of stated losses', label, null, null, null, null, v.noData ? null : v.value, v.numerator, v.denominator, v.low, v.high, `${p.statedLosses} losses with a stated reason`]);
  }
  for (const [section, groups] of [['Competitor', w.byCompetitor], ['Segment', w.bySegment]] as const) {
    for (const g of groups) {
      const r = g.winRate;
      rows.push([section, g.label, g.won.count, Number(g.won.amount), g.lost.count, Number(g.lost.amount), r.noData ? null : r.value, r.numerator, r.denominator, r.low, r.high, '']);
    }
  }
  for (const q of w.overTime) {
    rows.push(['Quarter', q.label, q.won.count, Number(q.won.amount), q.lost.count, Number(q.lost.amount), null, null, null, null, null, '']);
  }
  return rows;
}
