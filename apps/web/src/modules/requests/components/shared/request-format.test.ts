import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../../app/kit/index.ts';
import { formatScore, hoursLeft, requesterNames } from './request-format.ts';

describe('request formats', () => {
  it('shows scores with one decimal at most', () => {
    expect(formatScore(47.25)).toMatch(/^47[.,]3$/);
    expect(formatScore(12)).toBe('12');
  });

  it('says business hours left or late', () => {
    expect(hoursLeft(6.5)).toMatch(/^6[.,]5 business hours left$/);
    expect(hoursLeft(-1)).toBe('1 business hour late');
    expect(hoursLeft(null)).toBeNull();
  });

  it('names requesters briefly', () => {
    const p = (name: string) => ({ userId: '00000000-0000-4000-8000-000000000000', name });
    expect(requesterNames([])).toBe('—');
    expect(requesterNames([p('Sofia'), p('Marcus')])).toBe('Sofia and Marcus');
    expect(requesterNames([p('Sofia'), p('Marcus'), p('Ana'), p('Li')])).toBe('Sofia and 3 others');
  });

  it('takes today in the reader’s zone (the date input’s minimum)', () => {
    const at = new Date('2026-12-07T23:30:00Z');
    expect(todayIn('Europe/Berlin', at)).toBe('2026-12-08');
    expect(todayIn('America/Los_Angeles', at)).toBe('2026-12-07');
    expect(todayIn('Not/AZone', at)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
