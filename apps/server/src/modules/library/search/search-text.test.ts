import { describe, expect, it } from 'vitest';
import { excerptSegments, parseQuery, segmentsOf, wordMatches } from './search-text.ts';

describe('what a typed query becomes', () => {
  it('ANDs the words and makes the last one a prefix while it is typed', () => {
    expect(parseQuery('Snowflake batt')).toEqual({ words: ['snowflake', 'batt'], tsquery: 'snowflake & batt:*', trigram: 'snowflake batt' });
    expect(parseQuery('snowflake battlecard ')?.tsquery).toBe('snowflake & battlecard');
    // a one-letter unfinished word would match nearly everything: dropped unless it is the whole query
    expect(parseQuery('pricing s')?.tsquery).toBe('pricing');
    expect(parseQuery('s')?.tsquery).toBe('s:*');
  });

  it('keeps tsquery syntax out: only letters and digits reach to_tsquery', () => {
    expect(parseQuery("pricing & !(sheet) | 'x':*")?.tsquery).toBe('pricing & sheet & x');
    expect(parseQuery('  !!  ')).toBeNull();
    expect(parseQuery('Café')?.words).toEqual(['cafe']);
  });
});

describe('which words are marked', () => {
  it('marks prefixes, stems and near misses the way the search found them', () => {
    expect(wordMatches('battlecards', 'batt')).toBe(true);
    expect(wordMatches('Integration', 'integrations')).toBe(true);
    expect(wordMatches('Pricing', 'pricng')).toBe(true);
    expect(wordMatches('price', 'pricng')).toBe(true);
    expect(wordMatches('packaging', 'pricng')).toBe(false);
    expect(wordMatches('a', 'pricing')).toBe(false);
  });

  it('cuts a text into segments that give the text back', () => {
    const segs = segmentsOf('Pricing sheet for <b>EMEA</b>', ['pricing', 'sheet']);
    expect(segs).toEqual([
      { text: 'Pricing sheet', match: true },
      { text: ' for <b>EMEA</b>', match: false },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('Pricing sheet for <b>EMEA</b>');
  });

  it('takes the passage around the first match, marked, with an ellipsis where it was cut', () => {
    const body = `${'Opening words that say nothing. '.repeat(12)}Our **pricing** is per warehouse. ${'More filler text here. '.repeat(12)}`;
    const segs = excerptSegments(body, ['pricing'], 120);
    expect(segs[0]!.text.startsWith('…')).toBe(true);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['pricing']);
    expect(segs.map((s) => s.text).join('')).not.toContain('**');
  });
});
