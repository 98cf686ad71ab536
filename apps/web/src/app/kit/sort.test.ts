import { describe, expect, it } from 'vitest';
import { ariaSort, bothDirections, formatSort, nextSort, parseSort, readSort } from './sort.ts';

describe('parseSort / formatSort', () => {
  it('reads "key" as ascending and "-key" as descending', () => {
    expect(parseSort('name')).toEqual({ key: 'name', direction: 'asc' });
    expect(parseSort('-closeDate')).toEqual({ key: 'closeDate', direction: 'desc' });
    expect(parseSort('')).toBeNull();
    expect(parseSort('-')).toBeNull();
    expect(parseSort(null)).toBeNull();
    expect(formatSort('amount', 'desc')).toBe('-amount');
    expect(formatSort('amount', 'asc')).toBe('amount');
  });
});

describe('nextSort', () => {
  it('sorts a new column in its first direction (ascending unless told)', () => {
    expect(nextSort('-closeDate', 'name')).toBe('name');
    expect(nextSort('-closeDate', { key: 'amount', first: 'desc' })).toBe('-amount');
    expect(nextSort(undefined, { key: 'updatedAt', first: 'desc' })).toBe('-updatedAt');
  });

  it('flips the direction of the column that already sorts', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-amount', { key: 'amount', first: 'desc' })).toBe('amount');
    expect(nextSort('amount', { key: 'amount', first: 'desc' })).toBe('-amount');
  });

  it('keeps a fixed direction when the API offers only one', () => {
    const items = { key: 'items', first: 'desc', fixed: true } as const;
    expect(nextSort('name', items)).toBe('-items');
    expect(nextSort('-items', items)).toBe('-items');
  });

  it('matches the deal table’s rule: descending first for amounts and dates', () => {
    const first = { closeDate: 'desc', amount: 'desc', name: 'asc', updatedAt: 'desc' } as const;
    const click = (sort: string, key: keyof typeof first) => nextSort(sort, { key, first: first[key] });
    expect(click('-closeDate', 'closeDate')).toBe('closeDate');
    expect(click('closeDate', 'amount')).toBe('-amount');
    expect(click('-amount', 'name')).toBe('name');
    expect(click('name', 'name')).toBe('-name');
    expect(click('-name', 'updatedAt')).toBe('-updatedAt');
  });
});

describe('ariaSort', () => {
  it('says the direction only on the sorting column', () => {
    expect(ariaSort('-amount', 'amount')).toBe('descending');
    expect(ariaSort('amount', { key: 'amount', first: 'desc' })).toBe('ascending');
    expect(ariaSort('amount', 'name')).toBe('none');
    expect(ariaSort(undefined, 'name')).toBe('none');
    // A key that is a prefix of another is a different column.
    expect(ariaSort('-itemsCount', 'items')).toBe('none');
  });
});

describe('readSort / bothDirections', () => {
  it('accepts only sorts the API offers', () => {
    const allowed = bothDirections(['name', 'amount'] as const);
    expect(allowed).toEqual(['name', '-name', 'amount', '-amount']);
    expect(readSort('-amount', allowed, 'name')).toBe('-amount');
    expect(readSort('-price', allowed, 'name')).toBe('name');
    expect(readSort(null, allowed, '-amount')).toBe('-amount');
  });
});
