import { describe, expect, it } from 'vitest';
import { countdownWords } from './countdown.ts';

describe('countdownWords', () => {
  const closes = '2026-03-29T01:30:00Z';
  const at = (iso: string) => new Date(iso).getTime();
  it('says how long until the window closes, largest units first', () => {
    expect(countdownWords(closes, at('2026-03-27T00:30:00Z'))).toBe('Input closes in 2 days 1 hour');
    expect(countdownWords(closes, at('2026-03-28T01:30:00Z'))).toBe('Input closes in 1 day');
    expect(countdownWords(closes, at('2026-03-29T00:15:00Z'))).toBe('Input closes in 1 hour 15 minutes');
    expect(countdownWords(closes, at('2026-03-29T01:29:30Z'))).toBe('Input closes in less than a minute');
  });
  it('says how long ago it closed once the instant has passed', () => {
    expect(countdownWords(closes, at('2026-03-29T01:30:00Z'))).toBe('Input closed less than a minute ago');
    expect(countdownWords(closes, at('2026-03-29T06:30:00Z'))).toBe('Input closed 5 hours ago');
  });
});
