import { describe, expect, it } from 'vitest';
import { activeFilterCount, readSearchParams, toggleValue, writeSearchParams } from './search-params.ts';

describe('library search in the address bar', () => {
  it('reads what it writes, dropping unknown types and repeats', () => {
    const sp = new URLSearchParams('q=pricng&type=battlecard&type=poster&segments=Enterprise&segments=Enterprise&overdue=true&owner=me');
    const p = readSearchParams(sp);
    expect(p).toEqual({ q: 'pricng', type: ['battlecard'], segments: ['Enterprise'], overdue: true, owner: 'me' });
    expect(readSearchParams(writeSearchParams(p))).toEqual(p);
    expect(activeFilterCount(p)).toBe(4);
  });

  it('toggles a facet value on and off, leaving no empty list behind', () => {
    const on = toggleValue({}, 'regions', 'EMEA');
    expect(on.regions).toEqual(['EMEA']);
    expect(toggleValue(on, 'regions', 'EMEA').regions).toBeUndefined();
    expect(writeSearchParams({}).toString()).toBe('');
  });
});
