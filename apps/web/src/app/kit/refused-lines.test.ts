import { describe, expect, it } from 'vitest';
import { refusedLinesCsv } from './refused-lines.tsx';

describe('refusedLinesCsv', () => {
  it('writes line, column, value and problem, every cell quoted, a formula defused', () => {
    const csv = refusedLinesCsv([
      { line: 4, column: 'Opportunity ID', value: '=HYPERLINK("x")', message: 'no deal with this id or name in this workspace' },
      { line: 5, column: null, value: null, message: 'an empty row' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Line,Column,Value,Problem',
      `"4","Opportunity ID","'=HYPERLINK(""x"")","no deal with this id or name in this workspace"`,
      '"5","","","an empty row"',
      '',
    ]);
  });

  it('leaves out column and value when no line names a column', () => {
    expect(refusedLinesCsv([{ line: 2, message: 'text: required' }])).toBe('Line,Problem\r\n"2","text: required"\r\n');
  });
});
