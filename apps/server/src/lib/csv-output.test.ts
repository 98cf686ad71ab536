import { describe, expect, it } from 'vitest';
import { neutralizeFormula, safeCsv } from './csv-output.ts';

async function written(rows: string[][], bom = false): Promise<string> {
  const out = safeCsv({ bom });
  for (const r of rows) out.write(r);
  out.end();
  let text = '';
  for await (const chunk of out) text += String(chunk);
  return text;
}

describe('CSV output (formula injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+1+cmd|\' /C calc\'!A0', `'+1+cmd|' /C calc'!A0`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(1,2)', `'@SUM(1,2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['-$1,000', `'-$1,000`],
    ['-', `'-`],
  ])('prefixes %j with a single quote', (cell, safe) => {
    expect(neutralizeFormula(cell)).toBe(safe);
  });

  it.each(['Acme', '1,250.00', '', ' =not at the start', "'already quoted", '-1250.00', '-1.234,56', '-7'])('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('quotes every cell, doubles inner quotes and neutralizes headers and values alike', async () => {
    const text = await written([
      ['Line', '=Errors'],
      ['2', '=1+1'],
      ['3', 'say "hi"'],
    ]);
    expect(text).toBe(`"Line","'=Errors"\n"2","'=1+1"\n"3","say ""hi"""\n`);
  });
});
