import { describe, expect, it } from 'vitest';
import { joinNames, toldMessage } from './told.ts';

const p = (name: string) => ({ userId: '00000000-0000-4000-8000-000000000000', name });

describe('toldMessage', () => {
  it('says what happened and who was told', () => {
    expect(toldMessage('Decided: Free plan.', [p('Lee Lead')])).toBe('Decided: Free plan. Lee Lead was told.');
    expect(toldMessage('Opened for input.', [p('A'), p('B'), p('C'), p('D'), p('E')])).toBe('Opened for input. A, B, C and 2 others were told.');
    expect(toldMessage('Your input was recorded.', [], 'The owner sees it on this page.')).toBe('Your input was recorded. The owner sees it on this page.');
  });
  it('joins names the way a sentence does', () => {
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
