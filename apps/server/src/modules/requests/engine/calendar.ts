import { IANAZone } from 'luxon';
import { isIsoDate } from './local-dates.ts';

/** A workspace's working calendar. */
export interface WorkCalendar {
  timeZone: string; // IANA, e.g. 'Europe/Berlin'
  workingDays: number[]; // ISO weekdays 1 = Monday … 7 = Sunday, e.g. [1,2,3,4,5]
  dayStart: string; // 'HH:mm' local, e.g. '09:00'
  dayEnd: string; // 'HH:mm' local, e.g. '17:00' (after dayStart); '24:00' = the end of the day
  holidays: string[]; // local dates 'YYYY-MM-DD' that are not worked
}

export const DEFAULT_CALENDAR: WorkCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '17:00',
  holidays: [],
};

export interface CalendarIssue {
  path: string;
  message: string;
}

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after local midnight for 'HH:mm' ('24:00' only where `allowEndOfDay`), or null when malformed. */
export function minutesOfDay(hhmm: unknown, allowEndOfDay = false): number | null {
  if (typeof hhmm !== 'string') return null;
  if (allowEndOfDay && hhmm === '24:00') return 24 * 60;
  if (!HH_MM.test(hhmm)) return null;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zone.length > 0 && (zone === 'UTC' || IANAZone.isValidZone(zone));
}

/** Every problem with a calendar, each naming its field ('holidays.2'); empty when the calendar is usable. */
export function validateCalendar(c: WorkCalendar): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (!isValidTimeZone(c.timeZone)) {
    issues.push({ path: 'timeZone', message: `unknown time zone "${String(c.timeZone)}" (use an IANA name such as Europe/Berlin)` });
  }
  if (!Array.isArray(c.workingDays) || c.workingDays.length === 0) {
    issues.push({ path: 'workingDays', message: 'at least one working day is needed (1 = Monday … 7 = Sunday)' });
  } else {
    c.workingDays.forEach((d, i) => {
      if (!Number.isInteger(d) || d < 1 || d > 7) {
        issues.push({ path: `workingDays.${i}`, message: `${String(d)} is not a weekday (1 = Monday … 7 = Sunday)` });
      } else if (c.workingDays.indexOf(d) !== i) {
        issues.push({ path: `workingDays.${i}`, message: `weekday ${d} is listed twice` });
      }
    });
  }
  const start = minutesOfDay(c.dayStart);
  const end = minutesOfDay(c.dayEnd, true);
  if (start === null) issues.push({ path: 'dayStart', message: `"${String(c.dayStart)}" is not a time of day (HH:mm, 00:00–23:59)` });
  if (end === null) issues.push({ path: 'dayEnd', message: `"${String(c.dayEnd)}" is not a time of day (HH:mm, 00:01–24:00)` });
  if (start !== null && end !== null && end <= start) {
    issues.push({ path: 'dayEnd', message: `the working day must end after it starts (${c.dayStart})` });
  }
  if (!Array.isArray(c.holidays)) {
    issues.push({ path: 'holidays', message: 'holidays must be a list of dates (YYYY-MM-DD)' });
  } else {
    c.holidays.forEach((h, i) => {
      if (!isIsoDate(h)) issues.push({ path: `holidays.${i}`, message: `"${String(h)}" is not a date (YYYY-MM-DD)` });
    });
  }
  return issues;
}
