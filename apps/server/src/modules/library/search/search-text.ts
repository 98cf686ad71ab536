import type { TextSegment } from '@tandem/contracts';
import { excerptOf } from '../asset-summaries.ts';

/**
 * Database-free halves of library search: what a typed query becomes (the words, the `to_tsquery` text with the last
 * word as a prefix while it is being typed, the text the title's trigrams are compared with) and how a title or
 * body is cut into segments where the query matches — plain text a client wraps in `<mark>`, never HTML.
 */

/** More words than this add nothing a person types and make the query costlier. */
const MAX_WORDS = 8;

export interface ParsedQuery {
  /** Lower-case words, diacritics kept off (letters and digits only). */
  words: string[];
  /** For `to_tsquery('english', …)`: the words ANDed, the last one `:*` while unfinished; null when nothing is left. */
  tsquery: string | null;
  /** For trigram similarity against `lower(title)`. */
  trigram: string;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function parseQuery(q: string | undefined): ParsedQuery | null {
  if (!q) return null;
  const words = (fold(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (!words.length) return null;
  // The last word is a prefix unless the person has moved past it (a trailing space or punctuation).
  const unfinished = /[\p{L}\p{N}]$/u.test(q.trim()) && /[\p{L}\p{N}]$/u.test(q);
  const last = words.length - 1;
  // A one-letter prefix matches nearly everything: kept only when it is the whole query.
  const terms = words
    .map((w, i) => (i === last && unfinished ? `${w}:*` : w))
    .filter((t, i) => !(i === last && words.length > 1 && t.length === 3 && t.endsWith(':*')));
  return { words, tsquery: terms.length ? terms.join(' & ') : null, trigram: words.join(' ') };
}

/** Optimal-string-alignment distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Whether a word of the text answers a word of the query, the way the search found it: the same word, a
 * prefix of it ("batt" → "battlecards"), the same stem give or take an ending ("integrations" → "integration"),
 * or one or two letters off ("pricng" → "pricing").
 */
export function wordMatches(textWord: string, queryWord: string): boolean {
  const t = fold(textWord);
  const q = queryWord;
  if (t.startsWith(q)) return q.length >= 2 || t.length === 1;
  if (q.length < 4 || t.length < 3) return false;
  const shared = commonPrefix(t, q);
  if (shared >= 4 && shared >= Math.min(t.length, q.length) - 3) return true;
  const allowed = q.length >= 8 ? 2 : 1;
  // Typed so far: compare with as much of the word as was typed (and one letter more for a dropped letter).
  return editDistance(t, q, allowed) <= allowed || editDistance(t.slice(0, q.length + 1), q, allowed) <= allowed;
}

/** A text cut into runs, the words that answer the query marked. */
export function segmentsOf(text: string, words: readonly string[]): TextSegment[] {
  if (!text) return [];
  if (!words.length) return [{ text, match: false }];
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!words.some((w) => wordMatches(m[0], w))) continue;
    const at = m.index;
    if (at > last) out.push({ text: text.slice(last, at), match: false });
    out.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return mergeSpaces(out);
}

/** "pricing" + " " + "sheet" (both matched) become one mark. */
function mergeSpaces(segs: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const prev = out[out.length - 1];
    const next = segs[i + 1];
    if (!s.match && prev?.match && next?.match && /^\s+$/.test(s.text)) {
      prev.text += s.text + next.text;
      i++;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * A passage of about `max` characters of the body around its first matching word (the opening when none
 * matches), cut at word boundaries with "…" where it was cut, in segments.
 */
export function excerptSegments(markdown: string, words: readonly string[], max = 200): TextSegment[] {
  const text = excerptOf(markdown, Number.POSITIVE_INFINITY); // the whole body as plain text
  if (!text) return [];
  let first = -1;
  if (words.length) {
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (words.some((w) => wordMatches(m[0], w))) {
        first = m.index;
        break;
      }
    }
  }
  let start = first <= max / 3 ? 0 : first - Math.floor(max / 3);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + max * 0.6) end = space;
  }
  const passage = `${start > 0 ? '…' : ''}${text.slice(start, end).trimEnd()}${end < text.length ? '…' : ''}`;
  return segmentsOf(passage, words);
}
