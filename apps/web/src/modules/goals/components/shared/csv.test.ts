import { describe, expect, test } from 'vitest';
import { csvFileName, toCsv } from './csv.ts';

describe('CSV export', () => {
  test('quotes commas, quotes and line breaks; numbers stay numbers; empty cells are empty', () => {
    expect(toCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', -3.5], [null, 'two\nlines', 0]])).toBe('\uFEFFa,b,c\r\n"x, y","say ""hi""",-3.5\r\n,"two\nlines",0\r\n');
  });

  test('a text a spreadsheet would run as a formula is defused', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-1 pts'], ['@sum']])).toBe('\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n\'-1 pts\r\n\'@sum\r\n');
  });

  test('file names from titles', () => {
    expect(csvFileName('Scorecard FY2027 Q1')).toBe('scorecard-fy2027-q1.csv');
    expect(csvFileName('??')).toBe('export.csv');
  });
});
