import { DateTime } from 'luxon';
import { minutesOfDay, validateCalendar, type WorkCalendar } from './calendar.ts';
import { dateOfDay, dayNumber, weekdayOfDay } from './local-dates.ts';

// Business hours are real elapsed time inside each working date's window [dayStart, dayEnd) read in the calendar's
// zone: Luxon turns every local opening and closing into an instant, so DST, half-hour zones and holidays are the
// zone database's business, never a fixed offset (decision 0011).

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A calendar without one working minute in ten years is refused instead of looping. */
const MAX_IDLE_DAYS = 3660;

/** One working date's window as UTC milliseconds [open, close), or null when the date is not worked. */
type Window = readonly [number, number] | null;

interface Prepared {
  zone: string;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  /** Holidays that fall on working weekdays, as sorted day numbers (the ones that cost a business day). */
  holidayDays: readonly number[];
  dayStart: string;
  dayEnd: string;
  windows: Map<number, Window>;
  /** Local midnight of a day number, as an instant: finds an instant's local date without a zone lookup each time. */
  midnights: Map<number, number>;
  /** The calendar's fields as prepared, to notice a calendar object changed in place. */
  snapshot: WorkCalendar;
}

// Windows are cached per calendar: a queue of thousands of requests asks about the same few weeks again and again.
const prepared = new Map<string, Prepared>();
const byObject = new WeakMap<WorkCalendar, Prepared>();

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const sameCalendar = (a: WorkCalendar, b: WorkCalendar): boolean =>
  a.timeZone === b.timeZone && a.dayStart === b.dayStart && a.dayEnd === b.dayEnd && sameList(a.workingDays, b.workingDays) && sameList(a.holidays, b.holidays);

function prepare(cal: WorkCalendar): Prepared {
  const known = byObject.get(cal);
  if (known && sameCalendar(cal, known.snapshot)) return known;
  const key = JSON.stringify([cal.timeZone, cal.workingDays, cal.dayStart, cal.dayEnd, cal.holidays]);
  let p = prepared.get(key);
  if (!p) {
    const issues = validateCalendar(cal);
    if (issues.length > 0) {
      throw new RangeError(`invalid calendar: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
    if (prepared.size >= 64) prepared.clear();
    p = {
      zone: cal.timeZone,
      workingDays: new Set(cal.workingDays),
      holidays: new Set(cal.holidays),
      holidayDays: [...new Set(cal.holidays)].map(dayNumber).filter((d) => cal.workingDays.includes(weekdayOfDay(d))).sort((x, y) => x - y),
      dayStart: cal.dayStart,
      dayEnd: cal.dayEnd,
      windows: new Map(),
      midnights: new Map(),
      snapshot: { ...cal, workingDays: [...cal.workingDays], holidays: [...cal.holidays] },
    };
    prepared.set(key, p);
  }
  byObject.set(cal, p);
  return p;
}

/**
 * A local wall-clock time as an instant. A time the clocks skip (spring forward) moves forward by the gap, as Luxon
 * does; a time the clocks show twice (fall back) is its first occurrence, when the clock first reads it.
 */
function instant(date: string, hhmm: string, zone: string): number {
  const candidates = DateTime.fromISO(`${date}T${hhmm}`, { zone }).getPossibleOffsets();
  return Math.min(...candidates.map((dt) => dt.toMillis()));
}

function windowOf(p: Prepared, day: number): Window {
  const cached = p.windows.get(day);
  if (cached !== undefined) return cached;
  const date = dateOfDay(day);
  let w: Window = null;
  if (p.workingDays.has(weekdayOfDay(day)) && !p.holidays.has(date)) {
    const open = instant(date, p.dayStart, p.zone);
    const close = minutesOfDay(p.dayEnd, true) === 24 * 60 ? instant(dateOfDay(day + 1), '00:00', p.zone) : instant(date, p.dayEnd, p.zone);
    w = close > open ? [open, close] : null;
  }
  if (p.windows.size >= 50_000) p.windows.clear();
  p.windows.set(day, w);
  return w;
}

function midnight(p: Prepared, day: number): number {
  let ms = p.midnights.get(day);
  if (ms === undefined) {
    ms = instant(dateOfDay(day), '00:00', p.zone);
    if (p.midnights.size >= 50_000) p.midnights.clear();
    p.midnights.set(day, ms);
  }
  return ms;
}

/** The local date (day number) holding an instant: the UTC date or a neighbour (offsets stay within ±14 h). */
function localDay(ms: number, p: Prepared): number {
  const utcDay = Math.floor(ms / DAY_MS);
  if (ms >= midnight(p, utcDay + 1)) return utcDay + 1;
  if (ms >= midnight(p, utcDay)) return utcDay;
  return utcDay - 1;
}

function millisOf(d: Date, name: string): number {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

/** The instant `hours` business hours after `start` (start outside working time counts from the next opening). */
export function addBusinessHours(start: Date, hours: number, cal: WorkCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a number ≥ 0, got ${hours}`);
  const p = prepare(cal);
  const cursor = millisOf(start, 'start');
  let remaining = Math.round(hours * HOUR_MS);
  let idle = 0;
  for (let day = localDay(cursor, p); ; day++) {
    const w = windowOf(p, day);
    if (w && w[1] > cursor) {
      const from = Math.max(w[0], cursor);
      const available = w[1] - from;
      // `<=`: a span that uses the day up to closing ends at closing, not at the next opening.
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
      idle = 0;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError('the calendar has no working time in ten years');
    }
  }
}

/** Business hours between two instants (0 if to <= from). */
export function businessHoursBetween(from: Date, to: Date, cal: WorkCalendar): number {
  const a = millisOf(from, 'from');
  const b = millisOf(to, 'to');
  const p = prepare(cal);
  if (b <= a) return 0;
  let total = 0;
  const last = localDay(b, p);
  for (let day = localDay(a, p); day <= last; day++) {
    const w = windowOf(p, day);
    if (!w) continue;
    const overlap = Math.min(w[1], b) - Math.max(w[0], a);
    if (overlap > 0) total += overlap;
  }
  return total / HOUR_MS;
}

/** Business hours in one local date (0 on weekends/holidays). */
export function businessHoursOnDate(date: string, cal: WorkCalendar): number {
  const w = windowOf(prepare(cal), dayNumber(date));
  return w ? (w[1] - w[0]) / HOUR_MS : 0;
}

/** The local date ('YYYY-MM-DD') of an instant in the calendar's zone: "today" for a workspace. */
export function localDate(at: Date, cal: WorkCalendar): string {
  return dateOfDay(localDay(millisOf(at, 'at'), prepare(cal)));
}

/** True when the local date is a working day of the calendar and not a holiday. */
export function isWorkingDate(date: string, cal: WorkCalendar): boolean {
  const p = prepare(cal);
  const day = dayNumber(date);
  return p.workingDays.has(weekdayOfDay(day)) && !p.holidays.has(date);
}

/**
 * Working dates d with from < d ≤ to (0 when to ≤ from): "business days until" `to` seen from `from`.
 * Counted by whole weeks, so a date years away costs no more than one next week.
 */
export function businessDaysBetween(fromDate: string, toDate: string, cal: WorkCalendar): number {
  const p = prepare(cal);
  const a = dayNumber(fromDate);
  const b = dayNumber(toDate);
  if (b <= a) return 0;
  const span = b - a;
  let count = Math.floor(span / 7) * p.workingDays.size;
  for (let day = a + 1 + Math.floor(span / 7) * 7; day <= b; day++) if (p.workingDays.has(weekdayOfDay(day))) count++;
  for (const d of p.holidayDays) {
    if (d > b) break;
    if (d > a) count--;
  }
  return count;
}
