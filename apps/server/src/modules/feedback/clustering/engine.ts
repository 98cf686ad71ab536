/**
 * The clustering engine behind suggested themes and `tandem themes cluster`: groups short texts into clusters with
 * readable labels, offline and deterministically (the same texts and seed give the same clusters). See
 * docs/decisions/0004-clustering.md for the method and why its numeric kernels live here.
 */
import { chooseK } from './choose-k.ts';
import { fitVectorizer, type FeatureOptions } from './features.ts';
import { assign, kmeans } from './kmeans.ts';
import { keyPhrases, representatives } from './labels.ts';
import { spectralEmbedding } from './spectral.ts';
import { fitSvd, project, sampleRows, selectRows } from './svd.ts';

export interface ClusterOptions extends FeatureOptions {
  /** A number of clusters, or 'auto' (the default) to pick one by silhouette. */
  k?: number | 'auto';
  seed?: number;
  /** Unlabelled texts that, with the input, fit the vocabulary and idf (e.g. older feedback). */
  fitTexts?: readonly string[];
  /** Dimensions kept by the truncated SVD. */
  dims?: number;
  /** k-means starts; the lowest inertia wins. */
  nInit?: number;
}

export interface Cluster {
  id: number;
  /** Two or three key phrases, joined: "card arrival, new card". */
  label: string;
  keyPhrases: string[];
  size: number;
  /** Indices of the texts nearest the cluster's centre, nearest first. */
  representatives: number[];
}

export interface Clustering {
  k: number;
  /** Cluster id of each input text, in input order. */
  assignments: Int32Array;
  /** Largest first; a cluster's id is its position here. */
  clusters: Cluster[];
}

const SVD_SAMPLE = 8000;
/** Spectral clustering's brute-force k-NN graph is O(n²): larger inputs are clustered on an even sample this big. */
const SPECTRAL_SAMPLE = 6000;

/**
 * Spectral clustering (k-means on the spectral embedding of an 8-NN cosine graph) of an even sample; every row then
 * joins the cluster whose mean it is closest to in the LSA space. Returns labels and LSA centroids.
 */
function group(x: Float32Array, n: number, d: number, k: number, seed: number, nInit: number) {
  if (k <= 1 || n <= 2) return kmeans(x, n, d, k, { seed, nInit: 1 });
  const rows = sampleRows(n, SPECTRAL_SAMPLE);
  const m = rows.length;
  const s = m === n ? x : new Float32Array(m * d);
  if (s !== x) rows.forEach((r, i) => s.set(x.subarray(r * d, r * d + d), i * d));
  const embedding = spectralEmbedding(s, m, d, k, seed);
  const sampleLabels = kmeans(embedding, m, k, k, { seed, nInit }).labels;
  const centroids = new Float64Array(k * d);
  const counts = new Int32Array(k);
  sampleLabels.forEach((c, i) => {
    counts[c]!++;
    for (let j = 0; j < d; j++) centroids[c * d + j]! += s[i * d + j]!;
  });
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centroids[c * d + j]! /= Math.max(1, counts[c]!);
  if (m === n) return { labels: sampleLabels, centroids };
  const labels = new Int32Array(n);
  assign(x, n, d, centroids, k, labels);
  return { labels, centroids };
}

export function clusterTexts(texts: readonly string[], opts: ClusterOptions = {}): Clustering {
  const n = texts.length;
  if (n === 0) return { k: 0, assignments: new Int32Array(0), clusters: [] };
  const seed = opts.seed ?? 42;
  const vectorizer = fitVectorizer(opts.fitTexts ? [...opts.fitTexts, ...texts] : texts, opts);
  const a = vectorizer.transform(texts);
  const svd = fitSvd(selectRows(a, sampleRows(n, SVD_SAMPLE)), opts.dims ?? 100, seed);
  const x = project(a, svd);
  const d = svd.dims;
  // Identical texts belong together: never more clusters than distinct texts.
  const distinct = new Set(texts.map((t) => t.trim().toLowerCase())).size;
  const wanted = opts.k === undefined || opts.k === 'auto' ? chooseK(x, n, d, seed) : opts.k;
  const k = Math.max(1, Math.min(wanted, distinct));
  const km = group(x, n, d, k, seed, opts.nInit ?? 10);

  // Renumber clusters largest first (ties: the one whose first text comes first), so ids read in order of weight.
  const sizes = new Int32Array(k);
  const first = new Int32Array(k).fill(n);
  km.labels.forEach((c, i) => {
    sizes[c]!++;
    if (first[c] === n) first[c] = i;
  });
  const order = Array.from({ length: k }, (_, c) => c)
    .filter((c) => sizes[c]! > 0)
    .sort((p, q) => sizes[q]! - sizes[p]! || first[p]! - first[q]!);
  const newId = new Int32Array(k).fill(-1);
  order.forEach((c, i) => (newId[c] = i));
  const assignments = Int32Array.from(km.labels, (c) => newId[c]!);
  const centroids = new Float64Array(order.length * d);
  order.forEach((c, i) => centroids.set(km.centroids.subarray(c * d, c * d + d), i * d));

  const phrases = keyPhrases(a, vectorizer.terms, assignments, order.length);
  const reps = representatives(x, d, assignments, centroids, order.length);
  const clusters = order.map((c, i) => ({
    id: i,
    label: phrases[i]!.length ? phrases[i]!.join(', ') : `cluster ${i + 1}`,
    keyPhrases: phrases[i]!,
    size: sizes[c]!,
    representatives: reps[i]!,
  }));
  return { k: clusters.length, assignments, clusters };
}
