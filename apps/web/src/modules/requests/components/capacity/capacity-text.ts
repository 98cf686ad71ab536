import type { CapacityView } from '@tandem/contracts';

/**
 * The capacity view in plain words: hours as people write them, a week-by-week summary, where the line falls, and
 * where the reader's own requests stand. No DOM: unit-tested in capacity-text.test.ts.
 */

type Week = CapacityView['weeks'][number];
type Row = CapacityView['rows'][number];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** 12 → "12", 2.25 → "2.3", 1234 → "1,234": hours to one decimal at most. */
export function hours(n: number): string {
  return (Math.round(n * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** "130 h needed against 96 h available over 8 weeks; 2 weeks need more than the team has". */
export function weeksSummary(weeks: readonly Week[]): string {
  if (!weeks.length) return 'No weeks to show';
  const demand = weeks.reduce((s, w) => s + w.demandHours, 0);
  const capacity = weeks.reduce((s, w) => s + w.capacityHours, 0);
  const over = weeks.filter((w) => w.demandHours > w.capacityHours).length;
  const head = `${hours(demand)} h needed against ${hours(capacity)} h available over ${plural(weeks.length, 'week')}`;
  return over ? `${head}; ${plural(over, 'week needs', 'weeks need')} more than the team has` : `${head}; no week needs more than the team has`;
}

/** Where the line falls, in one sentence. */
export function lineSummary(view: Pick<CapacityView, 'rows' | 'lineIndex' | 'unestimated'>): string {
  const total = view.rows.length;
  const late = view.rows.filter((r) => r.belowLine).length;
  const waiting = view.unestimated ? ` ${plural(view.unestimated, 'open request has', 'open requests have')} no estimate yet, so ${view.unestimated === 1 ? 'it is' : 'they are'} not planned.` : '';
  if (!total) return `No open request has an estimate yet, so there is nothing to plan.${waiting}`;
  if (view.lineIndex === null || late === 0) {
    return `At today's order, all ${plural(total, 'planned request')} will be done by ${total === 1 ? 'its' : 'their'} date.${waiting}`;
  }
  const fits = view.lineIndex;
  const above = fits === 0 ? 'Not even the first request fits' : `The first ${plural(fits, 'request')} in the queue will be done by ${fits === 1 ? 'its' : 'their'} date`;
  return `${above}; from #${view.rows[view.lineIndex]!.number} on, the line is crossed: ${plural(late, 'request')} will not be done by ${late === 1 ? 'its' : 'their'} date at today's order.${waiting}`;
}

/** The reader's requests (filed or joined) among the rows, in queue order. */
export function myRows(rows: readonly Row[], userId: string): Row[] {
  return rows.filter((r) => r.requesters.some((p) => p.userId === userId));
}

/** "#12 is 4th in the queue and will be done by its date (Mar 3)." — for a rep scanning for their own requests. */
export function standingSentence(row: Row, formatDay: (d: string) => string): string {
  const place = `#${row.number} is ${ordinal(row.rank)} in the queue`;
  const done = row.expectedDoneOn ? `expected done ${formatDay(row.expectedDoneOn)}` : 'not planned yet';
  if (row.belowLine) return `${place} and below the line (${done}): ${row.reason}`;
  return `${place} (${done}): ${row.reason}`;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n.toLocaleString('en-US')}${suffix}`;
}

