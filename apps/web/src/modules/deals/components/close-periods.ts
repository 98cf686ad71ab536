/**
 * Close-date periods that follow the workspace's fiscal year: a sales team's
 * "this quarter" is its fiscal quarter, not the calendar one.
 */

export const CLOSE_PERIODS = ['this-quarter', 'last-quarter', 'next-quarter', 'this-year'] as const;
export type ClosePeriod = (typeof CLOSE_PERIODS)[number];

export const CLOSE_PERIOD_LABELS: Record<ClosePeriod | 'custom', string> = {
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'next-quarter': 'Next quarter',
  'this-year': 'This fiscal year',
  custom: 'Custom range',
};

export function isClosePeriod(value: string | null): value is ClosePeriod {
  return (CLOSE_PERIODS as readonly string[]).includes(value ?? '');
}

export interface DayRange {
  from: string;
  to: string;
  /** 1–4 within the fiscal year, for quarters. */
  quarter?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/**
 * The first and last day of a period around `today` (YYYY-MM-DD), for a fiscal
 * year that starts in month `fyStartMonth` (1–12).
 */
export function periodRange(period: ClosePeriod, fyStartMonth: number, today: string): DayRange {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month0 = m - 1;
  const fy0 = fyStartMonth - 1;
  const monthsIntoYear = (month0 - fy0 + 12) % 12;
  const months = (startOffset: number, length: number) => {
    const start = Date.UTC(y, month0 + startOffset, 1);
    const end = Date.UTC(y, month0 + startOffset + length, 0); // day 0: the last day of the month before
    return { from: isoDay(start), to: isoDay(end), startMonth0: new Date(start).getUTCMonth() };
  };
  const quarterOf = (startMonth0: number) => Math.floor(((startMonth0 - fy0 + 12) % 12) / 3) + 1;
  const intoQuarter = monthsIntoYear % 3;
  switch (period) {
    case 'this-quarter':
    case 'last-quarter':
    case 'next-quarter': {
      const shift = period === 'this-quarter' ? 0 : period === 'last-quarter' ? -3 : 3;
      const r = months(-intoQuarter + shift, 3);
      return { from: r.from, to: r.to, quarter: quarterOf(r.startMonth0) };
    }
    case 'this-year': {
      const r = months(-monthsIntoYear, 12);
      return { from: r.from, to: r.to };
    }
    default: {
      const never: never = period;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}
