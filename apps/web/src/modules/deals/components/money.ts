/** Amounts arrive as exact decimal strings; they are only turned into numbers to display them. */

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
