import { describe, expect, it } from 'vitest';
import { lineColumn } from './json-body.ts';

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('{"a":\n  }', 8)).toEqual({ line: 2, column: 3 });
    expect(lineColumn('{', 0)).toEqual({ line: 1, column: 1 });
  });
});
