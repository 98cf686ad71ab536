import { describe, expect, it } from 'vitest';
import { DateFormatDetector, type DateFormat, parseDate } from './dates.ts';

describe('parseDate', () => {
  it.each<[string, DateFormat, string, string | undefined]>([
    ['2025-12-31', 'MDY', '2025-12-31', undefined],
    ['12/31/2025', 'MDY', '2025-12-31', undefined],
    ['31/12/2025', 'DMY', '2025-12-31', undefined],
    ['1/2/2026', 'MDY', '2026-01-02', undefined],
    ['1/2/2026', 'DMY', '2026-02-01', undefined],
    ['31.12.2025', 'DMY', '2025-12-31', undefined],
    ['2026-03-14 10:22', 'YMD', '2026-03-14', '2026-03-14T10:22:00'],
    ['2026-03-14T10:22:05.123Z', 'YMD', '2026-03-14', '2026-03-14T10:22:05.123Z'],
    ['2026-03-14T10:22:05+0200', 'YMD', '2026-03-14', '2026-03-14T10:22:05+02:00'],
    ['1/15/2026 3:38 PM', 'MDY', '2026-01-15', '2026-01-15T15:38:00'],
    ['1/15/2026 12:05 AM', 'MDY', '2026-01-15', '2026-01-15T00:05:00'],
    ['31 Dec 2025', 'MDY', '2025-12-31', undefined],
    ['Dec 31, 2025', 'DMY', '2025-12-31', undefined],
    ['29-Feb-2028', 'MDY', '2028-02-29', undefined],
  ])('reads %s (%s)', (raw, format, date, timestamp) => {
    expect(parseDate(raw, format)).toEqual(timestamp ? { kind: 'date', date, timestamp } : { kind: 'date', date });
  });

  it('treats an empty cell as missing', () => {
    expect(parseDate('  ', 'MDY')).toEqual({ kind: 'missing' });
  });

  it.each<[string, DateFormat, string]>([
    ['12/31/25', 'MDY', '"12/31/25" has a two-digit year; export dates with four-digit years (2025, not 25)'],
    ['31/12/2025', 'MDY', '"31/12/2025" is not a valid month/day/year date, the order of this file\'s dates'],
    ['2025-02-30', 'MDY', '"2025-02-30" is not a valid date'],
    ['12/31/2025', 'YMD', '"12/31/2025" is not a year-month-day date, the format given for this file'],
    ['next Tuesday', 'MDY', '"next Tuesday" is not a date'],
    ['0025-01-01', 'YMD', 'the year 25 is out of range'],
    ['2026-03-14 25:00', 'YMD', '25:00 is not a time of day'],
    ['31 Foo 2025', 'YMD', '"Foo" is not a month'],
  ])('refuses %s (%s) with a message naming it', (raw, format, message) => {
    const r = parseDate(raw, format);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toContain(message);
  });
});

describe('DateFormatDetector', () => {
  const detect = (rows: [string, string][], explicit?: DateFormat) => {
    const d = new DateFormatDetector(explicit);
    rows.forEach(([close, created], i) => {
      d.add(close, i + 2, 'Close Date');
      d.add(created, i + 2, 'Created Date');
    });
    return d.verdict();
  };

  it('finds month/day/year from one date that only fits it', () => {
    expect(detect([['01/02/2026', '03/04/2025'], ['12/31/2025', '']])).toEqual({ ok: true, format: 'MDY' });
  });

  it('finds day/month/year from one date that only fits it', () => {
    expect(detect([['01/02/2026', '31/12/2025']])).toEqual({ ok: true, format: 'DMY' });
  });

  it('needs no order for ISO files, or when every date reads the same both ways', () => {
    expect(detect([['2025-12-31', '2026-03-14 10:22']])).toEqual({ ok: true, format: 'YMD' });
    expect(detect([['05/05/2025', '']])).toEqual({ ok: true, format: 'MDY' });
  });

  it('stops when every date fits both orders, quoting two rows', () => {
    const v = detect([
      ['01/02/2026', '03/04/2025'],
      ['05/06/2026', '07/08/2025'],
    ]);
    expect(v.ok).toBe(false);
    const message = !v.ok ? v.error.message : '';
    expect(message).toContain('Every date in this file fits both month/day/year and day/month/year');
    expect(message).toContain('line 2, Close Date "01/02/2026" and line 3, Close Date "05/06/2026"');
    expect(message).toContain('--date-format MDY or DMY');
    expect(!v.ok && v.error.code).toBe('DEALS_IMPORT_AMBIGUOUS_DATES');
  });

  it('lets the majority win when a few dates disagree, and stops on a tie', () => {
    expect(detect([['12/31/2025', '12/30/2025'], ['31/12/2025', '']])).toEqual({ ok: true, format: 'MDY' });
    const tie = detect([['12/31/2025', ''], ['31/12/2025', '']]);
    expect(!tie.ok && tie.error.message).toContain('line 2, Close Date "12/31/2025" is month/day/year, line 3, Close Date "31/12/2025" is day/month/year');
  });

  it('lets an explicit format win over what the dates say', () => {
    expect(detect([['01/02/2026', '03/04/2025']], 'DMY')).toEqual({ ok: true, format: 'DMY' });
    expect(detect([['12/31/2025', '']], 'DMY')).toEqual({ ok: true, format: 'DMY' });
  });
});
