import { validateCalendar, type WorkCalendar } from './calendar.ts';
import { dateOfDay, dayNumber, formatDay, isIsoDate, mondayOfDay, weekdayOfDay } from './local-dates.ts';

// The capacity plan draws "the line": it works the queue in order from today and says, per request, when it will be
// done and whether that is after it is needed. Dates only (local to the workspace): no instants, no zone.

/** Given in queue order (index 0 first). */
export interface PlanRequest {
  id: string;
  assigneeId: string | null;
  remainingHours: number;
  neededBy: string | null;
}
export interface PlanCapacity {
  userId: string;
  weeklyHours: number;
}
export interface CapacityPlanWeek {
  start: string; // Monday, local
  capacityHours: number;
  demandHours: number;
  plannedHours: number;
}
export interface CapacityPlanRequest {
  id: string;
  expectedDoneOn: string | null;
  belowLine: boolean;
  reason: string;
}
export interface CapacityPlan {
  weeks: CapacityPlanWeek[];
  requests: CapacityPlanRequest[]; // same order as input
  lineIndex: number | null; // index in the queue of the first request that will not be done by its date (null: all fit)
}
export interface CapacityPlanInput {
  requests: PlanRequest[];
  capacity: PlanCapacity[];
  calendar: WorkCalendar;
  today: string;
  weeks: number;
}

/** The plan looks five years ahead; work that would finish later is "not done" rather than a loop without end. */
export const PLAN_HORIZON_DAYS = 1827;
const EPS = 1e-9;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const hoursText = (h: number): string => `${Math.round(h * 10) / 10} h`;

/** One worker's time, day by day from today (day 0): requests take hours in the order they are given. */
class Lane {
  private day = 0;
  private available: number;
  constructor(private readonly hoursOn: (day: number) => number) {
    this.available = hoursOn(0);
  }
  /** Books `need` hours; returns the day the last hour falls on, or null past the horizon. */
  take(need: number, book: (day: number, hours: number) => void): number | null {
    if (this.day > PLAN_HORIZON_DAYS) return null;
    for (;;) {
      if (need <= EPS) return this.day;
      if (this.available > EPS) {
        const h = Math.min(need, this.available);
        book(this.day, h);
        this.available -= h;
        need -= h;
        if (need <= EPS) return this.day;
      }
      if (++this.day > PLAN_HORIZON_DAYS) return null;
      this.available = this.hoursOn(this.day);
    }
  }
}

function checkInput(input: CapacityPlanInput): void {
  const issues = validateCalendar(input.calendar);
  if (issues.length > 0) throw new RangeError(`invalid calendar: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  if (!isIsoDate(input.today)) throw new RangeError(`today is not a date (YYYY-MM-DD): ${String(input.today)}`);
  if (!Number.isInteger(input.weeks) || input.weeks < 0 || input.weeks > 520) throw new RangeError(`weeks must be a whole number 0–520, got ${input.weeks}`);
  for (const r of input.requests) {
    if (!Number.isFinite(r.remainingHours) || r.remainingHours < 0) throw new RangeError(`request ${r.id}: remainingHours must be ≥ 0, got ${r.remainingHours}`);
    if (r.neededBy !== null && !isIsoDate(r.neededBy)) throw new RangeError(`request ${r.id}: neededBy is not a date (YYYY-MM-DD): ${r.neededBy}`);
  }
  for (const c of input.capacity) {
    if (!Number.isFinite(c.weeklyHours) || c.weeklyHours < 0) throw new RangeError(`capacity of ${c.userId}: weeklyHours must be ≥ 0, got ${c.weeklyHours}`);
  }
}

interface Booking {
  doneDay: number | null;
  /** Hours it got on days up to and including its needed-by date. */
  hoursByNeeded: number;
  noCapacity: boolean;
}

/**
 * Simulates the team working the queue in order from `today` (today counts as a whole working day). Each PMM's daily
 * hours = weeklyHours / the calendar's working days per week, none on a holiday. Assigned requests take their PMM's
 * hours first, in queue order; unassigned ones share, in queue order, the team's hours left each day.
 */
export function capacityPlan(input: CapacityPlanInput): CapacityPlan {
  checkInput(input);
  const { requests, calendar, today } = input;
  const start = dayNumber(today);
  const workingDays = new Set(calendar.workingDays);
  const holidays = new Set(calendar.holidays.map(dayNumber));
  const workingCache: boolean[] = [];
  const working = (i: number): boolean =>
    (workingCache[i] ??= workingDays.has(weekdayOfDay(start + i)) && !holidays.has(start + i));

  const daily = new Map<string, number>();
  for (const c of input.capacity) daily.set(c.userId, (daily.get(c.userId) ?? 0) + c.weeklyHours / workingDays.size);
  const teamDaily = [...daily.values()].reduce((a, b) => a + b, 0);

  const planned: number[] = [];
  const assignedUse: number[] = [];
  const neededIndex = requests.map((r) => (r.neededBy === null ? null : dayNumber(r.neededBy) - start));
  const bookings: Booking[] = requests.map(() => ({ doneDay: null, hoursByNeeded: 0, noCapacity: false }));
  const bookFor = (k: number, extra?: number[]) => (day: number, hours: number) => {
    planned[day] = (planned[day] ?? 0) + hours;
    if (extra) extra[day] = (extra[day] ?? 0) + hours;
    const needed = neededIndex[k];
    if (needed !== null && needed !== undefined && day <= needed) bookings[k]!.hoursByNeeded += hours;
  };

  // Pass 1: each PMM works through the requests assigned to them, in queue order.
  const lanes = new Map<string, Lane>();
  requests.forEach((r, k) => {
    if (r.assigneeId === null) return;
    const perDay = daily.get(r.assigneeId) ?? 0;
    if (perDay <= EPS) {
      bookings[k]!.noCapacity = true;
      return;
    }
    let lane = lanes.get(r.assigneeId);
    if (!lane) lanes.set(r.assigneeId, (lane = new Lane((i) => (working(i) ? perDay : 0))));
    bookings[k]!.doneDay = lane.take(r.remainingHours, bookFor(k, assignedUse));
  });

  // Pass 2: unassigned requests share what the team has left each day after assigned work.
  const pool = new Lane((i) => (working(i) ? Math.max(0, teamDaily - (assignedUse[i] ?? 0)) : 0));
  requests.forEach((r, k) => {
    if (r.assigneeId !== null) return;
    if (teamDaily <= EPS) bookings[k]!.noCapacity = true;
    else bookings[k]!.doneDay = pool.take(r.remainingHours, bookFor(k));
  });

  const planRequests = requests.map((r, k) => planRequest(r, bookings[k]!, start, today));
  const firstBelow = planRequests.findIndex((r) => r.belowLine);
  return {
    weeks: planWeeks(input, start, teamDaily, working, planned, bookings),
    requests: planRequests,
    lineIndex: firstBelow === -1 ? null : firstBelow,
  };
}

function planRequest(r: PlanRequest, b: Booking, start: number, today: string): CapacityPlanRequest {
  const who = r.assigneeId === null ? 'the team has' : 'its assignee has';
  if (b.noCapacity) {
    const reason = r.assigneeId === null ? 'No one in the team has weekly hours set, so it cannot be planned' : 'Its assignee has no weekly hours set, so it cannot be planned';
    return { id: r.id, expectedDoneOn: null, belowLine: true, reason };
  }
  if (b.doneDay === null) {
    const reason = `At today’s order it is not done within the next five years (${who} too few hours for it)`;
    return { id: r.id, expectedDoneOn: null, belowLine: true, reason };
  }
  const doneOn = dateOfDay(start + b.doneDay);
  const done = formatDay(doneOn, today);
  if (r.neededBy === null) return { id: r.id, expectedDoneOn: doneOn, belowLine: false, reason: `Done by ${done} at today’s order; no date is set for it` };
  const needed = formatDay(r.neededBy, today);
  if (doneOn <= r.neededBy) {
    const reason = doneOn === r.neededBy ? `Done by ${done} at today’s order, the day it is needed` : `Done by ${done} at today’s order, before it is needed on ${needed}`;
    return { id: r.id, expectedDoneOn: doneOn, belowLine: false, reason };
  }
  if (r.neededBy < today) {
    return { id: r.id, expectedDoneOn: doneOn, belowLine: true, reason: `It was needed on ${needed}, which has passed; done by ${done} at today’s order` };
  }
  const reason = `At today’s order ${who} ${hoursText(b.hoursByNeeded)} free for it by ${needed}; it needs ${hoursText(r.remainingHours)} (done by ${done})`;
  return { id: r.id, expectedDoneOn: doneOn, belowLine: true, reason };
}

function planWeeks(
  input: CapacityPlanInput,
  start: number,
  teamDaily: number,
  working: (i: number) => boolean,
  planned: number[],
  bookings: Booking[],
): CapacityPlanWeek[] {
  const monday = mondayOfDay(start);
  const weeks = Array.from({ length: input.weeks }, (_, w) => {
    let capacityHours = 0;
    let plannedHours = 0;
    for (let day = monday + 7 * w; day < monday + 7 * w + 7; day++) {
      const i = day - start;
      if (i < 0) continue; // days of this week before today are gone
      if (working(i)) capacityHours += teamDaily;
      plannedHours += planned[i] ?? 0;
    }
    return { start: dateOfDay(monday + 7 * w), capacityHours, demandHours: 0, plannedHours };
  });
  input.requests.forEach((r, k) => {
    // Demand sits in the week it is needed (overdue: this week); undated demand in the week it is planned to finish.
    const doneDay = bookings[k]!.doneDay;
    const day = r.neededBy !== null ? Math.max(dayNumber(r.neededBy), start) : doneDay === null ? null : start + doneDay;
    if (day === null) return;
    const week = weeks[Math.floor((day - monday) / 7)];
    if (week) week.demandHours += r.remainingHours;
  });
  return weeks.map((w) => ({ ...w, capacityHours: round2(w.capacityHours), demandHours: round2(w.demandHours), plannedHours: round2(w.plannedHours) }));
}
