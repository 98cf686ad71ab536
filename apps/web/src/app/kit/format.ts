/** Dates are shown in the viewer's profile time zone, falling back to the browser's. */

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function safeZone(timeZone: string | undefined): string {
  if (!timeZone) return browserTimeZone();
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return browserTimeZone();
  }
}

export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: safeZone(timeZone) }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'Never';
  const diffSeconds = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(diffSeconds);
  if (abs < 60) return relative.format(Math.round(diffSeconds), 'second');
  if (abs < 3600) return relative.format(Math.round(diffSeconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(diffSeconds / 3600), 'hour');
  if (abs < 86400 * 45) return relative.format(Math.round(diffSeconds / 86400), 'day');
  if (abs < 86400 * 365) return relative.format(Math.round(diffSeconds / (86400 * 30)), 'month');
  return relative.format(Math.round(diffSeconds / (86400 * 365)), 'year');
}

/** Offset of `timeZone` from UTC at `utcMs`, in milliseconds. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant a calendar day ("2025-03-14") starts in `timeZone`, as an ISO string.
 * `endOfDay` gives the start of the following day, for exclusive upper bounds.
 */
export function zonedDayStart(day: string, timeZone: string | undefined, endOfDay = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const zone = safeZone(timeZone);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  let instant = guess - zoneOffset(guess, zone);
  // Near a DST change the offset at the guess differs from the offset at the answer.
  instant = guess - zoneOffset(instant, zone);
  return new Date(instant).toISOString();
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
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: compact || whole ? 0 : 2,
      maximumFractionDigits: compact ? 1 : whole ? 0 : 2,
    });
  } catch {
    return null; // a code Intl does not know
  }
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
  const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);
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
  return new Intl.DateTimeFormat(undefined, opts).format(ms);
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}

/** Wilson score interval (95%) for `wins` out of `n`: honest about small samples. */
export function wilson(wins: number, n: number): { rate: number; low: number; high: number } | null {
  if (n <= 0) return null;
  const z = 1.96;
  const p = wins / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;
