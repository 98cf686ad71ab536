import { describe, expect, test } from 'vitest';
import { quarterOptions } from './periods.ts';

describe('period picker', () => {
  test('quarters of a fiscal year starting in February, newest first, the current one second', () => {
    const q = quarterOptions('2026-03-10', 2, 2, 1);
    expect(q.map((p) => p.label)).toEqual(['FY2027 Q2', 'FY2027 Q1', 'FY2026 Q4', 'FY2026 Q3']);
    expect(q[1]).toMatchObject({ start: '2026-02-01', end: '2026-04-30' });
  });
});
