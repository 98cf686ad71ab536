/**
 * Dates as exports write them: ISO "2025-12-31", HubSpot "2026-03-14 10:22",
 * locale "12/31/2025" or "31/12/2025" (also with "-" or "." and a time), and
 * "31 Dec 2025" / "Dec 31, 2025". Two-digit years are refused: "01/02/25" has
 * too many readings to guess.
 *
 * The day/month order is decided once per file from all of its dates (see
 * DateFormatDetector); an explicit format always wins.
 */
import { tabularErrors, type ImportFileError } from './tabular.errors.ts';

export type DateFormat = 'YMD' | 'MDY' | 'DMY';
export const DATE_FORMATS: readonly DateFormat[] = ['YMD', 'MDY', 'DMY'];

export type DateResult =
  | { kind: 'missing' }
  /** `date` is YYYY-MM-DD; `timestamp` (YYYY-MM-DDTHH:MM:SS, with the zone if the file gave one) when a time was present. */
  | { kind: 'date'; date: string; timestamp?: string }
  | { kind: 'error'; message: string };

interface Time {
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  zone: string;
}

type Shape =
  | { kind: 'ymd'; y: number; m: number; d: number; time?: Time }
  /** Day and month in an order the file decides: "a/b/yyyy". */
  | { kind: 'pair'; a: number; b: number; y: number; time?: Time }
  | { kind: 'error'; message: string };

const TIME = String.raw`(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?\s*(Z|[+-]\d{2}:?\d{2})?)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const PAIR = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`);
const TWO_DIGIT_YEAR = /^\d{1,2}([-/.])\d{1,2}\1\d{2}(?!\d)/;
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-],?\s*(\d{4})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);
const MONTHS = new Map<string, number>(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap(
    (name, i) => [
      [name, i + 1],
      [name.slice(0, 3), i + 1],
    ],
  ),
).set('sept', 9);

const monthNumber = (name: string): number | undefined => MONTHS.get(name.toLowerCase());

function readTime(g: (string | undefined)[]): Time | string | undefined {
  const [h, min, s, fraction, ampm, zone] = g;
  if (h === undefined || min === undefined) return undefined;
  let hour = Number(h);
  const minute = Number(min);
  const second = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) return `hour ${h} does not go with ${ampm}`;
    const pm = ampm[0]!.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return `${h}:${min}${s ? ':' + s : ''} is not a time of day`;
  const z = zone === undefined ? '' : zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return { hour, minute, second, fraction: fraction ?? '', zone: z };
}

function withTime(raw: string, groups: (string | undefined)[], shape: Exclude<Shape, { kind: 'error' }>): Shape {
  const time = readTime(groups);
  if (typeof time === 'string') return { kind: 'error', message: `"${raw}": ${time}` };
  return time ? { ...shape, time } : shape;
}

function named(raw: string, day: string, month: string, year: string, rest: (string | undefined)[]): Shape {
  const mm = monthNumber(month);
  if (!mm) return { kind: 'error', message: `"${raw}": "${month}" is not a month` };
  return withTime(raw, rest, { kind: 'ymd', y: Number(year), m: mm, d: Number(day) });
}

/**
 * Shapes of the values seen lately: a file repeats its dates (a few thousand days across a
 * million deals), and a shape is the costly part of reading one. Cleared when full, so memory
 * stays flat whatever the file holds; shapes are never handed out, so sharing them is safe.
 */
const SHAPES = new Map<string, Shape | undefined>();
const MAX_SHAPES = 10_000;

function shapeOf(raw: string): Shape | undefined {
  let shape = SHAPES.get(raw);
  if (shape === undefined && !SHAPES.has(raw)) {
    shape = readShape(raw);
    if (SHAPES.size >= MAX_SHAPES) SHAPES.clear();
    SHAPES.set(raw, shape);
  }
  return shape;
}

function readShape(raw: string): Shape | undefined {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(s))) return withTime(raw, m.slice(5), { kind: 'ymd', y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) });
  if ((m = PAIR.exec(s))) return withTime(raw, m.slice(5), { kind: 'pair', a: Number(m[1]), b: Number(m[3]), y: Number(m[4]) });
  if (TWO_DIGIT_YEAR.test(s)) {
    return { kind: 'error', message: `"${raw}" has a two-digit year; export dates with four-digit years (2025, not 25)` };
  }
  if ((m = DAY_MONTH_NAME.exec(s))) return named(raw, m[1]!, m[2]!, m[3]!, m.slice(4));
  if ((m = MONTH_NAME_DAY.exec(s))) return named(raw, m[2]!, m[1]!, m[3]!, m.slice(4));
  return undefined;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]!);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Whether the day exists, in the years a file may hold. */
const exists = (y: number, m: number, d: number) => y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** `order` names the file's day/month order in the message for a day or month that does not exist. */
function build(raw: string, y: number, m: number, d: number, time: Time | undefined, order?: string): DateResult {
  if (y < 1900 || y > 2199) return { kind: 'error', message: `"${raw}": the year ${y} is out of range (1900–2199)` };
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) {
    const message = order ? `"${raw}" is not a valid ${order} date, the order of this file's dates` : `"${raw}" is not a valid date`;
    return { kind: 'error', message };
  }
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (!time) return { kind: 'date', date };
  const frac = time.fraction ? `.${time.fraction}` : '';
  return { kind: 'date', date, timestamp: `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${frac}${time.zone}` };
}

const ORDER_NAMES: Record<DateFormat, string> = { YMD: 'year-month-day', MDY: 'month/day/year', DMY: 'day/month/year' };

/** Reads one date cell with the file's format (which decides only "a/b/yyyy" dates). Empty is missing. */
export function parseDate(raw: string, format: DateFormat): DateResult {
  if (raw.trim() === '') return { kind: 'missing' };
  const shape = shapeOf(raw);
  if (!shape) return { kind: 'error', message: `"${raw}" is not a date` };
  if (shape.kind === 'error') return { kind: 'error', message: shape.message };
  if (shape.kind === 'ymd') return build(raw, shape.y, shape.m, shape.d, shape.time);
  if (format === 'YMD') {
    return { kind: 'error', message: `"${raw}" is not a year-month-day date, the format given for this file` };
  }
  const mdy = format === 'MDY';
  return build(raw, shape.y, mdy ? shape.a : shape.b, mdy ? shape.b : shape.a, shape.time, ORDER_NAMES[format]);
}

interface Sample {
  line: number;
  column: string;
  value: string;
}

const quote = (s: Sample) => `line ${s.line}, ${s.column} "${s.value}"`;

/**
 * Decides a file's date format from all of its dates, fed one at a time while
 * streaming. Only "a/b/yyyy" dates vote: those that fit only month/day/year or
 * only day/month/year. The majority wins (dates of the other order are then
 * reported as invalid on their rows); a tie, or no vote at all while some dates
 * fit both orders differently, stops the import with two rows quoted.
 */
export class DateFormatDetector {
  private readonly only: Record<'MDY' | 'DMY', { count: number; sample?: Sample }> = {
    MDY: { count: 0 },
    DMY: { count: 0 },
  };
  private readonly ambiguous: Sample[] = [];
  private pairs = 0;

  constructor(private readonly explicit?: DateFormat) {}

  add(raw: string, line: number, column: string): void {
    if (this.explicit || raw.trim() === '') return;
    const shape = shapeOf(raw);
    if (shape?.kind !== 'pair') return;
    this.pairs++;
    const mdy = exists(shape.y, shape.a, shape.b);
    const dmy = exists(shape.y, shape.b, shape.a);
    if (mdy && dmy) {
      // "05/05/2025" reads the same either way: it cannot mislead, so it does not count as ambiguous.
      if (shape.a !== shape.b && this.ambiguous.length < 2 && this.ambiguous[0]?.line !== line) {
        this.ambiguous.push({ line, column, value: raw.trim() });
      }
    } else if (mdy || dmy) {
      const side = this.only[mdy ? 'MDY' : 'DMY'];
      side.count++;
      side.sample ??= { line, column, value: raw.trim() };
    }
  }

  verdict(): { ok: true; format: DateFormat } | { ok: false; error: ImportFileError } {
    if (this.explicit) return { ok: true, format: this.explicit };
    const { MDY, DMY } = this.only;
    if (MDY.count > DMY.count) return { ok: true, format: 'MDY' };
    if (DMY.count > MDY.count) return { ok: true, format: 'DMY' };
    const how = 'Give the format with --date-format MDY or DMY (or "dateFormat" in the mapping file).';
    if (MDY.sample && DMY.sample) {
      return {
        ok: false,
        error: tabularErrors.ambiguousDates(
          `This file's dates disagree on their order, as many of them month/day/year as day/month/year: ` +
            `${quote(MDY.sample)} is month/day/year, ${quote(DMY.sample)} is day/month/year. ${how}`,
        ),
      };
    }
    if (this.ambiguous.length) {
      return {
        ok: false,
        error: tabularErrors.ambiguousDates(
          'Every date in this file fits both month/day/year and day/month/year, so their order cannot be told: ' +
            `${this.ambiguous.map(quote).join(' and ')}. ${how}`,
        ),
      };
    }
    // No "a/b/yyyy" date at all, or only ones like "05/05/2025" that read the same either way.
    return { ok: true, format: this.pairs ? 'MDY' : 'YMD' };
  }
}
