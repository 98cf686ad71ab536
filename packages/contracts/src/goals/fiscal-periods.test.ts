import { describe, expect, it } from 'vitest';
import { fiscalQuarter, fiscalQuarterOf, fiscalYear, fiscalYearOf, parseFiscalLabel, shiftFiscalQuarter } from './fiscal-periods.ts';

describe('fiscal periods', () => {
  it('a January start is the calendar year', () => {
    expect(fiscalQuarterOf('2026-12-07', 1)).toEqual({ label: 'FY2026 Q4', fiscalYear: 2026, quarter: 4, start: '2026-10-01', end: '2026-12-31' });
    expect(fiscalQuarterOf('2026-01-01', 1).label).toBe('FY2026 Q1');
  });

  it('a February start names the year by the calendar year it ends in', () => {
    expect(fiscalYearOf('2026-01-31', 2)).toBe(2026);
    expect(fiscalYearOf('2026-02-01', 2)).toBe(2027);
    expect(fiscalQuarterOf('2026-02-01', 2)).toEqual({ label: 'FY2027 Q1', fiscalYear: 2027, quarter: 1, start: '2026-02-01', end: '2026-04-30' });
    expect(fiscalQuarterOf('2027-01-31', 2)).toEqual({ label: 'FY2027 Q4', fiscalYear: 2027, quarter: 4, start: '2026-11-01', end: '2027-01-31' });
    expect(fiscalYear(2027, 2)).toEqual({ label: 'FY2027', fiscalYear: 2027, start: '2026-02-01', end: '2027-01-31' });
  });

  it('quarters end on the month’s last day, leap years included', () => {
    expect(fiscalQuarter(2028, 4, 12).end).toBe('2028-11-30'); // FY2028 with a December start: Dec 2027 – Nov 2028
    expect(fiscalQuarter(2028, 1, 12)).toMatchObject({ start: '2027-12-01', end: '2028-02-29' });
  });

  it('shifts across year ends', () => {
    const q1 = fiscalQuarterOf('2026-02-10', 2);
    expect(shiftFiscalQuarter(q1, -1, 2).label).toBe('FY2026 Q4');
    expect(shiftFiscalQuarter(q1, 4, 2).label).toBe('FY2028 Q1');
  });

  it('parses labels and refuses what is not one', () => {
    expect(parseFiscalLabel('FY2027-Q2', 2)).toMatchObject({ start: '2026-05-01', end: '2026-07-31' });
    expect(parseFiscalLabel('fy2027', 1)).toMatchObject({ start: '2027-01-01', end: '2027-12-31' });
    expect(parseFiscalLabel('2027 Q2', 1)).toBeUndefined();
    expect(() => fiscalQuarterOf('2027-13-01', 0)).toThrow(RangeError);
  });
});
