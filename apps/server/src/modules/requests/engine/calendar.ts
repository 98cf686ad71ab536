/** A workspace's working calendar. */
export interface WorkCalendar {
  timeZone: string; // IANA, e.g. 'Europe/Berlin'
  workingDays: number[]; // ISO weekdays 1 = Monday … 7 = Sunday, e.g. [1,2,3,4,5]
  dayStart: string; // 'HH:mm' local, e.g. '09:00'
  dayEnd: string; // 'HH:mm' local, e.g. '17:00' (after dayStart)
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

export function validateCalendar(c: WorkCalendar): CalendarIssue[] {
  void c;
  throw new Error('TODO');
}
