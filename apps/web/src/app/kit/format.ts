/** Dates are shown in the viewer's profile time zone, falling back to the browser's. */

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// Making an Intl formatter costs far more than formatting with it (it resolves locale data), and a page formats
// hundreds of dates and amounts on its first render (a CPU profile of the competitor page: 20–30 ms of each open
// spent making formatters): each kind is made once and kept. `null` keeps a kind Intl refuses (an unknown zone or
// currency code). The browser's zone is read on each call, never kept: it is part of the key.
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | null>();

function kept<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F | null {
  let f = formats.get(key);
  if (f === undefined) {
    try {
      f = make();
    } catch {
      f = null;
    }
    formats.set(key, f);
  }
  return f as F | null;
}

const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  kept(`d${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(undefined, options)) as Intl.DateTimeFormat;

function safeZone(timeZone: string | undefined): string {
  if (!timeZone) return browserTimeZone();
  return kept(`z${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone })) ? timeZone : browserTimeZone();
}

export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return dateFormat({ dateStyle: 'medium', timeZone: safeZone(timeZone) }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(timeZone) }).format(new Date(iso));
}

// Made on first use, not when this module loads: the first Intl formatter of a page loads ICU's locale data
// (about 30 ms), which the sign-in page, the first load, has no use for.
let relativeFormat: Intl.RelativeTimeFormat | undefined;

export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'Never';
  const relative = (relativeFormat ??= new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));
  const diffSeconds = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(diffSeconds);
  if (abs < 60) return relative.format(Math.round(diffSeconds), 'second');
  if (abs < 3600) return relative.format(Math.round(diffSeconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(diffSeconds / 3600), 'hour');
  if (abs < 86400 * 45) return relative.format(Math.round(diffSeconds / 86400), 'day');
  if (abs < 86400 * 365) return relative.format(Math.round(diffSeconds / (86400 * 30)), 'month');
  return relative.format(Math.round(diffSeconds / (86400 * 365)), 'year');
}

// One formatter per zone: zonedDayStart asks for offsets several times per call.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of `utcMs` in `timeZone`, read back as if they were UTC. */
function wallClockAsUtc(utcMs: number, timeZone: string): number {
  const parts = offsetFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Offset of `timeZone` from UTC at `utcMs`, in milliseconds. */
function zoneOffset(utcMs: number, timeZone: string): number {
  return wallClockAsUtc(utcMs, timeZone) - Math.floor(utcMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a calendar day ("2025-03-14"), or undefined for anything that is not a real day (2025-02-30). */
export function utcDayStart(day: string): number | undefined {
  const m = DAY_PATTERN.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms;
}

/**
 * The instant a calendar day ("2025-03-14") starts in `timeZone`, as an ISO string.
 * `endOfDay` gives the start of the following day, for exclusive upper bounds.
 * Undefined for anything that is not a real day; an unknown zone falls back to the browser's.
 */
export function zonedDayStart(day: string, timeZone: string | undefined, endOfDay = false): string | undefined {
  const start = utcDayStart(day);
  if (start === undefined) return undefined;
  const zone = safeZone(timeZone);
  const wall = start + (endOfDay ? DAY_MS : 0); // local midnight, written as if it were UTC
  // Offsets a day either side cover a DST change near midnight (no zone is more than 14 hours from UTC).
  const offsets = new Set([zoneOffset(wall - DAY_MS, zone), zoneOffset(wall, zone), zoneOffset(wall + DAY_MS, zone)]);
  const exact = [...offsets].map((o) => wall - o).filter((t) => wallClockAsUtc(t, zone) === wall);
  // Midnight happens once, or twice when clocks go back to it: the day starts at the first.
  if (exact.length) return new Date(Math.min(...exact)).toISOString();
  // Clocks jumped over midnight (e.g. America/Santiago in September): the day starts at the jump.
  const candidates = [...offsets].map((o) => wall - o);
  let lo = Math.min(...candidates) - DAY_MS / 2; // still the day before
  let hi = Math.max(...candidates) + DAY_MS / 2; // already the day
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClockAsUtc(mid, zone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi).toISOString();
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** "Acme Sales EMEA" → "acme-sales-emea", as workspace slugs want it. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

/** Whether an instant has passed (expiry checks when rendering lists). */
export function isPast(iso: string | null | undefined): boolean {
  return iso ? new Date(iso).getTime() <= Date.now() : false;
}

// Amounts arrive as exact decimal strings; they are only turned into numbers to display them.

function formatter(currency: string, whole: boolean, compact: boolean): Intl.NumberFormat | null {
  return kept(`m${currency}|${whole}|${compact}`, () =>
    new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: compact || whole ? 0 : 2,
      maximumFractionDigits: compact ? 1 : whole ? 0 : 2,
    }),
  ); // null: a code Intl does not know
}

export function formatMoney(
  amount: string | null | undefined,
  currency: string | null | undefined,
  options: { compact?: boolean; rounded?: boolean } = {},
): string {
  if (amount === null || amount === undefined) return '—';
  const n = Number(amount);
  if (!Number.isFinite(n)) return amount;
  const whole = options.rounded || Number.isInteger(n);
  const f = currency ? formatter(currency, whole, options.compact ?? false) : null;
  if (f) return f.format(n);
  const plain = (kept('n2', () => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })) as Intl.NumberFormat).format(n);
  return currency ? `${plain} ${currency}` : plain;
}

/** A calendar date from the API ("2026-03-31"), shown as it is: no time zone may shift it. */
export function formatDay(day: string | null | undefined, style: 'medium' | 'short' = 'medium'): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const opts: Intl.DateTimeFormatOptions =
    style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return dateFormat(opts).format(ms);
}

export function formatCount(n: number): string {
  return (kept('n', () => new Intl.NumberFormat()) as Intl.NumberFormat).format(n);
}

/** Wilson score interval (95%) for `wins` out of `n`: honest about small samples. */
export function wilson(wins: number, n: number): { rate: number; low: number; high: number } | null {
  if (n <= 0) return null;
  const z = 1.96;
  const p = wins / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  // The interval always holds p; the clamps only stop rounding (e.g. 20 of 20 → high 0.9999999999999999).
  return { rate: p, low: Math.max(0, Math.min(p, centre - half)), high: Math.min(1, Math.max(p, centre + half)) };
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
