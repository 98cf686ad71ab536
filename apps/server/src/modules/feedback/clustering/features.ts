/**
 * Features of short texts: word unigrams/bigrams and hashed character 2–5-grams (TF-IDF, sublinear tf, smooth idf)
 * and, when word vectors are installed, the text's sentence vector (lib/word-vectors: what the words mean, so
 * "login via our identity provider" and "SSO fails" meet). Each block is l2-normalised, weighted, and the three are
 * joined into one l2-normalised sparse row per text; the sentence vector takes the last `dimensions` columns.
 */
import { defaultEmbedder, type TextEmbedder } from '../../../lib/word-vectors/index.ts';
import { charGramHashes, wordTerms } from './tokenize.ts';

/** Compressed sparse rows. */
export interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

export interface FeatureOptions {
  charBuckets?: number;
  /** Relative weight of the word block against the character block. */
  wordWeight?: number;
  /** Relative weight of the sentence-vector block against the character block. */
  vectorWeight?: number;
  minDf?: number;
  /** Where sentence vectors come from; undefined: the process's word vectors (if any), null: none. */
  embedder?: TextEmbedder | null;
}

export interface Vectorizer {
  /** Word terms by column (columns 0 … words.length-1 are the word block). */
  terms: string[];
  /** The sentence-vector source in use, or null (words and character n-grams only). */
  embedder: string | null;
  /** The first column of the sentence-vector block (= the column count when there is none). */
  vectorStart: number;
  transform(texts: readonly string[]): Csr;
}

const CHAR_MIN = 2;
const CHAR_MAX = 5;
/** The sentence vector's weight against the character block (docs/decisions/0007-word-vectors.md). */
export const VECTOR_WEIGHT = 1;

/** Fits the vocabulary and idf on `fitTexts` (which may include unlabelled texts beyond those to cluster). */
export function fitVectorizer(fitTexts: readonly string[], opts: FeatureOptions = {}): Vectorizer {
  const buckets = opts.charBuckets ?? 1 << 18;
  const minDf = opts.minDf ?? (fitTexts.length >= 1000 ? 2 : 1);
  const wordWeight = opts.wordWeight ?? 1;
  const vectorWeight = opts.vectorWeight ?? VECTOR_WEIGHT;
  const embedder = opts.embedder === undefined ? defaultEmbedder() : opts.embedder;
  const encoder = embedder && vectorWeight > 0 ? embedder.fit(fitTexts) : null;
  const n = fitTexts.length;

  const wordDf = new Map<string, number>();
  const charDf = new Int32Array(buckets);
  const grams: number[] = [];
  for (const t of fitTexts) {
    for (const w of new Set(wordTerms(t))) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
    charGramHashes(t, CHAR_MIN, CHAR_MAX, buckets, grams);
    grams.sort((a, b) => a - b);
    for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[i - 1]) charDf[grams[i]!]!++;
  }
  const idf = (df: number) => Math.log((1 + n) / (1 + df)) + 1;

  const terms = [...wordDf.entries()].filter(([, df]) => df >= minDf).map(([w]) => w).sort();
  const wordCol = new Map(terms.map((w, i) => [w, i]));
  const wordIdf = Float32Array.from(terms, (w) => idf(wordDf.get(w)!));
  const charCol = new Int32Array(buckets).fill(-1);
  const charIdf: number[] = [];
  for (let b = 0; b < buckets; b++) {
    if (charDf[b]! >= minDf) {
      charCol[b] = terms.length + charIdf.length;
      charIdf.push(idf(charDf[b]!));
    }
  }
  const vectorCol = terms.length + charIdf.length;
  const cols = vectorCol + (encoder?.dimensions ?? 0);
  const sentence = new Float32Array(encoder?.dimensions ?? 0);

  function transform(texts: readonly string[]): Csr {
    const ptr = new Int32Array(texts.length + 1);
    let idx = new Int32Array(Math.max(1024, texts.length * 64));
    let val = new Float32Array(idx.length);
    let nnz = 0;
    const push = (c: number, v: number) => {
      if (nnz === idx.length) {
        // Grow by half: doubling a 100,000-text matrix would hold up to twice its size.
        const size = Math.ceil(idx.length * 1.5);
        const i2 = new Int32Array(size);
        i2.set(idx);
        idx = i2;
        const v2 = new Float32Array(size);
        v2.set(val);
        val = v2;
      }
      idx[nnz] = c;
      val[nnz++] = v;
    };
    const counts = new Map<number, number>();
    for (let r = 0; r < texts.length; r++) {
      const t = texts[r]!;
      counts.clear();
      for (const w of wordTerms(t)) {
        const c = wordCol.get(w);
        if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const start = nnz;
      let wNorm = 0;
      for (const [c, tf] of counts) {
        const v = (1 + Math.log(tf)) * wordIdf[c]!;
        push(c, v);
        wNorm += v * v;
      }
      const wordEnd = nnz;
      charGramHashes(t, CHAR_MIN, CHAR_MAX, buckets, grams);
      grams.sort((a, b) => a - b);
      let cNorm = 0;
      for (let i = 0; i < grams.length; ) {
        let j = i;
        while (j < grams.length && grams[j] === grams[i]) j++;
        const c = charCol[grams[i]!]!;
        if (c >= 0) {
          const v = (1 + Math.log(j - i)) * charIdf[c - terms.length]!;
          push(c, v);
          cNorm += v * v;
        }
        i = j;
      }
      const charEnd = nnz;
      // The encoder's vector is unit length already: its weight is the block's norm.
      if (encoder?.encode(t, sentence)) for (let d = 0; d < sentence.length; d++) push(vectorCol + d, sentence[d]! * vectorWeight);
      const ws = wNorm > 0 ? wordWeight / Math.sqrt(wNorm) : 0;
      const cs = cNorm > 0 ? 1 / Math.sqrt(cNorm) : 0;
      let total = 0;
      for (let k = start; k < nnz; k++) {
        if (k < charEnd) val[k] = val[k]! * (k < wordEnd ? ws : cs);
        total += val[k]! * val[k]!;
      }
      const s = total > 0 ? 1 / Math.sqrt(total) : 0;
      for (let k = start; k < nnz; k++) val[k] = val[k]! * s;
      ptr[r + 1] = nnz;
    }
    // Trimming copies; a buffer at most a third empty is kept as it is.
    const trim = nnz < (idx.length * 2) / 3;
    return { rows: texts.length, cols, ptr, idx: trim ? idx.slice(0, nnz) : idx.subarray(0, nnz), val: trim ? val.slice(0, nnz) : val.subarray(0, nnz) };
  }

  return { terms, embedder: encoder ? embedder!.name : null, vectorStart: vectorCol, transform };
}
