/**
 * `--k auto`: the k with the highest mean silhouette (cosine distance) over a geometric grid of candidates, each
 * clustered by k-means on an even sample of at most 2,000 rows. Ties go to the smaller k.
 */
import { kmeans } from './kmeans.ts';
import { sampleRows } from './svd.ts';

export function candidateKs(n: number): number[] {
  const max = Math.max(2, Math.min(100, Math.floor(n / 3), Math.round(2 * Math.sqrt(n))));
  const ks = new Set<number>();
  for (let k = 2; k <= max; k = Math.max(k + 1, Math.round(k * 1.25))) ks.add(k);
  ks.add(max);
  return [...ks].sort((a, b) => a - b);
}

export function silhouette(dist: Float32Array, n: number, labels: Int32Array, k: number): number {
  const sums = new Float64Array(k);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) sums[labels[j]!]! += dist[i * n + j]!;
    const own = labels[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / n;
}

export function chooseK(x: Float32Array, n: number, d: number, seed: number): number {
  if (n < 6) return Math.max(1, Math.min(n, 2));
  const rows = sampleRows(n, 2000);
  const m = rows.length;
  const s = new Float32Array(m * d);
  rows.forEach((r, i) => s.set(x.subarray(r * d, r * d + d), i * d));
  const dist = new Float32Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let dot = 0;
      for (let t = 0; t < d; t++) dot += s[i * d + t]! * s[j * d + t]!;
      dist[i * m + j] = dist[j * m + i] = Math.max(0, 1 - dot);
    }
  }
  let best = { k: 2, score: -Infinity };
  for (const k of candidateKs(m)) {
    const { labels } = kmeans(s, m, d, k, { seed, nInit: 3 });
    const score = silhouette(dist, m, labels, k);
    if (score > best.score + 1e-9) best = { k, score };
  }
  return best.k;
}
