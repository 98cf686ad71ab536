import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  browserTimeZone,
  formatCount,
  formatDate,
  formatDateTime,
  formatDay,
  formatMoney,
  formatRelative,
  initials,
  isPast,
  percent,
  slugify,
  utcDayStart,
  wilson,
  zonedDayStart,
} from './format.ts';

// The formatters use the reader's locale; expectations are built with the same locale so the tests
// hold on any machine, and spelled out where the locale is English.
const english = new Intl.NumberFormat().resolvedOptions().locale.startsWith('en');
const originalTz = process.env.TZ;

function withTz(tz: string) {
  process.env.TZ = tz;
}

beforeEach(() => {
  withTz('UTC');
});

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const hours = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000;

describe('zonedDayStart', () => {
  it('gives the start of an ordinary day in zones east and west of UTC', () => {
    expect(zonedDayStart('2025-01-15', 'Europe/Berlin')).toBe('2025-01-14T23:00:00.000Z');
    expect(zonedDayStart('2025-07-15', 'Europe/Berlin')).toBe('2025-07-14T22:00:00.000Z');
    expect(zonedDayStart('2025-01-15', 'America/New_York')).toBe('2025-01-15T05:00:00.000Z');
    expect(zonedDayStart('2025-07-15', 'America/New_York')).toBe('2025-07-15T04:00:00.000Z');
    expect(zonedDayStart('2025-03-14', 'Asia/Kolkata')).toBe('2025-03-13T18:30:00.000Z');
    expect(zonedDayStart('2025-01-01', 'Pacific/Kiritimati')).toBe('2024-12-31T10:00:00.000Z');
    expect(zonedDayStart('2025-01-01', 'Pacific/Pago_Pago')).toBe('2025-01-01T11:00:00.000Z');
    expect(zonedDayStart('2025-03-14', 'UTC')).toBe('2025-03-14T00:00:00.000Z');
  });

  it('handles the spring DST change in Europe/Berlin (a 23-hour day)', () => {
    const start = zonedDayStart('2025-03-30', 'Europe/Berlin')!;
    const end = zonedDayStart('2025-03-30', 'Europe/Berlin', true)!;
    expect(start).toBe('2025-03-29T23:00:00.000Z');
    expect(end).toBe('2025-03-30T22:00:00.000Z');
    expect(hours(start, end)).toBe(23);
  });

  it('handles the autumn DST change in Europe/Berlin (a 25-hour day)', () => {
    const start = zonedDayStart('2025-10-26', 'Europe/Berlin')!;
    const end = zonedDayStart('2025-10-26', 'Europe/Berlin', true)!;
    expect(start).toBe('2025-10-25T22:00:00.000Z');
    expect(end).toBe('2025-10-26T23:00:00.000Z');
    expect(hours(start, end)).toBe(25);
  });

  it('handles both DST changes in America/New_York', () => {
    expect(zonedDayStart('2025-03-09', 'America/New_York')).toBe('2025-03-09T05:00:00.000Z');
    expect(zonedDayStart('2025-03-09', 'America/New_York', true)).toBe('2025-03-10T04:00:00.000Z');
    expect(zonedDayStart('2025-11-02', 'America/New_York')).toBe('2025-11-02T04:00:00.000Z');
    expect(zonedDayStart('2025-11-02', 'America/New_York', true)).toBe('2025-11-03T05:00:00.000Z');
  });

  it('starts a day at the jump when the clocks skip midnight', () => {
    // Chile moves from 00:00 straight to 01:00 (-03) on the first Sunday of September.
    expect(zonedDayStart('2024-09-08', 'America/Santiago')).toBe('2024-09-08T04:00:00.000Z');
    expect(zonedDayStart('2024-09-07', 'America/Santiago', true)).toBe('2024-09-08T04:00:00.000Z');
    // Brazil did the same until 2019.
    expect(zonedDayStart('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
  });

  it('starts a day at its real midnight when the clocks go back across midnight', () => {
    // Chile goes back from 00:00 (-03) to 23:00 (-04) of the day before: the day starts at midnight -04.
    expect(zonedDayStart('2024-04-07', 'America/Santiago')).toBe('2024-04-07T04:00:00.000Z');
    expect(hours(zonedDayStart('2024-04-06', 'America/Santiago')!, zonedDayStart('2024-04-06', 'America/Santiago', true)!)).toBe(25);
  });

  it('end of day is the start of the next day, across month, year and leap-day boundaries', () => {
    expect(zonedDayStart('2024-12-31', 'Europe/Berlin', true)).toBe(zonedDayStart('2025-01-01', 'Europe/Berlin'));
    expect(zonedDayStart('2024-12-31', 'Europe/Berlin', true)).toBe('2024-12-31T23:00:00.000Z');
    expect(zonedDayStart('2024-02-28', 'America/New_York', true)).toBe(zonedDayStart('2024-02-29', 'America/New_York'));
    expect(zonedDayStart('2024-02-29', 'America/New_York', true)).toBe('2024-03-01T05:00:00.000Z');
    expect(zonedDayStart('2025-04-30', 'UTC', true)).toBe('2025-05-01T00:00:00.000Z');
  });

  it('every instant of the day lies in [start, end) and reads as that day in the zone', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      for (const day of ['2025-03-09', '2025-03-30', '2025-04-06', '2025-10-05', '2025-10-26', '2025-11-02']) {
        const start = new Date(zonedDayStart(day, zone)!).getTime();
        const end = new Date(zonedDayStart(day, zone, true)!).getTime();
        const local = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(ms);
        expect(local(start), `${zone} ${day} start`).toBe(day);
        expect(local(end - 1000), `${zone} ${day} last second`).toBe(day);
        expect(local(start - 1000), `${zone} ${day} before`).not.toBe(day);
        expect(local(end), `${zone} ${day} end`).not.toBe(day);
      }
    }
  });

  it('rejects what is not a calendar day', () => {
    for (const bad of ['', '2025-3-14', '14/03/2025', '2025-03-14T00:00', '2025-02-30', '2025-13-01', '2025-00-10', 'yesterday']) {
      expect(zonedDayStart(bad, 'Europe/Berlin'), bad).toBeUndefined();
    }
    expect(utcDayStart('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(utcDayStart('2025-02-29')).toBeUndefined();
  });

  it('falls back to the browser time zone for an unknown or missing zone', () => {
    withTz('America/New_York');
    expect(browserTimeZone()).toBe('America/New_York');
    expect(zonedDayStart('2025-01-15', 'Mars/Olympus_Mons')).toBe('2025-01-15T05:00:00.000Z');
    expect(zonedDayStart('2025-01-15', undefined)).toBe('2025-01-15T05:00:00.000Z');
  });
});

describe('formatDay', () => {
  const expected = (y: number, m: number, d: number) =>
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));

  it('shows the calendar date as it is, whatever the reader’s time zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
      withTz(tz);
      expect(formatDay('2026-03-31'), tz).toBe(expected(2026, 3, 31));
      expect(formatDay('2026-01-01'), tz).toBe(expected(2026, 1, 1));
      expect(formatDay('2026-03-31T23:30:00-08:00'), tz).toBe(expected(2026, 3, 31));
    }
    if (english) {
      expect(formatDay('2026-03-31')).toBe('Mar 31, 2026');
      expect(formatDay('2026-03-31', 'short')).toBe('Mar 31');
    }
  });

  it('shows a dash for nothing and leaves what is not a date alone', () => {
    expect(formatDay(null)).toBe('—');
    expect(formatDay(undefined)).toBe('—');
    expect(formatDay('')).toBe('—');
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('formatDate and formatDateTime', () => {
  it('show an instant in the given time zone', () => {
    const iso = '2025-03-30T22:30:00Z';
    const inZone = (timeZone: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(new Date(iso));
    expect(formatDate(iso, 'Europe/Berlin')).toBe(inZone('Europe/Berlin'));
    expect(formatDate(iso, 'America/New_York')).toBe(inZone('America/New_York'));
    if (english) {
      expect(formatDate(iso, 'Europe/Berlin')).toBe('Mar 31, 2025');
      expect(formatDate(iso, 'America/New_York')).toBe('Mar 30, 2025');
      expect(formatDateTime(iso, 'Europe/Berlin')).toMatch(/^Mar 31, 2025,? (at )?12:30\sAM$/);
    }
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('use the browser time zone for an unknown zone', () => {
    withTz('Asia/Tokyo');
    expect(formatDate('2025-03-30T22:30:00Z', 'Nowhere/Special')).toBe(formatDate('2025-03-30T22:30:00Z', 'Asia/Tokyo'));
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

  it('picks the unit by distance and rounds', () => {
    expect(formatRelative(at(-30), now)).toBe(rtf.format(-30, 'second'));
    expect(formatRelative(at(-59), now)).toBe(rtf.format(-59, 'second'));
    expect(formatRelative(at(-60), now)).toBe(rtf.format(-1, 'minute'));
    expect(formatRelative(at(-100 * 60), now)).toBe(rtf.format(-2, 'hour'));
    // Math.round: half an hour rounds toward the future.
    expect(formatRelative(at(-90 * 60), now)).toBe(rtf.format(-1, 'hour'));
    expect(formatRelative(at(90 * 60), now)).toBe(rtf.format(2, 'hour'));
    expect(formatRelative(at(-40 * 3600), now)).toBe(rtf.format(-2, 'day'));
    expect(formatRelative(at(-23 * 3600), now)).toBe(rtf.format(-23, 'hour'));
    expect(formatRelative(at(3 * 86400), now)).toBe(rtf.format(3, 'day'));
    expect(formatRelative(at(-44 * 86400), now)).toBe(rtf.format(-44, 'day'));
    expect(formatRelative(at(-45 * 86400), now)).toBe(rtf.format(-1, 'month'));
    expect(formatRelative(at(-100 * 86400), now)).toBe(rtf.format(-3, 'month'));
    expect(formatRelative(at(-400 * 86400), now)).toBe(rtf.format(-1, 'year'));
  });

  it('reads naturally in English', () => {
    if (!english) return;
    expect(formatRelative(at(0), now)).toBe('now');
    expect(formatRelative(at(-86400), now)).toBe('yesterday');
    expect(formatRelative(at(5 * 60), now)).toBe('in 5 minutes');
    expect(formatRelative(at(-400 * 86400), now)).toBe('last year');
  });

  it('says Never for nothing', () => {
    expect(formatRelative(null, now)).toBe('Never');
    expect(formatRelative(undefined, now)).toBe('Never');
  });
});

describe('formatMoney', () => {
  it('formats known currencies, without cents for whole amounts', () => {
    const cur = (currency: string, min: number, max: number) =>
      new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: min, maximumFractionDigits: max });
    expect(formatMoney('1234.5', 'EUR')).toBe(cur('EUR', 2, 2).format(1234.5));
    expect(formatMoney('1000', 'USD')).toBe(cur('USD', 0, 0).format(1000));
    expect(formatMoney('1234.56', 'USD', { rounded: true })).toBe(cur('USD', 0, 0).format(1234.56));
    if (english) {
      expect(formatMoney('1234.5', 'USD')).toBe('$1,234.50');
      expect(formatMoney('1000', 'USD')).toBe('$1,000');
      expect(formatMoney('1234.56', 'USD', { rounded: true })).toBe('$1,235');
    }
  });

  it('formats compact amounts', () => {
    expect(formatMoney('1234567', 'USD', { compact: true })).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(1234567),
    );
    if (english) {
      expect(formatMoney('1234567', 'USD', { compact: true })).toBe('$1.2M');
      expect(formatMoney('950', 'USD', { compact: true })).toBe('$950');
    }
  });

  it('shows a code Intl cannot use after the plain number', () => {
    const plain = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);
    expect(formatMoney('1234.5', 'EURO')).toBe(`${plain(1234.5)} EURO`);
    expect(formatMoney('10', '€')).toBe(`${plain(10)} €`);
    // A well-formed code Intl has no symbol for is shown by its code.
    expect(formatMoney('1234.5', 'XYZ')).toContain('XYZ');
    if (english) expect(formatMoney('1234.5', 'EURO')).toBe('1,234.5 EURO');
  });

  it('copes with missing amounts, missing currencies and text that is not a number', () => {
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatMoney(undefined, 'USD')).toBe('—');
    expect(formatMoney('abc', 'USD')).toBe('abc');
    expect(formatMoney('1234.5', null)).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(1234.5));
    expect(formatMoney('-250', 'USD')).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(-250),
    );
  });
});

describe('wilson', () => {
  // By hand: p = k/n, z = 1.96, centre = (p + z²/2n) / (1 + z²/n), half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
  it('matches hand-computed 95% intervals', () => {
    const five = wilson(5, 10)!;
    expect(five.rate).toBe(0.5);
    expect(five.low).toBeCloseTo(0.23659, 5);
    expect(five.high).toBeCloseTo(0.76341, 5);

    const none = wilson(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.27754, 5);

    const all = wilson(10, 10)!;
    expect(all.low).toBeCloseTo(0.72246, 5);
    expect(all.high).toBe(1);

    const one = wilson(1, 1)!;
    expect(one.low).toBeCloseTo(0.20654, 5);
    expect(one.high).toBe(1);

    const mid = wilson(81, 263)!;
    expect(mid.rate).toBeCloseTo(0.30798, 5);
    expect(mid.low).toBeCloseTo(0.25529, 5);
    expect(mid.high).toBeCloseTo(0.36621, 5);
  });

  it('is null without a sample and stays within [0, 1]', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, -1)).toBeNull();
    for (let k = 0; k <= 20; k++) {
      const w = wilson(k, 20)!;
      expect(w.low).toBeGreaterThanOrEqual(0);
      expect(w.high).toBeLessThanOrEqual(1);
      expect(w.low).toBeLessThanOrEqual(w.rate);
      expect(w.high).toBeGreaterThanOrEqual(w.rate);
    }
  });
});

describe('small formatters', () => {
  it('percent rounds to a whole percent', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.456)).toBe('46%');
    expect(percent(0.005)).toBe('1%');
    expect(percent(1)).toBe('100%');
  });

  it('formatCount groups digits in the reader’s locale', () => {
    expect(formatCount(1234567)).toBe(new Intl.NumberFormat().format(1234567));
  });

  it('initials and slugify', () => {
    expect(initials('Dana Admin')).toBe('DA');
    expect(initials('  ravi  ')).toBe('R');
    expect(initials('Anna Maria de la Cruz')).toBe('AC');
    expect(initials('')).toBe('?');
    expect(slugify('Acme Sales EMEA')).toBe('acme-sales-emea');
    expect(slugify('  Zürich & Genève!  ')).toBe('zurich-geneve');
    expect(slugify('x'.repeat(60))).toHaveLength(48);
  });

  it('isPast', () => {
    expect(isPast(null)).toBe(false);
    expect(isPast('2000-01-01T00:00:00Z')).toBe(true);
    expect(isPast(new Date(Date.now() + 60_000).toISOString())).toBe(false);
  });
});
