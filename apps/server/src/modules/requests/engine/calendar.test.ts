import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, validateCalendar, type WorkCalendar } from './calendar.ts';

const paths = (c: Partial<WorkCalendar>) => validateCalendar({ ...DEFAULT_CALENDAR, ...c }).map((i) => i.path);

describe('validateCalendar', () => {
  it('accepts the default and real calendars', () => {
    expect(validateCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(paths({ timeZone: 'Europe/Berlin', holidays: ['2026-12-25'], workingDays: [7, 1, 2] })).toEqual([]);
    expect(paths({ timeZone: 'Asia/Kolkata', dayStart: '00:00', dayEnd: '24:00' })).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(paths({ timeZone: 'Europe/Atlantis' })).toEqual(['timeZone']);
    expect(paths({ timeZone: '' })).toEqual(['timeZone']);
    expect(paths({ workingDays: [] })).toEqual(['workingDays']);
    expect(paths({ workingDays: [1, 0, 8, 2.5, 1] })).toEqual(['workingDays.1', 'workingDays.2', 'workingDays.3', 'workingDays.4']);
    expect(paths({ dayStart: '9:00' })).toEqual(['dayStart']);
    expect(paths({ dayStart: '24:00' })).toEqual(['dayStart']);
    expect(paths({ dayEnd: '17:60' })).toEqual(['dayEnd']);
    expect(paths({ dayStart: '17:00', dayEnd: '09:00' })).toEqual(['dayEnd']);
    expect(paths({ dayStart: '09:00', dayEnd: '09:00' })).toEqual(['dayEnd']);
    expect(paths({ holidays: ['2026-02-30', '2026-12-25', '25/12/2026'] })).toEqual(['holidays.0', 'holidays.2']);
  });

  it('says what is wrong in words', () => {
    const [issue] = validateCalendar({ ...DEFAULT_CALENDAR, dayStart: '18:00' });
    expect(issue).toEqual({ path: 'dayEnd', message: 'the working day must end after it starts (18:00)' });
  });
});
