import { DateTime } from 'luxon';

// Local calendar dates ('YYYY-MM-DD') as whole day numbers (days since 1970-01-01). A date has no zone, so this is
// plain Gregorian counting (Date.UTC as the calendar, never a local clock); zone and DST arithmetic lives in
// business-hours.ts and goes through Luxon. Conversions are memoised: a queue of 10,000 requests names a few
// hundred distinct dates.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const CACHE_LIMIT = 20_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const dayNumbers = new Map<string, number | null>();

function parse(date: unknown): number | null {
  if (typeof date !== 'string') return null;
  const hit = dayNumbers.get(date);
  if (hit !== undefined) return hit;
  const m = ISO_DATE.exec(date);
  let day: number | null = null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to 2 March: a real date reads back the same.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) day = ms / DAY_MS;
  }
  return remember(dayNumbers, date, day);
}

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(s: unknown): s is string {
  return parse(s) !== null;
}

export function dayNumber(date: string): number {
  const day = parse(date);
  if (day === null) throw new RangeError(`not a date (YYYY-MM-DD): ${String(date)}`);
  return day;
}

const dates = new Map<number, string>();

export function dateOfDay(day: number): string {
  return dates.get(day) ?? remember(dates, day, new Date(day * DAY_MS).toISOString().slice(0, 10));
}

/** ISO weekday, 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week holding `day`. */
export function mondayOfDay(day: number): number {
  return day - (weekdayOfDay(day) - 1);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

const formatted = new Map<string, string>();

/** "Tue 12 May", with the year when it is not `today`'s year ("Mon 4 Jan 2027"). */
export function formatDay(date: string, today?: string): string {
  const withYear = today !== undefined && today.slice(0, 4) !== date.slice(0, 4);
  const key = withYear ? `${date}+y` : date;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  const dt = DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB');
  return remember(formatted, key, dt.toFormat(withYear ? 'ccc d LLL yyyy' : 'ccc d LLL'));
}
