import { businessDaysBetween } from './business-hours.ts';
import { DEFAULT_CALENDAR, type WorkCalendar } from './calendar.ts';
import { formatDay, isIsoDate } from './local-dates.ts';

// The readable priority score (decision 0010): four parts, each on 0–100 so that weights compare, total = Σ value ×
// weight. Values are rounded to 2 decimals before the sum so the numbers a rep sees add up.

export interface ScoreWeights {
  pipeline: number;
  urgency: number;
  reach: number;
  strategic: number;
}
/** They sum to 1, so the total is on the same 0–100 scale as the parts. */
export const DEFAULT_WEIGHTS: ScoreWeights = { pipeline: 0.4, urgency: 0.3, reach: 0.15, strategic: 0.15 };

export interface ScoreDeal {
  amountBase: number | null;
  probability: number; // 0–1
  closeDate: string | null;
}
export interface ScoreInput {
  openDeals: ScoreDeal[]; // linked OPEN deals of all requesters, base currency
  neededBy: string | null; // 'YYYY-MM-DD'
  today: string; // 'YYYY-MM-DD' in the workspace time zone
  requesterCount: number;
  accountCount: number;
  strategicBoost: number; // 0–100 set by an admin with a reason (0 = none)
  /** Working days for "business days until" (default: Monday–Friday, no holidays). */
  calendar?: WorkCalendar;
  /** Weighted pipeline (base currency) that scores the full 100 (default 10,000,000). */
  pipelineFullAt?: number;
}
export type ScorePartName = 'pipeline' | 'urgency' | 'reach' | 'strategic';
/** detail: plain words, e.g. "€420,000 × stage probability over 3 open deals = €183,000" */
export interface ScorePart {
  name: ScorePartName;
  value: number;
  weight: number;
  detail: string;
}
export interface PriorityScore {
  total: number;
  parts: ScorePart[];
}

export const DEFAULT_PIPELINE_FULL_AT = 10_000_000;
/** Urgency halves with every working week (5 business days) between today and the date. */
export const URGENCY_HALF_LIFE_DAYS = 5;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface ScoreFormat {
  /** ISO 4217 code of the base currency, e.g. 'EUR'. */
  currency: string;
  /** Number locale for the amounts in `detail` (default 'en-US': "$1,500,000", "€420,000"). */
  locale?: string;
}

const formatters = new Map<string, (n: number) => string>();

// Intl.NumberFormat is costly to build (≈0.1 ms): one per locale and currency, not one per request scored.
function moneyFormatter(fmt: ScoreFormat | undefined): (n: number) => string {
  const locale = fmt?.locale ?? 'en-US';
  const currency = fmt?.currency ?? '';
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    format = (n) => plain.format(n);
    if (currency) {
      try {
        const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
        format = (n) => money.format(n);
      } catch {
        format = (n) => `${currency} ${plain.format(n)}`;
      }
    }
    if (formatters.size >= 100) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/** 25 points per tenfold of the weighted pipeline: fullAt / 10,000 scores ~7.5, fullAt / 10 scores 75, fullAt 100. */
function pipelinePart(input: ScoreInput, money: (n: number) => string): { value: number; detail: string } {
  const fullAt = input.pipelineFullAt ?? DEFAULT_PIPELINE_FULL_AT;
  if (!Number.isFinite(fullAt) || fullAt <= 0) throw new RangeError(`pipelineFullAt must be > 0, got ${fullAt}`);
  const deals = input.openDeals;
  if (deals.length === 0) return { value: 0, detail: 'No open deals linked' };
  const priced = deals.filter((d) => d.amountBase !== null && Number.isFinite(d.amountBase));
  const unpriced = deals.length - priced.length;
  if (priced.length === 0) return { value: 0, detail: `${plural(deals.length, 'open deal', 'open deals')} linked, none with an amount` };
  let amount = 0;
  let weighted = 0;
  for (const d of priced) {
    const a = Math.max(0, d.amountBase as number);
    amount += a;
    weighted += a * clamp(Number.isFinite(d.probability) ? d.probability : 0, 0, 1);
  }
  const value = clamp(25 * Math.log10(1 + (weighted * 10_000) / fullAt), 0, 100);
  const skipped = unpriced > 0 ? ` (${plural(unpriced, 'more deal', 'more deals')} without an amount not counted)` : '';
  return {
    value,
    detail: `${money(amount)} × stage probability over ${plural(priced.length, 'open deal', 'open deals')} = ${money(weighted)}${skipped}`,
  };
}

function urgencyPart(input: ScoreInput): { value: number; detail: string } {
  const { today, neededBy } = input;
  if (!isIsoDate(today)) throw new RangeError(`today is not a date (YYYY-MM-DD): ${String(today)}`);
  if (neededBy !== null && !isIsoDate(neededBy)) throw new RangeError(`neededBy is not a date (YYYY-MM-DD): ${neededBy}`);
  // An open deal whose close date has passed is stale data, not a deadline: only close dates from today on count.
  let nearestClose: string | null = null;
  for (const { closeDate } of input.openDeals) {
    if (closeDate !== null && closeDate >= today && (nearestClose === null || closeDate < nearestClose) && isIsoDate(closeDate)) nearestClose = closeDate;
  }
  const byNeeded = neededBy !== null && (nearestClose === null || neededBy <= nearestClose);
  const target = byNeeded ? neededBy : nearestClose;
  if (target === null) return { value: 0, detail: 'No needed-by date and no upcoming close date on a linked deal' };
  const what = byNeeded ? 'Needed by' : 'Nearest linked deal closes';
  const when = formatDay(target, today);
  if (target < today) return { value: 100, detail: `${what} ${when}, already passed` };
  const days = businessDaysBetween(today, target, input.calendar ?? DEFAULT_CALENDAR);
  const value = 100 * 2 ** (-days / URGENCY_HALF_LIFE_DAYS);
  const away = target === today ? 'today' : `${plural(days, 'business day', 'business days')} away`;
  return { value, detail: `${what} ${when}: ${away}` };
}

/** 40 points per tenfold of requesters + 2 × accounts: accounts weigh double, more of either adds less and less. */
function reachPart(input: ScoreInput): { value: number; detail: string } {
  const people = Math.max(0, Math.floor(input.requesterCount || 0));
  const accounts = Math.max(0, Math.floor(input.accountCount || 0));
  const value = clamp(40 * Math.log10(1 + people + 2 * accounts), 0, 100);
  return { value, detail: `${plural(people, 'requester', 'requesters')} from ${plural(accounts, 'account', 'accounts')}` };
}

function strategicPart(input: ScoreInput): { value: number; detail: string } {
  const boost = clamp(Number.isFinite(input.strategicBoost) ? input.strategicBoost : 0, 0, 100);
  return { value: boost, detail: boost > 0 ? `Strategic boost of ${round2(boost)} set by an admin` : 'No strategic boost' };
}

function checkWeights(weights: ScoreWeights): void {
  for (const name of ['pipeline', 'urgency', 'reach', 'strategic'] as const) {
    const w = weights[name];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new RangeError(`weight ${name} must be a number ≥ 0, got ${String(w)}`);
  }
}

/** total = Σ value × weight (values rounded to 2 decimals before summing; the sum rounded to 6 to drop float dust). */
export function priorityScore(input: ScoreInput, weights: ScoreWeights, fmt?: ScoreFormat): PriorityScore {
  checkWeights(weights);
  const raw: Record<ScorePartName, { value: number; detail: string }> = {
    pipeline: pipelinePart(input, moneyFormatter(fmt)),
    urgency: urgencyPart(input),
    reach: reachPart(input),
    strategic: strategicPart(input),
  };
  const parts = (['pipeline', 'urgency', 'reach', 'strategic'] as const).map(
    (name): ScorePart => ({ name, value: round2(raw[name].value), weight: weights[name], detail: raw[name].detail }),
  );
  const sum = parts.reduce((s, p) => s + p.value * p.weight, 0);
  return { total: Math.round(sum * 1e6) / 1e6, parts };
}
