import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset.ts';

describe('jsonErrorOffset', () => {
  it('points at the first character that breaks the grammar', () => {
    expect(jsonErrorOffset('{"password":}')).toBe(12);
    expect(jsonErrorOffset('[1,2,,3]')).toBe(5);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a":1')).toBe(6);
    expect(jsonErrorOffset('{"a":tru}')).toBe(8);
    expect(jsonErrorOffset('{"a":"x\\q"}')).toBe(8);
    expect(jsonErrorOffset("{'a':1}")).toBe(1);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
  });

  it('finds nothing wrong in valid JSON, as JSON.parse agrees', () => {
    for (const t of ['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]} ', '"x"', '0']) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(jsonErrorOffset(t)).toBeUndefined();
    }
  });
});
