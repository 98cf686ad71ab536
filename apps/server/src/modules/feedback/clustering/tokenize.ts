/** Words and character n-grams of short texts, the raw features of the clustering engine. */

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    "yours yourself yourselves i'm i've i'd it's don't can't im ive dont cant get got please hi hello thanks thank also still " +
    'want need like know way'
  ).split(' '),
);

export const isStopword = (w: string) => STOPWORDS.has(w);

/** Lower-cased word tokens; apostrophes inside words are kept ("didn't"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** Unigrams and bigrams; a bigram made only of stopwords, and stopword unigrams, are dropped. */
export function wordTerms(text: string): string[] {
  const ws = words(text);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!STOPWORDS.has(w)) out.push(w);
    const next = ws[i + 1];
    if (next !== undefined && !(STOPWORDS.has(w) && STOPWORDS.has(next))) out.push(`${w} ${next}`);
  }
  return out;
}

/**
 * Hashes of the character 2–5-grams inside word boundaries (" card " gives " c", "ca", …), into `buckets`
 * (a power of two). Hashing instead of a string vocabulary keeps 100,000 texts from allocating millions of strings.
 */
export function charGramHashes(text: string, minN: number, maxN: number, buckets: number, out: number[]): void {
  out.length = 0;
  const mask = buckets - 1;
  for (const w of words(text)) {
    const s = ` ${w} `;
    for (let i = 0; i < s.length; i++) {
      let h = 0x811c9dc5;
      for (let n = 1; n <= maxN && i + n <= s.length; n++) {
        h = Math.imul(h ^ s.charCodeAt(i + n - 1), 0x01000193);
        if (n >= minN) out.push((Math.imul(h ^ n, 0x9e3779b1) >>> 0) & mask);
      }
    }
  }
}
