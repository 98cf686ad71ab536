/**
 * Fiscal quarters from the workspace's fiscal year start month, free of zod and of time zones (dates are local
 * calendar dates, `YYYY-MM-DD`), shared by the server (metrics, goals) and the web app (period pickers).
 * A fiscal year is named by the calendar year in which it ends: with a February start, FY2027 runs from
 * 2026-02-01 to 2027-01-31 (the convention of Salesforce, Workday and most US companies that do not start in January).
 */

export interface FiscalPeriod {
  /** `FY2027 Q1`, or `FY2027` for a year. */
  label: string;
  fiscalYear: number;
  /** 1–4; absent for a whole year. */
  quarter?: number;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based: day 0 of the next month
}

/** The calendar (year, month) `offset` months after (year, month). */
function addMonths(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) throw new RangeError(`fiscal year start month must be 1–12, got ${startMonth}`);
}

/** The fiscal year (by its name) that contains `date`. */
export function fiscalYearOf(date: string, startMonth: number): number {
  checkStartMonth(startMonth);
  const { year, month } = parseDate(date);
  // A year starting in January ends in the same calendar year; otherwise the months from the start month on
  // belong to the year that ends next calendar year.
  return startMonth === 1 || month < startMonth ? year : year + 1;
}

/** Quarter `quarter` (1–4) of fiscal year `fiscalYear`. */
export function fiscalQuarter(fiscalYear: number, quarter: number, startMonth: number): FiscalPeriod {
  checkStartMonth(startMonth);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter must be 1–4, got ${quarter}`);
  const firstYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const first = addMonths(firstYear, startMonth, (quarter - 1) * 3);
  const last = addMonths(first.year, first.month, 2);
  return {
    label: `FY${fiscalYear} Q${quarter}`,
    fiscalYear,
    quarter,
    start: `${first.year}-${pad(first.month)}-01`,
    end: `${last.year}-${pad(last.month)}-${pad(lastDayOfMonth(last.year, last.month))}`,
  };
}

/** The fiscal quarter that contains `date`. */
export function fiscalQuarterOf(date: string, startMonth: number): FiscalPeriod {
  const fiscalYear = fiscalYearOf(date, startMonth);
  const { year, month } = parseDate(date);
  const firstYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const monthsIn = year * 12 + month - (firstYear * 12 + startMonth);
  return fiscalQuarter(fiscalYear, Math.floor(monthsIn / 3) + 1, startMonth);
}

/** The quarter `offset` quarters after `period` (negative: before). */
export function shiftFiscalQuarter(period: FiscalPeriod, offset: number, startMonth: number): FiscalPeriod {
  if (period.quarter === undefined) throw new RangeError('shiftFiscalQuarter takes a quarter');
  const index = period.fiscalYear * 4 + (period.quarter - 1) + offset;
  return fiscalQuarter(Math.floor(index / 4), (index % 4) + 1, startMonth);
}

/** The whole fiscal year `fiscalYear`. */
export function fiscalYear(fiscalYearName: number, startMonth: number): FiscalPeriod {
  const q1 = fiscalQuarter(fiscalYearName, 1, startMonth);
  const q4 = fiscalQuarter(fiscalYearName, 4, startMonth);
  return { label: `FY${fiscalYearName}`, fiscalYear: fiscalYearName, start: q1.start, end: q4.end };
}

/** Parses `FY2027 Q1` / `FY2027-Q1` / `FY2027`; undefined when it is not one. */
export function parseFiscalLabel(label: string, startMonth: number): FiscalPeriod | undefined {
  const m = /^FY(\d{4})(?:[ -]?Q([1-4]))?$/i.exec(label.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  return m[2] ? fiscalQuarter(year, Number(m[2]), startMonth) : fiscalYear(year, startMonth);
}
