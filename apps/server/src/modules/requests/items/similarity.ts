/**
 * "Similar open requests" while a request is typed: the feedback module's approach (its engine is not exported
 * through feedback's index.ts), small enough to fit here — TF-IDF over words and over character trigrams of the
 * words (typos, plurals), fitted on the workspace's open requests, plus the SIF sentence vector of the package's
 * word vectors when they are installed (paraphrases: "battlecard against Acme" ~ "competitive sheet versus Acme").
 * The score is the mean of the blocks' cosines, the sentence block weighted 2 as in feedback (decision 0007).
 * Measured against PostgreSQL's pg_trgm on paraphrases in similarity.test.ts.
 */
import { defaultEmbedder } from '../../../lib/word-vectors/index.ts';

export interface SimilarityDoc {
  id: string;
  text: string;
}

const STOP = new Set(
  'a an and are as at be but by can could do does for from has have how i if in into is it its me my need needs of on or our please so that the their them there these they this to us we what when where which who will with would you your'.split(
    ' ',
  ),
);

/** Words, lower case, stop words out, a plural "s" folded ("decks" = "deck"). */
export function words(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

function trigrams(ws: string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    const p = ` ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.push(p.slice(i, i + 3));
  }
  return out;
}

type Sparse = Map<string, number>;

function counts(terms: string[]): Sparse {
  const m: Sparse = new Map();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function weigh(tf: Sparse, idf: (t: string) => number): Sparse {
  const out: Sparse = new Map();
  let norm = 0;
  for (const [t, c] of tf) {
    const w = (1 + Math.log(c)) * idf(t);
    out.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of out) out.set(t, w / norm);
  return out;
}

function dot(a: Sparse, b: Sparse): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v) s += w * v;
  }
  return s;
}

/** The documents most like `query`, best first, with a 0–1 similarity; those below `min` are left out. */
export function rankSimilar(docs: readonly SimilarityDoc[], query: string, opts: { limit: number; min: number }): { id: string; similarity: number }[] {
  if (!docs.length) return [];
  const docWords = docs.map((d) => words(d.text));
  const docGrams = docWords.map(trigrams);
  const qWords = words(query);
  const qGrams = trigrams(qWords);
  const df = (lists: string[][]) => {
    const m = new Map<string, number>();
    for (const l of lists) for (const t of new Set(l)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const n = docs.length + 1;
  const wdf = df([...docWords, qWords]);
  const gdf = df([...docGrams, qGrams]);
  const widf = (t: string) => Math.log((1 + n) / (1 + (wdf.get(t) ?? 0))) + 1;
  const gidf = (t: string) => Math.log((1 + n) / (1 + (gdf.get(t) ?? 0))) + 1;
  const qw = weigh(counts(qWords), widf);
  const qg = weigh(counts(qGrams), gidf);

  const embedder = defaultEmbedder();
  let sentence: ((i: number) => number) | null = null;
  if (embedder) {
    const encoder = embedder.fit([...docs.map((d) => d.text), query]);
    const dims = encoder.dimensions;
    const q = new Float64Array(dims);
    if (encoder.encode(query, q)) {
      const v = new Float64Array(dims);
      sentence = (i) => {
        v.fill(0);
        if (!encoder.encode(docs[i]!.text, v)) return 0;
        let s = 0;
        for (let k = 0; k < dims; k++) s += q[k]! * v[k]!;
        return Math.max(0, s);
      };
    }
  }
  const scored = docs.map((d, i) => {
    const cw = dot(qw, weigh(counts(docWords[i]!), widf));
    const cg = dot(qg, weigh(counts(docGrams[i]!), gidf));
    const similarity = sentence ? (cw + cg + 2 * sentence(i)) / 4 : (cw + cg) / 2;
    return { id: d.id, similarity: Math.round(Math.min(1, similarity) * 1000) / 1000 };
  });
  return scored
    .filter((s) => s.similarity >= opts.min)
    .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
    .slice(0, opts.limit);
}
