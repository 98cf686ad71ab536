/**
 * How a competitor's name, an alias, a deal's competitor field or a feedback item's competitor text are compared:
 * ASCII lower case, ASCII punctuation and spaces as separators, legal-form words after the first dropped ("Snowflake Inc." → "snowflake",
 * "SNOW" → "snow"). `competitors.match_keys` holds this key of the name and each alias; the SQL function
 * `competitor_key(text)` (migration 0007) computes the same key inside queries, so deals and feedback link to a
 * record at read time and a new alias links past data at once. `competitor-keys.test.ts` checks the two agree.
 */
export const LEGAL_FORM_WORDS = [
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc',
  'gmbh', 'ag', 'sa', 'sas', 'bv', 'nv', 'oy', 'ab', 'srl', 'pty',
] as const;
const LEGAL = new Set<string>(LEGAL_FORM_WORDS);

export function competitorKey(text: string | null | undefined): string | null {
  if (!text) return null;
  // ASCII letters fold and ASCII punctuation separates; other characters are kept as they are, so the key is the same
  // whatever the database's locale (a C-locale cluster folds and classifies ASCII only).
  const words = text
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .split(/[^a-z0-9\u{80}-\u{10FFFF}]+/u)
    .filter((w, i, all) => w !== '' && !(LEGAL.has(w) && all.slice(0, i).some((x) => x !== '')));
  const key = words.join('');
  return key === '' ? null : key;
}

/** The match keys of a competitor: its name's and each alias's, without repeats. */
export function matchKeysOf(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(competitorKey).filter((k): k is string => k !== null))];
}
