import { describe, expect, it } from 'vitest';
import { DecimalDetector, type DecimalRule, type MoneyResult, parseMoney } from './money.ts';

const NO_EVIDENCE: DecimalRule = { kind: 'file', separator: undefined };
const amount = (raw: string, rule: DecimalRule = NO_EVIDENCE) => {
  const r: MoneyResult = parseMoney(raw, rule);
  return r.kind === 'amount' ? { value: r.value, currency: r.currency?.code } : r;
};

describe('parseMoney', () => {
  it.each([
    ['"$1,234,567.00" as Salesforce writes it', '$1,234,567.00', '1234567.00', 'USD'],
    ['an ISO code before the amount', 'USD 1,200.50', '1200.50', 'USD'],
    ['a plain decimal', '1200.5', '1200.5', undefined],
    ['euros with comma decimals', '€1.234,56', '1234.56', 'EUR'],
    ['spaces grouping and a code after', '1 234,56 EUR', '1234.56', 'EUR'],
    ['a no-break space grouping', '1\u00a0234,56\u00a0€', '1234.56', 'EUR'],
    ['accounting negatives', '(1,200.00)', '-1200.00', undefined],
    ['a negative with its symbol inside', '($1,200.00)', '-1200.00', 'USD'],
    ['a minus after the symbol', '$-1,200', '-1200', 'USD'],
    ['a plain negative', '-1200', '-1200', undefined],
    ['Swiss apostrophes', "CHF 1'234.50", '1234.50', 'CHF'],
    ['Indian lakh grouping', '₹12,34,567.00', '1234567.00', 'INR'],
    ['a lower-case code', 'eur 10', '10', 'EUR'],
    ['zero with no sign', '-0.00', '0.00', undefined],
    ['leading zeros', '007.50', '7.50', undefined],
    ['a bare fraction', '.5', '0.5', undefined],
    ['a long value, exactly', '12345678901234567890.123456789', '12345678901234567890.123456789', undefined],
  ])('reads %s', (_what, raw, value, currency) => {
    expect(amount(raw)).toEqual({ value, currency });
  });

  it('treats an empty cell as missing, not zero', () => {
    expect(parseMoney('', NO_EVIDENCE)).toEqual({ kind: 'missing' });
    expect(parseMoney('   ', NO_EVIDENCE)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['abc', '"abc" is not an amount'],
    ['12 apples', '"12 apples" is not an amount'],
    ['$', '"$" is not an amount'],
    ['USD 5 EUR', '"USD 5 EUR" names two currencies'],
    ['1.2E+06', '"1.2E+06" is in scientific notation'],
    ['1,2,3', '"1,2,3" has its thousands separators in the wrong places'],
    ['1,234.5.6', '"1,234.5.6" has "." , the decimal separator'.replace(' ,', ',')],
  ])('refuses %s with a message naming it', (raw, message) => {
    const r = parseMoney(raw, NO_EVIDENCE);
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toContain(message);
  });

  it('reads what a value shows over the file rule, and the file rule only for ambiguous values', () => {
    const commaFile: DecimalRule = { kind: 'file', separator: ',' };
    expect(amount('1,234', commaFile)).toEqual({ value: '1.234', currency: undefined });
    expect(amount('1.234', commaFile)).toEqual({ value: '1234', currency: undefined });
    expect(amount('1,234.50', commaFile)).toEqual({ value: '1234.50', currency: undefined });
    const dotFile: DecimalRule = { kind: 'file', separator: '.' };
    expect(amount('1,234', dotFile)).toEqual({ value: '1234', currency: undefined });
    expect(amount('1.234', dotFile)).toEqual({ value: '1.234', currency: undefined });
  });

  it('with no evidence in the file, a lone separator before three digits groups thousands', () => {
    expect(amount('1,234')).toEqual({ value: '1234', currency: undefined });
    expect(amount('1.234')).toEqual({ value: '1234', currency: undefined });
    // Not ambiguous: these cannot be thousands groups.
    expect(amount('1,5')).toEqual({ value: '1.5', currency: undefined });
    expect(amount('1234,567')).toEqual({ value: '1234.567', currency: undefined });
    expect(amount('0,125')).toEqual({ value: '0.125', currency: undefined });
  });

  it('applies an explicit separator to every value and says when one does not fit', () => {
    const comma: DecimalRule = { kind: 'explicit', separator: ',' };
    expect(amount('1.234', comma)).toEqual({ value: '1234', currency: undefined });
    expect(amount('1200,5', comma)).toEqual({ value: '1200.5', currency: undefined });
    const r = parseMoney('1,234.56', comma);
    expect(r.kind === 'error' && r.message).toBe('"1,234.56" has a thousands separator after the decimal separator ","');
  });
});

describe('DecimalDetector: the per-file rule', () => {
  const detect = (values: string[], explicit?: '.' | ',') => {
    const d = new DecimalDetector(explicit);
    values.forEach((v, i) => d.add(v, i + 2));
    return d;
  };

  it('takes the separator the unambiguous amounts use', () => {
    expect(detect(['1,234', '1.234,56', '99,5']).verdict()).toEqual({ kind: 'file', separator: ',' });
    expect(detect(['1,234', '$1,234,567', '99.5']).verdict()).toEqual({ kind: 'file', separator: '.' });
  });

  it('gives no separator when nothing tells, or the evidence is tied, so ambiguous values group thousands', () => {
    expect(detect(['1,234', '2,500', '', '7']).verdict()).toEqual({ kind: 'file', separator: undefined });
    expect(detect(['1.5', '2,5']).verdict()).toEqual({ kind: 'file', separator: undefined });
  });

  it('follows the majority and keeps the first value of each side to quote', () => {
    const d = detect(['1.5', '2,5', '3,25', 'n/a']);
    expect(d.verdict()).toEqual({ kind: 'file', separator: ',' });
    expect(d.evidence()).toEqual({
      votes: { '.': 1, ',': 2 },
      first: { '.': { line: 2, value: '1.5' }, ',': { line: 3, value: '2,5' } },
      ambiguous: 0,
    });
  });

  it('lets an explicit separator win without looking', () => {
    expect(detect(['1.5', '2.5'], ',').verdict()).toEqual({ kind: 'explicit', separator: ',' });
  });
});
