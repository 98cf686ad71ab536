import type { WorkCalendar } from './calendar.ts';

/** The instant `hours` business hours after `start` (start outside working time counts from the next opening). */
export function addBusinessHours(start: Date, hours: number, cal: WorkCalendar): Date {
  void [start, hours, cal];
  throw new Error('TODO');
}

/** Business hours between two instants (0 if to <= from). */
export function businessHoursBetween(from: Date, to: Date, cal: WorkCalendar): number {
  void [from, to, cal];
  throw new Error('TODO');
}

/** Business hours in one local date (0 on weekends/holidays). */
export function businessHoursOnDate(date: string, cal: WorkCalendar): number {
  void [date, cal];
  throw new Error('TODO');
}
