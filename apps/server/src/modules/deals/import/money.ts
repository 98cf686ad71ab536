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
const other = (s: DecimalSeparator): DecimalSeparator => (s === '.' ? ',' : '.');

/** Strips currency marks and signs; what is left is digits and separators. */
function splitBody(raw: string): Body | string {
  let s = raw.trim();
  let negative = false;
  let currency: CurrencyMark | undefined;
  const takeCurrency = () => {
    const start = currencyAtStart(s);
    const end = start && s.length === start.text.length ? undefined : currencyAtEnd(s);
    if (start && end) return `"${raw}" names two currencies`;
    const mark = start ?? end;
    if (!mark) return undefined;
    if (currency) return `"${raw}" names two currencies`;
    currency = mark;
    s = (start ? s.slice(mark.text.length) : s.slice(0, s.length - mark.text.length)).trim();
    return undefined;
  };
  const takeSign = () => {
    if (s.startsWith('(') && s.endsWith(')')) {
      negative = true;
      s = s.slice(1, -1).trim();
    }
    if (/^[-−]/.test(s)) {
      negative = true;
      s = s.slice(1).trim();
    } else if (s.startsWith('+')) s = s.slice(1).trim();
  };
  // Currency and sign nest either way round: "-$1,200", "$-1,200", "($1,200)", "USD (1,200)".
  const outer = takeCurrency();
  if (outer) return outer;
  takeSign();
  const inner = takeCurrency();
  if (inner) return inner;
  takeSign();
  if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(s)) {
    return `"${raw}" is in scientific notation, so a spreadsheet has rounded it; export the amount as a plain number`;
  }
  if (!/^[\d.,\s\u00A0\u202F'’]+$/.test(s) || !/\d/.test(s)) return `"${raw}" is not an amount`;
  return { negative, digits: s, currency };
}

/** What a number body says about its decimal separator. */
function evidenceOf(digits: string): Evidence {
  const commas = digits.split(',').length - 1;
  const dots = digits.split('.').length - 1;
  if (commas && dots) return digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.';
  if (!commas && !dots) return 'none';
  const sep: DecimalSeparator = commas ? ',' : '.';
  if (commas + dots > 1) return other(sep); // "1,234,567": the repeated one groups
  const [before = '', after = ''] = digits.split(sep);
  // "1 234,567" already groups with spaces, "1234,567" and "0,123" cannot be grouped: all decimal.
  if (after.length !== 3 || SPACES.test(digits) || !/^[1-9]\d{0,2}$/.test(before)) return sep;
  return 'ambiguous';
}

/** Thousands groups of 3, or the Indian 2-2-3 ("12,34,567"). */
function groupsValid(groups: string[]): boolean {
  if (groups.length === 1) return /^\d+$/.test(groups[0]!);
  const [first = '', ...rest] = groups;
  if (!/^\d{1,3}$/.test(first)) return false;
  if (rest.every((g) => /^\d{3}$/.test(g))) return true;
  const last = rest.pop()!;
  return /^\d{3}$/.test(last) && /^\d{1,2}$/.test(first) && rest.every((g) => /^\d{2}$/.test(g));
}

/** The body read with `decimal` as its decimal separator, as a canonical decimal string. */
function toDecimal(raw: string, body: Body, decimal: DecimalSeparator): string | { error: string } {
  const parts = body.digits.split(decimal);
  if (parts.length > 2) return { error: `"${raw}" has "${decimal}", the decimal separator, more than once` };
  const [intPart = '', frac = ''] = parts;
  if (!/^\d*$/.test(frac)) {
    return { error: `"${raw}" has a thousands separator after the decimal separator "${decimal}"` };
  }
  const mark = /\D/.exec(intPart)?.[0];
  if (mark && /\D/.test(intPart.replaceAll(mark, ''))) return { error: `"${raw}" mixes thousands separators` };
  const groups = mark ? intPart.split(mark) : [intPart];
  if (intPart !== '' && !groupsValid(groups)) {
    return { error: `"${raw}" has its thousands separators in the wrong places (for "${decimal}" as the decimal separator)` };
  }
  const int = groups.join('').replace(/^0+(?=\d)/, '') || '0';
  if (intPart === '' && frac === '') return { error: `"${raw}" is not an amount` };
  const value = frac ? `${int}.${frac}` : int;
  return body.negative && /[1-9]/.test(value) ? `-${value}` : value;
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
