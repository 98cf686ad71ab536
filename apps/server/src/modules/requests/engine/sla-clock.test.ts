import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, type WorkCalendar } from './calendar.ts';
import { slaClock, type SlaClockInput } from './sla-clock.ts';

// Calendar: Mon–Fri 09:00–17:00 UTC. Created Mon 11 May 2026 09:00Z; targets 4 h first response, 16 h delivery.
//   first response due = Mon 13:00Z; due soon when ≤ 25 % × 4 h = 1 h is left, i.e. from Mon 12:00Z.
//   delivery due = 16 h = two whole days = Tue 12 May 17:00Z; due soon when ≤ 4 h is left, i.e. from Tue 13:00Z.
const base: SlaClockInput = {
  createdAt: new Date('2026-05-11T09:00:00Z'),
  firstRespondedAt: null,
  deliveredAt: null,
  targets: { firstResponseHours: 4, deliveryHours: 16 },
  now: new Date('2026-05-11T09:00:00Z'),
  calendar: DEFAULT_CALENDAR,
};
const clock = (over: Partial<SlaClockInput>) => slaClock({ ...base, ...over });
const d = (iso: string) => new Date(iso);

describe('slaClock', () => {
  it('computes both due instants in business hours', () => {
    const c = clock({});
    expect(c.firstResponseDueAt.toISOString()).toBe('2026-05-11T13:00:00.000Z');
    expect(c.deliveryDueAt.toISOString()).toBe('2026-05-12T17:00:00.000Z');
    expect(c.firstResponse).toEqual({ state: 'on_track', businessHoursLeft: 4 });
    expect(c.delivery).toEqual({ state: 'on_track', businessHoursLeft: 16 });
    expect(c.state).toBe('on_track');
  });

  it('turns due soon exactly when a quarter of the target is left', () => {
    // 11:59:59 → 1 h 1 s left > 1 h: on track. 12:00 → exactly 1 h: due soon.
    expect(clock({ now: d('2026-05-11T11:59:59Z') }).firstResponse.state).toBe('on_track');
    const c = clock({ now: d('2026-05-11T12:00:00Z') });
    expect(c.firstResponse).toEqual({ state: 'due_soon', businessHoursLeft: 1 });
    expect(c.state).toBe('due_soon');
  });

  it('is still due soon at the due instant and breached just after it', () => {
    expect(clock({ now: d('2026-05-11T13:00:00Z') }).firstResponse).toEqual({ state: 'due_soon', businessHoursLeft: 0 });
    const late = clock({ now: d('2026-05-11T13:00:36Z') });
    // 36 s late = 0.01 business hours overdue.
    expect(late.firstResponse).toEqual({ state: 'breached', businessHoursLeft: -0.01 });
    expect(late.state).toBe('breached');
  });

  it('counts overdue time in business hours only', () => {
    // Due Mon 13:00; now Tue 10:00 → 4 h Monday + 1 h Tuesday = 5 business hours late.
    expect(clock({ now: d('2026-05-12T10:00:00Z') }).firstResponse.businessHoursLeft).toBe(-5);
    // Due Fri 17:00 (created Fri 13:00), now Saturday: breached, but 0 business hours late (and not −0).
    const weekend = clock({ createdAt: d('2026-05-15T13:00:00Z'), now: d('2026-05-16T12:00:00Z') });
    expect(weekend.firstResponseDueAt.toISOString()).toBe('2026-05-15T17:00:00.000Z');
    expect(weekend.firstResponse.state).toBe('breached');
    expect(Object.is(weekend.firstResponse.businessHoursLeft, 0)).toBe(true);
  });

  it('is met when answered at or before the due instant, missed after', () => {
    expect(clock({ firstRespondedAt: d('2026-05-11T13:00:00Z'), now: d('2026-05-11T15:00:00Z') }).firstResponse).toEqual({
      state: 'met',
      businessHoursLeft: null,
    });
    expect(clock({ firstRespondedAt: d('2026-05-11T13:00:01Z'), now: d('2026-05-11T15:00:00Z') }).firstResponse.state).toBe('missed');
  });

  it('once answered, follows the delivery clock', () => {
    const answered = { firstRespondedAt: d('2026-05-11T10:00:00Z') };
    // Tue 12:59 → 4 h 1 min left of 16: on track. Tue 13:00 → 4 h = 25 %: due soon.
    expect(clock({ ...answered, now: d('2026-05-12T12:59:00Z') }).state).toBe('on_track');
    const soon = clock({ ...answered, now: d('2026-05-12T13:00:00Z') });
    expect(soon.delivery).toEqual({ state: 'due_soon', businessHoursLeft: 4 });
    expect(soon.state).toBe('due_soon');
    // Tue 17:00:01, not delivered: breached.
    expect(clock({ ...answered, now: d('2026-05-12T17:00:01Z') }).state).toBe('breached');
  });

  it('takes the worse open clock', () => {
    // Mon 14:00: first response breached (due 13:00), delivery on track (11 h left): breached.
    const c = clock({ now: d('2026-05-11T14:00:00Z') });
    expect(c.firstResponse.state).toBe('breached');
    expect(c.delivery).toEqual({ state: 'on_track', businessHoursLeft: 11 });
    expect(c.state).toBe('breached');
  });

  it('ends with the delivery state once delivered', () => {
    const met = clock({ firstRespondedAt: d('2026-05-11T10:00:00Z'), deliveredAt: d('2026-05-12T17:00:00Z'), now: d('2026-05-20T10:00:00Z') });
    expect(met.delivery).toEqual({ state: 'met', businessHoursLeft: null });
    expect(met.state).toBe('met');
    const missed = clock({ firstRespondedAt: d('2026-05-11T10:00:00Z'), deliveredAt: d('2026-05-13T09:30:00Z'), now: d('2026-05-20T10:00:00Z') });
    expect(missed.state).toBe('missed');
  });

  it('treats a delivery without a recorded first response as the response', () => {
    // Delivered Tue 16:00: first response stopped then (due Mon 13:00 → missed); delivery met; the request is met.
    const c = clock({ deliveredAt: d('2026-05-12T16:00:00Z'), now: d('2026-05-12T16:30:00Z') });
    expect(c.firstResponse).toEqual({ state: 'missed', businessHoursLeft: null });
    expect(c.delivery).toEqual({ state: 'met', businessHoursLeft: null });
    expect(c.state).toBe('met');
  });

  it('takes another due-soon fraction', () => {
    // 50 % of 4 h = 2 h: due soon from Mon 11:00.
    expect(clock({ now: d('2026-05-11T11:00:00Z'), dueSoonFraction: 0.5 }).firstResponse.state).toBe('due_soon');
    expect(clock({ now: d('2026-05-11T10:59:00Z'), dueSoonFraction: 0.5 }).firstResponse.state).toBe('on_track');
    expect(() => clock({ dueSoonFraction: 2 })).toThrow(RangeError);
  });

  it('runs on the workspace calendar across a DST change', () => {
    const ny: WorkCalendar = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York' };
    // Created Fri 6 Mar 16:00 EST (21:00Z): 2 h first response = 1 h Friday + Mon 9 Mar 09:00–10:00 EDT = 14:00Z.
    // At Mon 09:30 EDT (13:30Z) 0.5 h is left of 2 h (≤ 25 %): due soon.
    const c = slaClock({ ...base, calendar: ny, createdAt: d('2026-03-06T21:00:00Z'), targets: { firstResponseHours: 2, deliveryHours: 8 }, now: d('2026-03-09T13:30:00Z') });
    expect(c.firstResponseDueAt.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // 8 h delivery = 1 h Friday + 7 h Monday → Mon 16:00 EDT = 20:00Z.
    expect(c.deliveryDueAt.toISOString()).toBe('2026-03-09T20:00:00.000Z');
    expect(c.firstResponse).toEqual({ state: 'due_soon', businessHoursLeft: 0.5 });
    expect(c.delivery).toEqual({ state: 'on_track', businessHoursLeft: 6.5 });
  });
});
