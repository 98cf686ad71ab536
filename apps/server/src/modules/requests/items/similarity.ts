/**
 * "Similar open requests" while a request is typed: the feedback module's approach (its engine is not exported
 * through feedback's index.ts), small enough to fit here — TF-IDF over words and over character trigrams of the
 * words (typos, plurals), fitted on the workspace's open requests, plus the SIF sentence vector of the package's
 * word vectors when they are installed (paraphrases: "battlecard against Acme" ~ "competitive sheet versus Acme").
 * The score is the mean of the blocks' cosines, the sentence block weighted 2 as in feedback (decision 0007).
 * Measured against PostgreSQL's pg_trgm on paraphrases in similarity.test.ts.
 */
import { defaultEmbedder, type SentenceEncoder } from '../../../lib/word-vectors/index.ts';

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

/** One block of the TF-IDF (words, or character trigrams): what does not depend on the query. */
interface Block {
  /** Documents each term occurs in. */
  df: Map<string, number>;
  /** Per document: each term's log count (1 + ln c). */
  logCounts: Map<string, number>[];
  /** Per document: Σ (log count × idf)² with the idf of a term the query does not have. */
  norm2: Float64Array;
  /** Term → the documents it occurs in. */
  postings: Map<string, number[]>;
}

/**
 * What ranking reads of the documents, built once per set of documents and kept while it holds (the caller keys it
 * by the requests' change stamp): the query only adds itself to the document frequencies of its own terms, so the
 * idf of every other term, each document's norm and its sentence vector are the query's business no more.
 */
export interface SimilarityIndex {
  ids: string[];
  words: Block;
  grams: Block;
  /** Sentence vectors, one row of `dimensions` per document (fitted on the documents; null without word vectors). */
  sentences: { encoder: SentenceEncoder; dimensions: number; vectors: Float64Array; known: Uint8Array } | null;
}

const idfOf = (n: number, df: number) => Math.log((1 + n) / (1 + df)) + 1;

function block(lists: string[][]): Block {
  const df = new Map<string, number>();
  const postings = new Map<string, number[]>();
  const logCounts = lists.map((l, i) => {
    const m = new Map<string, number>();
    for (const [t, c] of counts(l)) {
      m.set(t, 1 + Math.log(c));
      df.set(t, (df.get(t) ?? 0) + 1);
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push(i);
    }
    return m;
  });
  // n counts the query too (it is scored among the documents), so a term the query lacks has idf(n, df).
  const n = lists.length + 1;
  const norm2 = new Float64Array(lists.length);
  logCounts.forEach((m, i) => {
    let s = 0;
    for (const [t, l] of m) s += (l * idfOf(n, df.get(t)!)) ** 2;
    norm2[i] = s;
  });
  return { df, logCounts, norm2, postings };
}

/** The documents' index (see SimilarityIndex). */
export function buildSimilarityIndex(docs: readonly SimilarityDoc[]): SimilarityIndex {
  const docWords = docs.map((d) => words(d.text));
  const embedder = docs.length ? defaultEmbedder() : null;
  let sentences: SimilarityIndex['sentences'] = null;
  if (embedder) {
    const encoder = embedder.fit(docs.map((d) => d.text));
    const dims = encoder.dimensions;
    const vectors = new Float64Array(docs.length * dims);
    const known = new Uint8Array(docs.length);
    docs.forEach((d, i) => (known[i] = encoder.encode(d.text, vectors, i * dims) ? 1 : 0));
    sentences = { encoder, dimensions: dims, vectors, known };
  }
  return { ids: docs.map((d) => d.id), words: block(docWords), grams: block(docWords.map(trigrams)), sentences };
}

/** Cosines of the query with every document in one block (0 for those sharing no term with it). */
function cosines(b: Block, query: string[], out: Float64Array) {
  out.fill(0);
  const n = b.norm2.length + 1;
  const q = counts(query);
  const qw = new Map<string, number>();
  let qNorm = 0;
  for (const [t, c] of q) {
    const w = (1 + Math.log(c)) * idfOf(n, (b.df.get(t) ?? 0) + 1);
    qw.set(t, w);
    qNorm += w * w;
  }
  qNorm = Math.sqrt(qNorm) || 1;
  const dots = new Map<number, number>();
  const norm2 = new Map<number, number>();
  for (const [t, w] of qw) {
    const docs = b.postings.get(t);
    if (!docs) continue;
    const df = b.df.get(t)!;
    const idf0 = idfOf(n, df);
    const idf1 = idfOf(n, df + 1);
    for (const i of docs) {
      const l = b.logCounts[i]!.get(t)!;
      dots.set(i, (dots.get(i) ?? 0) + (w / qNorm) * l * idf1);
      norm2.set(i, (norm2.get(i) ?? b.norm2[i]!) + l * l * (idf1 * idf1 - idf0 * idf0));
    }
  }
  for (const [i, d] of dots) out[i] = d / (Math.sqrt(norm2.get(i)!) || 1);
}

/** The indexed documents most like `query`, best first, with a 0–1 similarity; those below `min` are left out. */
export function rankIndexed(index: SimilarityIndex, query: string, opts: { limit: number; min: number }): { id: string; similarity: number }[] {
  const count = index.ids.length;
  if (!count) return [];
  const qWords = words(query);
  const cw = new Float64Array(count);
  const cg = new Float64Array(count);
  cosines(index.words, qWords, cw);
  cosines(index.grams, trigrams(qWords), cg);
  let sentence: Float64Array | null = null;
  const st = index.sentences;
  if (st) {
    const q = new Float64Array(st.dimensions);
    if (st.encoder.encode(query, q)) {
      sentence = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        if (!st.known[i]) continue;
        let s = 0;
        for (let k = 0, o = i * st.dimensions; k < st.dimensions; k++) s += q[k]! * st.vectors[o + k]!;
        sentence[i] = Math.max(0, s);
      }
    }
  }
  const scored = index.ids.map((id, i) => {
    const similarity = sentence ? (cw[i]! + cg[i]! + 2 * sentence[i]!) / 4 : (cw[i]! + cg[i]!) / 2;
    return { id, similarity: Math.round(Math.min(1, similarity) * 1000) / 1000 };
  });
  return scored
    .filter((s) => s.similarity >= opts.min)
    .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
    .slice(0, opts.limit);
}

/** The documents most like `query`, best first, with a 0–1 similarity; those below `min` are left out. */
export function rankSimilar(docs: readonly SimilarityDoc[], query: string, opts: { limit: number; min: number }): { id: string; similarity: number }[] {
  return rankIndexed(buildSimilarityIndex(docs), query, opts);
}
