/**
 * The clustering engine behind suggested themes and `tandem themes cluster`: groups short texts into clusters with
 * readable labels, offline and deterministically (the same texts and seed give the same clusters). See
 * docs/decisions/0004-clustering.md for the method and why its numeric kernels live here.
 */
import { chooseK } from './choose-k.ts';
import { fitVectorizer, type FeatureOptions } from './features.ts';
import { kmeans } from './kmeans.ts';
import { keyPhrases, representatives } from './labels.ts';
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

export function clusterTexts(texts: readonly string[], opts: ClusterOptions = {}): Clustering {
  const n = texts.length;
  if (n === 0) return { k: 0, assignments: new Int32Array(0), clusters: [] };
  const seed = opts.seed ?? 42;
  const vectorizer = fitVectorizer(opts.fitTexts ? [...opts.fitTexts, ...texts] : texts, opts);
  const a = vectorizer.transform(texts);
  const svd = fitSvd(selectRows(a, sampleRows(n, SVD_SAMPLE)), opts.dims ?? 200, seed);
  const x = project(a, svd);
  const d = svd.dims;
  const k = opts.k === undefined || opts.k === 'auto' ? chooseK(x, n, d, seed) : Math.max(1, Math.min(opts.k, n));
  const km = kmeans(x, n, d, k, { seed, nInit: opts.nInit ?? (n > 20_000 ? 2 : 5) });

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
