/**
 * Amounts as CRM exports write them: "$1,234,567.00", "USD 1,200.50", "1200.5",
 * "€1.234,56", "1 234,56 EUR", "(1,200.00)", "-1200". Values stay decimal strings
 * end to end; no float ever touches them.
 *
 * Decimal separator rule (see README): a value that shows its decimal separator
 * is read as it shows it; a value that does not ("1,234", "1.234": one separator,
 * three digits after it) follows the separator the file's other amounts use, and
 * if they use none (or as many of each), the separator groups thousands.
 */
import { type CurrencyMark, currencyAtEnd, currencyAtStart } from './currency.ts';

export type DecimalSeparator = '.' | ',';

/** How a file's amounts are read; `explicit` applies to every value, a file verdict only to ambiguous ones. */
export type DecimalRule = { kind: 'explicit'; separator: DecimalSeparator } | { kind: 'file'; separator: DecimalSeparator | undefined };

export type MoneyResult =
  | { kind: 'missing' }
  | { kind: 'amount'; value: string; currency?: CurrencyMark }
  | { kind: 'error'; message: string };

/** What one value says about the file's decimal separator. */
type Evidence = DecimalSeparator | 'ambiguous' | 'none';

interface Body {
  negative: boolean;
  digits: string;
  currency?: CurrencyMark;
}

const SPACES = /[\s\u00A0\u202F'’]/;
const LEADING_MINUS = /^[-−]/;
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const AMOUNT_TEXT = /^[\d.,\s\u00A0\u202F'’]+$/;
const DIGIT = /\d/;
const DIGITS = /^\d*$/;
const LEADING_GROUP = /^[1-9]\d{0,2}$/;
const LEADING_ZEROS = /^0+(?=\d)/;
const NON_ZERO = /[1-9]/;
const other = (s: DecimalSeparator): DecimalSeparator => (s === '.' ? ',' : '.');

/** Strips currency marks and signs; what is left is digits and separators. */
function splitBody(raw: string): Body | string {
  let s = raw.trim();
  let negative = false;
  let currency: CurrencyMark | undefined;
  // Currency and sign nest either way round: "-$1,200", "$-1,200", "($1,200)", "USD (1,200)":
  // a currency, then a sign, twice over.
  for (let pass = 0; pass < 2; pass++) {
    const start = currencyAtStart(s);
    const end = start && s.length === start.text.length ? undefined : currencyAtEnd(s);
    if (start && end) return `"${raw}" names two currencies`;
    const mark = start ?? end;
    if (mark) {
      if (currency) return `"${raw}" names two currencies`;
      currency = mark;
      s = (start ? s.slice(mark.text.length) : s.slice(0, s.length - mark.text.length)).trim();
    }
    if (s.startsWith('(') && s.endsWith(')')) {
      negative = true;
      s = s.slice(1, -1).trim();
    }
    if (LEADING_MINUS.test(s)) {
      negative = true;
      s = s.slice(1).trim();
    } else if (s.startsWith('+')) s = s.slice(1).trim();
  }
  if (SCIENTIFIC.test(s)) {
    return `"${raw}" is in scientific notation, so a spreadsheet has rounded it; export the amount as a plain number`;
  }
  if (!AMOUNT_TEXT.test(s) || !DIGIT.test(s)) return `"${raw}" is not an amount`;
  return { negative, digits: s, currency };
}

/** What a number body says about its decimal separator. */
function evidenceOf(digits: string): Evidence {
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c === 44) {
      commas++;
      lastComma = i;
    } else if (c === 46) {
      dots++;
      lastDot = i;
    }
  }
  if (commas && dots) return lastComma > lastDot ? ',' : '.';
  if (!commas && !dots) return 'none';
  const sep: DecimalSeparator = commas ? ',' : '.';
  if (commas + dots > 1) return other(sep); // "1,234,567": the repeated one groups
  const at = commas ? lastComma : lastDot;
  const before = digits.slice(0, at);
  // "1 234,567" already groups with spaces, "1234,567" and "0,123" cannot be grouped: all decimal.
  if (digits.length - at - 1 !== 3 || SPACES.test(digits) || !LEADING_GROUP.test(before)) return sep;
  return 'ambiguous';
}

/**
 * Thousands groups of 3, or the Indian 2-2-3 ("12,34,567"), by the length of each group
 * (the integer part split at its thousands mark; every group is digits only).
 */
function groupsValid(sizes: readonly number[]): boolean {
  const n = sizes.length;
  if (n === 1) return sizes[0]! > 0;
  const first = sizes[0]!;
  if (first < 1 || first > 3) return false;
  let threes = true;
  for (let i = 1; i < n && threes; i++) threes = sizes[i] === 3;
  if (threes) return true;
  if (sizes[n - 1] !== 3 || first > 2) return false;
  for (let i = 1; i < n - 1; i++) if (sizes[i] !== 2) return false;
  return true;
}

/** The body read with `decimal` as its decimal separator, as a canonical decimal string. */
function toDecimal(raw: string, body: Body, decimal: DecimalSeparator): string | { error: string } {
  const { digits } = body;
  const at = digits.indexOf(decimal);
  if (at !== -1 && digits.indexOf(decimal, at + 1) !== -1) {
    return { error: `"${raw}" has "${decimal}", the decimal separator, more than once` };
  }
  const intEnd = at === -1 ? digits.length : at;
  const frac = at === -1 ? '' : digits.slice(at + 1);
  if (!DIGITS.test(frac)) {
    return { error: `"${raw}" has a thousands separator after the decimal separator "${decimal}"` };
  }
  // The integer part's thousands mark is its first non-digit; any other non-digit mixes marks.
  // Groups are measured, and the digits kept, in one pass (split and join cost more than the rest).
  let mark = -1;
  const sizes: number[] = [];
  let size = 0;
  let int = '';
  let from = 0;
  for (let i = 0; i < intEnd; i++) {
    const c = digits.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      size++;
      continue;
    }
    if (mark === -1) mark = c;
    else if (c !== mark) return { error: `"${raw}" mixes thousands separators` };
    sizes.push(size);
    size = 0;
    int += digits.slice(from, i);
    from = i + 1;
  }
  sizes.push(size);
  int += digits.slice(from, intEnd);
  if (intEnd !== 0 && !groupsValid(sizes)) {
    return { error: `"${raw}" has its thousands separators in the wrong places (for "${decimal}" as the decimal separator)` };
  }
  int = int.replace(LEADING_ZEROS, '') || '0';
  if (intEnd === 0 && frac === '') return { error: `"${raw}" is not an amount` };
  const value = frac ? `${int}.${frac}` : int;
  return body.negative && NON_ZERO.test(value) ? `-${value}` : value;
}

/** Reads one amount cell. Empty is missing, not zero. */
export function parseMoney(raw: string, rule: DecimalRule): MoneyResult {
  if (raw.trim() === '') return { kind: 'missing' };
  const body = splitBody(raw);
  if (typeof body === 'string') return { kind: 'error', message: body };
  let decimal: DecimalSeparator;
  if (rule.kind === 'explicit') decimal = rule.separator;
  else {
    const evidence = evidenceOf(body.digits);
    if (evidence === '.' || evidence === ',') decimal = evidence;
    else if (evidence === 'none') decimal = '.';
    else if (rule.separator) decimal = rule.separator;
    else decimal = body.digits.includes(',') ? '.' : ','; // no file evidence: the lone separator groups thousands
  }
  const value = toDecimal(raw, body, decimal);
  if (typeof value !== 'string') return { kind: 'error', message: value.error };
  return body.currency ? { kind: 'amount', value, currency: body.currency } : { kind: 'amount', value };
}

interface Sample {
  line: number;
  value: string;
}

/**
 * Collects what a file's amounts say about their decimal separator, one value at
 * a time (streaming), then gives the file's rule. Majority of unambiguous values wins.
 */
export class DecimalDetector {
  private readonly counts = { '.': 0, ',': 0 };
  private readonly first: Partial<Record<DecimalSeparator, Sample>> = {};
  private ambiguous = 0;

  constructor(private readonly explicit?: DecimalSeparator) {}

  add(raw: string, line: number): void {
    if (this.explicit || raw.trim() === '') return;
    const body = splitBody(raw);
    if (typeof body === 'string') return; // reported when the row is read
    const evidence = evidenceOf(body.digits);
    if (evidence === 'ambiguous') this.ambiguous++;
    else if (evidence !== 'none') {
      this.counts[evidence]++;
      this.first[evidence] ??= { line, value: raw };
    }
  }

  verdict(): DecimalRule {
    if (this.explicit) return { kind: 'explicit', separator: this.explicit };
    const { '.': dot, ',': comma } = this.counts;
    return { kind: 'file', separator: dot > comma ? '.' : comma > dot ? ',' : undefined };
  }

  /** What the verdict stands on: votes per separator with the first value of each, and how many values were ambiguous. */
  evidence(): { votes: Record<DecimalSeparator, number>; first: Partial<Record<DecimalSeparator, Sample>>; ambiguous: number } {
    return { votes: { ...this.counts }, first: { ...this.first }, ambiguous: this.ambiguous };
  }
}
