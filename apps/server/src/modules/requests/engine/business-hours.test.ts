import { describe, expect, it } from 'vitest';
import {
  addBusinessHours,
  businessDaysBetween,
  businessHoursBetween,
  businessHoursOnDate,
  isWorkingDate,
  localDate,
} from './business-hours.ts';
import { DEFAULT_CALENDAR, type WorkCalendar } from './calendar.ts';

// Every expectation below is computed by hand in the comment above it. Offsets used: New York EST = UTC−5 and
// EDT = UTC−4 (2026: EDT from Sun 8 Mar 02:00, EST again from Sun 1 Nov 02:00); Berlin CET = UTC+1 and CEST = UTC+2
// (2026: CEST from Sun 29 Mar 02:00, CET again from Sun 25 Oct 03:00); Kolkata IST = UTC+5:30, no DST.

const UTC = DEFAULT_CALENDAR; // Mon–Fri 09:00–17:00 UTC
const week = (timeZone: string, holidays: string[] = []): WorkCalendar => ({
  timeZone,
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '17:00',
  holidays,
});
const NY = week('America/New_York');
const BERLIN = week('Europe/Berlin');
const KOLKATA = week('Asia/Kolkata');
const allDay = (timeZone: string): WorkCalendar => ({ timeZone, workingDays: [1, 2, 3, 4, 5, 6, 7], dayStart: '00:00', dayEnd: '24:00', holidays: [] });

const at = (iso: string) => new Date(iso);
const add = (iso: string, hours: number, cal: WorkCalendar) => addBusinessHours(at(iso), hours, cal).toISOString();
const between = (a: string, b: string, cal: WorkCalendar) => businessHoursBetween(at(a), at(b), cal);

describe('addBusinessHours', () => {
  it('adds inside one working day', () => {
    // Mon 11 May 10:00 UTC + 3 h = 13:00 the same day.
    expect(add('2026-05-11T10:00:00Z', 3, UTC)).toBe('2026-05-11T13:00:00.000Z');
  });

  it('carries across a weekend', () => {
    // Fri 15 May 15:00 + 4 h: 2 h to Friday's 17:00, Sat/Sun skipped, 2 h from Mon 18 May 09:00 → 11:00.
    expect(add('2026-05-15T15:00:00Z', 4, UTC)).toBe('2026-05-18T11:00:00.000Z');
  });

  it('ends at closing time when the hours fill the day, not at the next opening', () => {
    // Fri 15 May 09:00 + 8 h = Fri 17:00 (the whole day), not Mon 09:00.
    expect(add('2026-05-15T09:00:00Z', 8, UTC)).toBe('2026-05-15T17:00:00.000Z');
  });

  it('skips a holiday (Berlin, 1 May)', () => {
    // Thu 30 Apr 15:00 CEST (13:00Z) + 4 h: 2 h to 17:00 CEST; Fri 1 May holiday; Sat, Sun; Mon 4 May
    // 09:00 CEST + 2 h = 11:00 CEST = 09:00Z.
    expect(add('2026-04-30T13:00:00Z', 4, week('Europe/Berlin', ['2026-05-01']))).toBe('2026-05-04T09:00:00.000Z');
    // Without the holiday: 2 h Thursday + 2 h Friday 09:00–11:00 CEST = Fri 09:00Z.
    expect(add('2026-04-30T13:00:00Z', 4, BERLIN)).toBe('2026-05-01T09:00:00.000Z');
  });

  it('reads the same instant in two time zones', () => {
    // Tue 12 May 14:00Z is 10:00 EDT in New York: + 3 h = 13:00 EDT = 17:00Z.
    expect(add('2026-05-12T14:00:00Z', 3, NY)).toBe('2026-05-12T17:00:00.000Z');
    // …and 16:00 CEST in Berlin: 1 h to 17:00, then Wed 13 May 09:00–11:00 CEST = 09:00Z.
    expect(add('2026-05-12T14:00:00Z', 3, BERLIN)).toBe('2026-05-13T09:00:00.000Z');
  });

  it('handles a half-hour zone (Kolkata)', () => {
    // Fri 15 May 16:30 IST (11:00Z) + 4 h: 0.5 h Friday, 3.5 h from Mon 18 May 09:00 IST → 12:30 IST = 07:00Z.
    expect(add('2026-05-15T11:00:00Z', 4, KOLKATA)).toBe('2026-05-18T07:00:00.000Z');
  });

  it('New York spring forward (Sun 8 Mar 2026)', () => {
    // Fri 6 Mar 16:00 EST (21:00Z) + 2 h: 1 h to 17:00 EST, 1 h from Mon 9 Mar 09:00 EDT → 10:00 EDT = 14:00Z.
    // (A fixed −5 offset would say 15:00Z.)
    expect(add('2026-03-06T21:00:00Z', 2, NY)).toBe('2026-03-09T14:00:00.000Z');
  });

  it('New York fall back (Sun 1 Nov 2026)', () => {
    // Fri 30 Oct 16:00 EDT (20:00Z) + 2 h: 1 h Friday, Mon 2 Nov 09:00 EST + 1 h = 10:00 EST = 15:00Z.
    expect(add('2026-10-30T20:00:00Z', 2, NY)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('Berlin spring forward (Sun 29 Mar 2026)', () => {
    // Fri 27 Mar 16:00 CET (15:00Z) + 2 h: 1 h Friday, Mon 30 Mar 09:00 CEST + 1 h = 10:00 CEST = 08:00Z.
    expect(add('2026-03-27T15:00:00Z', 2, BERLIN)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('Berlin fall back (Sun 25 Oct 2026)', () => {
    // Fri 23 Oct 16:00 CEST (14:00Z) + 2 h: 1 h Friday, Mon 26 Oct 09:00 CET + 1 h = 10:00 CET = 09:00Z.
    expect(add('2026-10-23T14:00:00Z', 2, BERLIN)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts elapsed time when the change falls inside working hours (a 24/7 calendar)', () => {
    // Sat 7 Mar 22:00 EST (8 Mar 03:00Z) + 6 h elapsed = 09:00Z, which the clock shows as 05:00 EDT (7 h later).
    expect(add('2026-03-08T03:00:00Z', 6, allDay('America/New_York'))).toBe('2026-03-08T09:00:00.000Z');
    // Sat 31 Oct 22:00 EDT (1 Nov 02:00Z) + 6 h = 08:00Z = 03:00 EST (5 h later on the clock).
    expect(add('2026-11-01T02:00:00Z', 6, allDay('America/New_York'))).toBe('2026-11-01T08:00:00.000Z');
  });

  it('starts outside working time at the next opening', () => {
    // Sat 16 May 10:00 EDT (14:00Z) + 3 h → Mon 18 May 09:00 EDT + 3 h = 12:00 EDT = 16:00Z.
    expect(add('2026-05-16T14:00:00Z', 3, NY)).toBe('2026-05-18T16:00:00.000Z');
    // Mon 18 May 07:00 EDT (11:00Z), before opening, + 1 h = 10:00 EDT = 14:00Z.
    expect(add('2026-05-18T11:00:00Z', 1, NY)).toBe('2026-05-18T14:00:00.000Z');
    // Mon 18 May 18:00 EDT (22:00Z), after closing, + 1 h = Tue 19 May 10:00 EDT = 14:00Z.
    expect(add('2026-05-18T22:00:00Z', 1, NY)).toBe('2026-05-19T14:00:00.000Z');
  });

  it('adds fractional hours to the minute', () => {
    // Mon 11 May 16:30 + 1.25 h: 0.5 h Monday, 0.75 h = 45 min from Tue 09:00 → 09:45.
    expect(add('2026-05-11T16:30:00Z', 1.25, UTC)).toBe('2026-05-12T09:45:00.000Z');
    // 0.1 h = 6 min.
    expect(add('2026-05-11T10:00:00Z', 0.1, UTC)).toBe('2026-05-11T10:06:00.000Z');
  });

  it('adds 0 hours: the same instant inside working time, the next opening outside it', () => {
    expect(add('2026-05-11T10:17:00Z', 0, UTC)).toBe('2026-05-11T10:17:00.000Z');
    // Sat 16 May → Mon 18 May 09:00.
    expect(add('2026-05-16T12:00:00Z', 0, UTC)).toBe('2026-05-18T09:00:00.000Z');
    // Exactly at Friday's closing: nothing is left that day → Mon 09:00.
    expect(add('2026-05-15T17:00:00Z', 0, UTC)).toBe('2026-05-18T09:00:00.000Z');
  });

  it('adds many weeks', () => {
    // Mon 5 Jan 09:00 + 200 h = 25 working days of 8 h = 5 whole weeks → Fri 6 Feb 17:00.
    expect(add('2026-01-05T09:00:00Z', 200, UTC)).toBe('2026-02-06T17:00:00.000Z');
    // New York, Mon 2 Feb 09:00 EST (14:00Z) + 400 h = 50 working days. The weeks of 2 Feb … 6 Apr hold 50 weekdays,
    // one of them the holiday Mon 16 Feb, so the 50th working day is Mon 13 Apr, ending 17:00 EDT = 21:00Z
    // (spring forward on 8 Mar in between).
    expect(add('2026-02-02T14:00:00Z', 400, week('America/New_York', ['2026-02-16']))).toBe('2026-04-13T21:00:00.000Z');
  });

  it('refuses negative or non-numeric hours and a broken calendar', () => {
    expect(() => addBusinessHours(at('2026-05-11T10:00:00Z'), -3, UTC)).toThrow(RangeError);
    expect(() => addBusinessHours(at('2026-05-11T10:00:00Z'), Number.NaN, UTC)).toThrow(RangeError);
    expect(() => addBusinessHours(at('2026-05-11T10:00:00Z'), 1, { ...UTC, timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});

describe('businessHoursBetween', () => {
  it('counts inside one day and across a weekend', () => {
    // Mon 11 May 10:00 → 13:30 = 3.5 h.
    expect(between('2026-05-11T10:00:00Z', '2026-05-11T13:30:00Z', UTC)).toBe(3.5);
    // Fri 15 May 15:00 → Mon 18 May 11:00 = 2 h + 2 h.
    expect(between('2026-05-15T15:00:00Z', '2026-05-18T11:00:00Z', UTC)).toBe(4);
  });

  it('skips a holiday', () => {
    // Thu 30 Apr 15:00 CEST → Mon 4 May 11:00 CEST: 2 h + (1 May holiday) + 2 h = 4 h; without the holiday 12 h.
    expect(between('2026-04-30T13:00:00Z', '2026-05-04T09:00:00Z', week('Europe/Berlin', ['2026-05-01']))).toBe(4);
    expect(between('2026-04-30T13:00:00Z', '2026-05-04T09:00:00Z', BERLIN)).toBe(12);
  });

  it('follows both DST changes (New York and Berlin)', () => {
    // Fri 6 Mar 12:00 EST (17:00Z) → Mon 9 Mar 12:00 EDT (16:00Z): 5 h + 3 h = 8 h. (Fixed offsets would give 7.)
    expect(between('2026-03-06T17:00:00Z', '2026-03-09T16:00:00Z', NY)).toBe(8);
    // Fri 30 Oct 12:00 EDT (16:00Z) → Mon 2 Nov 12:00 EST (17:00Z): 5 h + 3 h = 8 h.
    expect(between('2026-10-30T16:00:00Z', '2026-11-02T17:00:00Z', NY)).toBe(8);
    // Fri 27 Mar 12:00 CET (11:00Z) → Mon 30 Mar 12:00 CEST (10:00Z): 8 h.
    expect(between('2026-03-27T11:00:00Z', '2026-03-30T10:00:00Z', BERLIN)).toBe(8);
    // Fri 23 Oct 12:00 CEST (10:00Z) → Mon 26 Oct 12:00 CET (11:00Z): 8 h.
    expect(between('2026-10-23T10:00:00Z', '2026-10-26T11:00:00Z', BERLIN)).toBe(8);
  });

  it('reads the same two instants differently in two zones', () => {
    // Tue 12 May 14:00Z → Wed 13 May 14:00Z. New York 10:00 → 10:00 EDT: 7 h + 1 h = 8 h.
    // Berlin 16:00 → 16:00 CEST: 1 h + 7 h = 8 h. Kolkata 19:30 → 19:30 IST: Tue after closing, Wed whole day = 8 h.
    // Tue 12 May 14:00Z → 20:00Z: New York 10:00–16:00 EDT = 6 h; Berlin 16:00–22:00 CEST = 1 h; Kolkata 0 h.
    expect(between('2026-05-12T14:00:00Z', '2026-05-12T20:00:00Z', NY)).toBe(6);
    expect(between('2026-05-12T14:00:00Z', '2026-05-12T20:00:00Z', BERLIN)).toBe(1);
    expect(between('2026-05-12T14:00:00Z', '2026-05-12T20:00:00Z', KOLKATA)).toBe(0);
  });

  it('is 0 when to ≤ from, and over a weekend', () => {
    expect(between('2026-05-11T13:00:00Z', '2026-05-11T10:00:00Z', UTC)).toBe(0);
    expect(between('2026-05-11T13:00:00Z', '2026-05-11T13:00:00Z', UTC)).toBe(0);
    expect(between('2026-05-16T08:00:00Z', '2026-05-17T20:00:00Z', UTC)).toBe(0);
  });

  it('counts many weeks and fractional spans', () => {
    // Mon 5 Jan 00:00 → Mon 2 Mar 00:00 = 8 weeks × 5 days × 8 h = 320 h.
    expect(between('2026-01-05T00:00:00Z', '2026-03-02T00:00:00Z', UTC)).toBe(320);
    // 09:00 → 09:45 = 0.75 h.
    expect(between('2026-05-11T09:00:00Z', '2026-05-11T09:45:00Z', UTC)).toBe(0.75);
  });

  it('undoes addBusinessHours', () => {
    for (const cal of [UTC, NY, BERLIN, KOLKATA, week('Europe/Berlin', ['2026-03-30'])]) {
      for (const hours of [0.5, 3, 8, 17.25, 123]) {
        const start = at('2026-03-26T10:00:00Z');
        expect(businessHoursBetween(start, addBusinessHours(start, hours, cal), cal)).toBeCloseTo(hours, 9);
      }
    }
  });
});

describe('businessHoursOnDate', () => {
  it('is the window on a working day and 0 on weekends and holidays', () => {
    expect(businessHoursOnDate('2026-05-11', UTC)).toBe(8);
    expect(businessHoursOnDate('2026-05-16', UTC)).toBe(0); // Saturday
    expect(businessHoursOnDate('2026-05-01', week('Europe/Berlin', ['2026-05-01']))).toBe(0);
    expect(businessHoursOnDate('2026-05-11', { ...UTC, dayStart: '08:30', dayEnd: '12:15' })).toBe(3.75);
  });

  it('is 23 h and 25 h on the DST days of a 24-hour calendar', () => {
    expect(businessHoursOnDate('2026-03-08', allDay('America/New_York'))).toBe(23);
    expect(businessHoursOnDate('2026-11-01', allDay('America/New_York'))).toBe(25);
    expect(businessHoursOnDate('2026-03-29', allDay('Europe/Berlin'))).toBe(23);
    expect(businessHoursOnDate('2026-10-25', allDay('Europe/Berlin'))).toBe(25);
    expect(businessHoursOnDate('2026-03-28', allDay('Europe/Berlin'))).toBe(24);
  });

  it('measures a window that holds the 02:00 change', () => {
    const night: WorkCalendar = { ...allDay('America/New_York'), dayStart: '01:00', dayEnd: '05:00' };
    // 8 Mar: 01:00 EST (06:00Z) → 05:00 EDT (09:00Z) = 3 h. 1 Nov: 01:00 EDT, the first one (05:00Z) → 05:00 EST (10:00Z) = 5 h.
    expect(businessHoursOnDate('2026-03-08', night)).toBe(3);
    expect(businessHoursOnDate('2026-11-01', night)).toBe(5);
    expect(businessHoursOnDate('2026-11-02', night)).toBe(4);
  });
});

describe('local dates', () => {
  it('gives the local date of an instant', () => {
    // 15 May 23:30Z is 16 May 01:30 CEST, 15 May 19:30 EDT; 19:00Z is 16 May 00:30 IST.
    expect(localDate(at('2026-05-15T23:30:00Z'), BERLIN)).toBe('2026-05-16');
    expect(localDate(at('2026-05-15T23:30:00Z'), NY)).toBe('2026-05-15');
    expect(localDate(at('2026-05-15T19:00:00Z'), KOLKATA)).toBe('2026-05-16');
  });

  it('finds the local date at midnight, across DST and far from UTC', () => {
    // New York: 8 Mar 04:59:59Z = 7 Mar 23:59:59 EST; 05:00Z = 8 Mar 00:00 EST. After fall back, midnight is 05:00Z:
    // 2 Nov 04:59Z = 1 Nov 23:59 EST; 1 Nov 04:00Z = 1 Nov 00:00 EDT.
    expect(localDate(at('2026-03-08T04:59:59Z'), NY)).toBe('2026-03-07');
    expect(localDate(at('2026-03-08T05:00:00Z'), NY)).toBe('2026-03-08');
    expect(localDate(at('2026-11-01T04:00:00Z'), NY)).toBe('2026-11-01');
    expect(localDate(at('2026-11-02T04:59:00Z'), NY)).toBe('2026-11-01');
    // Kiritimati (UTC+14): 15 May 10:00Z is 16 May 00:00. Pago Pago (UTC−11): 15 May 10:59Z is 14 May 23:59.
    expect(localDate(at('2026-05-15T09:59:00Z'), week('Pacific/Kiritimati'))).toBe('2026-05-15');
    expect(localDate(at('2026-05-15T10:00:00Z'), week('Pacific/Kiritimati'))).toBe('2026-05-16');
    expect(localDate(at('2026-05-15T10:59:00Z'), week('Pacific/Pago_Pago'))).toBe('2026-05-14');
    expect(localDate(at('2026-05-15T11:00:00Z'), week('Pacific/Pago_Pago'))).toBe('2026-05-15');
  });

  it('notices a calendar changed in place', () => {
    const cal = week('Europe/Berlin');
    expect(businessHoursOnDate('2026-05-12', cal)).toBe(8);
    cal.holidays.push('2026-05-12');
    expect(businessHoursOnDate('2026-05-12', cal)).toBe(0);
    cal.dayEnd = '13:00';
    expect(businessHoursOnDate('2026-05-13', cal)).toBe(4);
  });

  it('tells working dates and counts business days', () => {
    expect(isWorkingDate('2026-05-15', UTC)).toBe(true);
    expect(isWorkingDate('2026-05-16', UTC)).toBe(false);
    expect(isWorkingDate('2026-05-25', week('UTC', ['2026-05-25']))).toBe(false);
    // (Fri 15 May, Mon 15 Jun]: weekdays 18–22, 25–29 May, 1–5, 8–12 Jun, 15 Jun = 21, less the holiday Mon 25 May
    // (Sat 30 May is no working day anyway) = 20.
    expect(businessDaysBetween('2026-05-15', '2026-06-15', week('Europe/Berlin', ['2026-05-25', '2026-05-30']))).toBe(20);
    expect(businessDaysBetween('2026-05-15', '2026-05-18', UTC)).toBe(1);
    expect(businessDaysBetween('2026-05-15', '2026-05-15', UTC)).toBe(0);
    expect(businessDaysBetween('2026-05-15', '2026-05-01', UTC)).toBe(0);
    // A whole year of weekdays: 2027 has 261 weekdays; from 31 Dec 2026 to 31 Dec 2027.
    expect(businessDaysBetween('2026-12-31', '2027-12-31', UTC)).toBe(261);
  });
});
