import { describe, expect, it } from 'vitest';
import type { CapacityView } from '@tandem/contracts';
import { hours, lineSummary, myRows, ordinal, standingSentence, weeksSummary } from './capacity-text.ts';

type Row = CapacityView['rows'][number];
const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

function row(n: number, over: Partial<Row> = {}): Row {
  return {
    requestId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
    number: 100 + n,
    title: `Request ${n}`,
    type: 'new_asset',
    status: 'triaged',
    rank: n,
    assignee: null,
    remainingHours: 4,
    neededBy: '2026-12-20',
    expectedDoneOn: '2026-12-10',
    belowLine: false,
    reason: 'Done 10 days before its date.',
    requesters: [{ userId: OTHER, name: 'Marcus' }],
    ...over,
  };
}

describe('capacity text', () => {
  it('writes hours to one decimal with thousands separators', () => {
    expect(hours(12)).toBe('12');
    expect(hours(2.25)).toBe('2.3');
    expect(hours(1234)).toBe('1,234');
    expect(hours(0)).toBe('0');
  });

  it('sums the weeks and counts those that need more than the team has', () => {
    const weeks = [
      { start: '2026-12-07', capacityHours: 40, demandHours: 50, plannedHours: 40 },
      { start: '2026-12-14', capacityHours: 40, demandHours: 20.5, plannedHours: 30.5 },
    ];
    expect(weeksSummary(weeks)).toBe('70.5 h needed against 80 h available over 2 weeks; 1 week needs more than the team has');
    expect(weeksSummary(weeks.slice(1))).toBe('20.5 h needed against 40 h available over 1 week; no week needs more than the team has');
    expect(weeksSummary([])).toBe('No weeks to show');
  });

  it('says where the line falls, and what is not planned', () => {
    expect(lineSummary({ rows: [row(1), row(2)], lineIndex: null, unestimated: 0 })).toBe('At today\'s order, all 2 planned requests will be done by their date.');
    const rows = [row(1), row(2), row(3, { belowLine: true }), row(4, { belowLine: true })];
    expect(lineSummary({ rows, lineIndex: 2, unestimated: 1 })).toBe(
      "The first 2 requests in the queue will be done by their date; from #103 on, the line is crossed: 2 requests will not be done by their date at today's order. 1 open request has no estimate yet, so it is not planned.",
    );
    expect(lineSummary({ rows: [row(1, { belowLine: true })], lineIndex: 0, unestimated: 0 })).toMatch(/^Not even the first request fits; from #101 on/);
    expect(lineSummary({ rows: [], lineIndex: null, unestimated: 3 })).toBe(
      'No open request has an estimate yet, so there is nothing to plan. 3 open requests have no estimate yet, so they are not planned.',
    );
  });

  it('finds the reader’s requests and says where each stands', () => {
    const rows = [row(1), row(2, { requesters: [{ userId: ME, name: 'Sofia' }] }), row(3, { belowLine: true, rank: 3, expectedDoneOn: '2027-01-08', reason: 'Done 19 days after its date.', requesters: [{ userId: OTHER, name: 'Marcus' }, { userId: ME, name: 'Sofia' }] })];
    const mine = myRows(rows, ME);
    expect(mine.map((r) => r.number)).toEqual([102, 103]);
    const day = (d: string) => `<${d}>`;
    expect(standingSentence(mine[0]!, day)).toBe('#102 is 2nd in the queue (expected done <2026-12-10>): Done 10 days before its date.');
    expect(standingSentence(mine[1]!, day)).toBe('#103 is 3rd in the queue and below the line (expected done <2027-01-08>): Done 19 days after its date.');
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });
});
