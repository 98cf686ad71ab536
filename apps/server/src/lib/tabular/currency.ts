/**
 * Currency codes and symbols as they appear in amount cells. Codes are ISO 4217,
 * checked against the runtime's own list rather than one kept here.
 */

const ISO_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code such as "USD" or "EUR". */
export type CurrencyCode = string;

const CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): value is CurrencyCode {
  return CODE.test(value) && ISO_CODES.has(value);
}

/**
 * Symbols, longest first so "US$" is not read as "$". A bare "$" is taken as USD
 * (what Salesforce and HubSpot write for USD) unless a currency column names
 * another dollar: see `symbolFits`.
 */
const SYMBOLS: readonly (readonly [string, CurrencyCode])[] = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['SG$', 'SGD'],
  ['R$', 'BRL'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₪', 'ILS'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['zł', 'PLN'],
  ['Fr.', 'CHF'],
  ['kr', 'SEK'],
];

/** Currencies written with a bare "$". */
const DOLLARS: ReadonlySet<string> = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD']);
/** Currencies written "kr". */
const KRONOR: ReadonlySet<string> = new Set(['SEK', 'NOK', 'DKK', 'ISK']);

export interface CurrencyMark {
  /** The code the mark stands for. */
  code: CurrencyCode;
  /** The text as written: "$", "USD", "€". */
  text: string;
  /** True for a symbol ("$"), false for an ISO code ("USD"). */
  symbol: boolean;
}

const CODE_AT_START = /^[A-Za-z]{3}(?![A-Za-z])/;
const CODE_AT_END = /(?<![A-Za-z])[A-Za-z]{3}$/;
/** No code or symbol starts or ends with a digit: the common case, "1,234.00" or "$1,234", is told by one character. */
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A currency symbol or ISO code at the start of `text`, if any. */
export function currencyAtStart(text: string): CurrencyMark | undefined {
  if (isDigit(text.charCodeAt(0))) return undefined;
  const code = CODE_AT_START.exec(text)?.[0].toUpperCase();
  if (code && isCurrencyCode(code)) return { code, text: text.slice(0, 3), symbol: false };
  for (const [sym, iso] of SYMBOLS) if (text.startsWith(sym)) return { code: iso, text: sym, symbol: true };
  return undefined;
}

/** A currency symbol or ISO code at the end of `text`, if any. */
export function currencyAtEnd(text: string): CurrencyMark | undefined {
  if (isDigit(text.charCodeAt(text.length - 1))) return undefined;
  const code = CODE_AT_END.exec(text)?.[0].toUpperCase();
  if (code && isCurrencyCode(code)) return { code, text: text.slice(-3), symbol: false };
  for (const [sym, iso] of SYMBOLS) if (text.endsWith(sym)) return { code: iso, text: sym, symbol: true };
  return undefined;
}

/** Whether an amount written with `mark` can be in `code` (a "$" amount can be CAD; "USD 5" cannot). */
export function symbolFits(mark: CurrencyMark, code: CurrencyCode): boolean {
  if (mark.code === code) return true;
  if (!mark.symbol) return false;
  if (mark.text === '$') return DOLLARS.has(code);
  if (mark.text === 'kr') return KRONOR.has(code);
  if (mark.text === '¥') return code === 'CNY';
  return false;
}
