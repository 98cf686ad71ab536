import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type WorkCalendar } from './calendar.ts';
import { capacityPlan, type CapacityPlanInput, type PlanRequest } from './capacity-plan.ts';

// Calendar Mon–Fri, no holidays unless said. Today is Mon 11 May 2026 (week of 11 May; next Monday 18 May).
// Daily hours = weekly hours / 5: Ana 20 h/week = 4 h a day, Ben 10 h/week = 2 h a day.
const CAL: WorkCalendar = DEFAULT_CALENDAR;
const req = (id: string, assigneeId: string | null, remainingHours: number, neededBy: string | null = null): PlanRequest => ({
  id,
  assigneeId,
  remainingHours,
  neededBy,
});
const plan = (over: Partial<CapacityPlanInput>) =>
  capacityPlan({ requests: [], capacity: [{ userId: 'ana', weeklyHours: 20 }], calendar: CAL, today: '2026-05-11', weeks: 2, ...over });

describe('capacityPlan', () => {
  it('works one PMM’s assigned queue in order', () => {
    const p = plan({ requests: [req('r1', 'ana', 6, '2026-05-12'), req('r2', 'ana', 10, '2026-05-13')] });
    // r1: Mon 4 h + Tue 2 h → done Tue 12 May, the day it is needed.
    expect(p.requests[0]).toEqual({ id: 'r1', expectedDoneOn: '2026-05-12', belowLine: false, reason: 'Done by Tue 12 May at today’s order, the day it is needed' });
    // r2: Tue 2 h + Wed 4 h + Thu 4 h → Thu 14 May, after Wed 13 May; by Wed it got 2 + 4 = 6 h of 10.
    expect(p.requests[1]).toEqual({
      id: 'r2',
      expectedDoneOn: '2026-05-14',
      belowLine: true,
      reason: 'At today’s order its assignee has 6 h free for it by Wed 13 May; it needs 10 h (done by Thu 14 May)',
    });
    expect(p.lineIndex).toBe(1);
    // Week of 11 May: capacity 5 × 4 = 20; planned 16; demand 6 + 10 (both needed that week). Week of 18 May: 20, 0, 0.
    expect(p.weeks).toEqual([
      { start: '2026-05-11', capacityHours: 20, demandHours: 16, plannedHours: 16 },
      { start: '2026-05-18', capacityHours: 20, demandHours: 0, plannedHours: 0 },
    ]);
  });

  it('gives unassigned requests the team’s hours left after assigned work', () => {
    const p = plan({
      capacity: [
        { userId: 'ana', weeklyHours: 20 },
        { userId: 'ben', weeklyHours: 10 },
      ],
      requests: [
        req('q0', null, 5, '2026-05-11'),
        req('q1', 'ana', 8),
        req('q2', 'ben', 12, '2026-05-22'),
        req('q3', null, 3),
      ],
    });
    // Assigned first. Ana: q1 Mon 4 + Tue 4 → Tue 12 May. Ben: q2 2 h a day Mon–Fri (10) + Mon 18 May 2 → Mon 18 May.
    // Team 6 h a day; left after assigned work: Mon 0, Tue 0, Wed 4, Thu 4, Fri 4, Mon 18 4.
    // q0 (queue first, unassigned): Wed 4 + Thu 1 → Thu 14 May, after Mon 11 May; 0 h free for it by then.
    // q3: Thu's 3 h left → Thu 14 May.
    expect(p.requests.map((r) => [r.id, r.expectedDoneOn, r.belowLine])).toEqual([
      ['q0', '2026-05-14', true],
      ['q1', '2026-05-12', false],
      ['q2', '2026-05-18', false],
      ['q3', '2026-05-14', false],
    ]);
    expect(p.requests[0]!.reason).toBe('At today’s order the team has 0 h free for it by Mon 11 May; it needs 5 h (done by Thu 14 May)');
    expect(p.requests[1]!.reason).toBe('Done by Tue 12 May at today’s order; no date is set for it');
    expect(p.requests[2]!.reason).toBe('Done by Mon 18 May at today’s order, before it is needed on Fri 22 May');
    expect(p.lineIndex).toBe(0);
    // Week of 11 May: capacity 5 × 6 = 30; planned 8 + 10 + 5 + 3 = 26; demand q0 5 (needed Mon 11) + q1 8 and q3 3
    // (undated: the week they are done) = 16. Week of 18 May: capacity 30, planned Ben's 2, demand q2 12 (Fri 22).
    expect(p.weeks).toEqual([
      { start: '2026-05-11', capacityHours: 30, demandHours: 16, plannedHours: 26 },
      { start: '2026-05-18', capacityHours: 30, demandHours: 12, plannedHours: 2 },
    ]);
  });

  it('marks requests without capacity below the line', () => {
    const p = plan({
      capacity: [{ userId: 'ana', weeklyHours: 0 }],
      requests: [req('a', 'ana', 2), req('b', 'cleo', 1, '2026-06-01'), req('c', null, 3)],
    });
    expect(p.requests).toEqual([
      { id: 'a', expectedDoneOn: null, belowLine: true, reason: 'Its assignee has no weekly hours set, so it cannot be planned' },
      { id: 'b', expectedDoneOn: null, belowLine: true, reason: 'Its assignee has no weekly hours set, so it cannot be planned' },
      { id: 'c', expectedDoneOn: null, belowLine: true, reason: 'No one in the team has weekly hours set, so it cannot be planned' },
    ]);
    expect(p.lineIndex).toBe(0);
    // Nothing is planned and no one has hours; b's demand would show in the week of Mon 1 Jun, past the two weeks shown.
    expect(p.weeks.map((w) => [w.capacityHours, w.demandHours, w.plannedHours])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(plan({ capacity: [], requests: [req('x', null, 1)] }).requests[0]!.belowLine).toBe(true);
  });

  it('plans undated requests and puts their demand in the week they are done', () => {
    // Ana 4 h a day: u1 30 h = Mon–Fri (20) + Mon 18 – Tue 19 May (4 + 4 = 28) + Wed 2 → Wed 20 May.
    const p = plan({ requests: [req('u1', 'ana', 30)] });
    expect(p.requests[0]).toMatchObject({ expectedDoneOn: '2026-05-20', belowLine: false });
    expect(p.lineIndex).toBeNull();
    expect(p.weeks).toEqual([
      { start: '2026-05-11', capacityHours: 20, demandHours: 0, plannedHours: 20 },
      { start: '2026-05-18', capacityHours: 20, demandHours: 30, plannedHours: 10 },
    ]);
  });

  it('starts today mid-week and counts only the days left', () => {
    // Today Wed 13 May: this week has Wed–Fri = 3 × 4 = 12 h; a 14 h request: Wed, Thu, Fri 12 + Mon 18 May 2.
    const p = plan({ today: '2026-05-13', weeks: 1, requests: [req('m', 'ana', 14, '2026-05-15')] });
    expect(p.weeks).toEqual([{ start: '2026-05-11', capacityHours: 12, demandHours: 14, plannedHours: 12 }]);
    expect(p.requests[0]).toEqual({
      id: 'm',
      expectedDoneOn: '2026-05-18',
      belowLine: true,
      reason: 'At today’s order its assignee has 12 h free for it by Fri 15 May; it needs 14 h (done by Mon 18 May)',
    });
  });

  it('loses a holiday’s hours', () => {
    // Holiday Tue 12 May: 10 h = Mon 4, (Tue 0), Wed 4, Thu 2 → Thu 14 May. Week capacity 4 × 4 = 16.
    const p = plan({ calendar: { ...CAL, holidays: ['2026-05-12'] }, weeks: 1, requests: [req('h', 'ana', 10)] });
    expect(p.requests[0]!.expectedDoneOn).toBe('2026-05-14');
    expect(p.weeks[0]).toEqual({ start: '2026-05-11', capacityHours: 16, demandHours: 10, plannedHours: 10 });
  });

  it('spreads weekly hours over the calendar’s working days', () => {
    // Mon–Sat: 24 h / 6 = 4 h a day; 22 h from Mon = Mon–Fri 20 + Sat 16 May 2.
    const p = plan({ calendar: { ...CAL, workingDays: [1, 2, 3, 4, 5, 6] }, capacity: [{ userId: 'ana', weeklyHours: 24 }], requests: [req('s', 'ana', 22)] });
    expect(p.requests[0]!.expectedDoneOn).toBe('2026-05-16');
  });

  it('explains a needed-by date that has passed, and places its demand this week', () => {
    const p = plan({ weeks: 1, requests: [req('late', 'ana', 2, '2026-05-08')] });
    expect(p.requests[0]).toEqual({
      id: 'late',
      expectedDoneOn: '2026-05-11',
      belowLine: true,
      reason: 'It was needed on Fri 8 May, which has passed; done by Mon 11 May at today’s order',
    });
    expect(p.weeks[0]!.demandHours).toBe(2);
  });

  it('finishes a request with nothing left where its lane stands, and handles fractional hours', () => {
    // Ana: f1 2.5 h (Mon), f2 0 h → also Mon; f3 1.75 h → Mon's 1.5 left + 0.25 Tue → Tue 12 May.
    const p = plan({ requests: [req('f1', 'ana', 2.5), req('f2', 'ana', 0), req('f3', 'ana', 1.75, '2026-05-11')] });
    expect(p.requests.map((r) => r.expectedDoneOn)).toEqual(['2026-05-11', '2026-05-11', '2026-05-12']);
    expect(p.requests[2]!.reason).toBe('At today’s order its assignee has 1.5 h free for it by Mon 11 May; it needs 1.8 h (done by Tue 12 May)');
  });

  it('gives up past five years instead of looping', () => {
    // 1 h a week: 10,000 h would take ~190 years.
    const p = plan({ capacity: [{ userId: 'ana', weeklyHours: 1 }], requests: [req('big', 'ana', 10_000), req('next', 'ana', 1)] });
    expect(p.requests[0]).toMatchObject({ expectedDoneOn: null, belowLine: true });
    expect(p.requests[0]!.reason).toBe('At today’s order it is not done within the next five years (its assignee has too few hours for it)');
    expect(p.requests[1]).toMatchObject({ expectedDoneOn: null, belowLine: true });
  });

  it('keeps the input order, handles an empty queue, and refuses bad input', () => {
    expect(plan({ requests: [] })).toEqual({
      weeks: [
        { start: '2026-05-11', capacityHours: 20, demandHours: 0, plannedHours: 0 },
        { start: '2026-05-18', capacityHours: 20, demandHours: 0, plannedHours: 0 },
      ],
      requests: [],
      lineIndex: null,
    });
    expect(() => plan({ requests: [req('neg', 'ana', -3)] })).toThrow(/neg.*remainingHours/);
    expect(() => plan({ today: '11/05/2026' })).toThrow(/today/);
    expect(() => plan({ weeks: 1.5 })).toThrow(/weeks/);
  });

  // Speed is the benchmark's (`npm run bench -- requests`), never a timed unit test: this only checks a large queue plans.
  it('plans a large queue: every request answered, a line found', () => {
    const capacity = Array.from({ length: 12 }, (_, i) => ({ userId: `pmm${i}`, weeklyHours: 30 }));
    const requests = Array.from({ length: 10_000 }, (_, i) =>
      req(`r${i}`, i % 3 === 0 ? null : `pmm${i % 12}`, 1 + (i % 7), i % 2 === 0 ? null : `2026-${String(6 + (i % 6)).padStart(2, '0')}-15`),
    );
    const p = plan({ capacity, requests, weeks: 26 });
    expect(p.requests).toHaveLength(10_000);
    expect(p.lineIndex).not.toBeNull();
  });
});
