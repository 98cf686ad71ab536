import { DateTime } from 'luxon';

// Local calendar dates ('YYYY-MM-DD') as whole day numbers (days since 1970-01-01). A date has no zone: Luxon reads
// and writes them in UTC only so that a day is always one day; zone arithmetic lives in business-hours.ts.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}

export function dayNumber(date: string): number {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  if (!ISO_DATE.test(date) || !dt.isValid) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Math.round(dt.toMillis() / DAY_MS);
}

export function dateOfDay(day: number): string {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toISODate() as string;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOfDay(day: number): number {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).weekday;
}

/** The Monday of the ISO week holding `day`. */
export function mondayOfDay(day: number): number {
  return day - (weekdayOfDay(day) - 1);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** "Tue 12 May", with the year when it is not `today`'s year ("Mon 4 Jan 2027"). */
export function formatDay(date: string, today?: string): string {
  const dt = DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB');
  const sameYear = today === undefined || today.slice(0, 4) === date.slice(0, 4);
  return dt.toFormat(sameYear ? 'ccc d LLL' : 'ccc d LLL yyyy');
}
