/**
 * Spectral embedding of l2-normalised rows: a symmetric k-nearest-neighbour cosine graph, its normalised adjacency
 * D^-1/2 W D^-1/2, and the top eigenvectors by block power iteration with a Rayleigh–Ritz step. Rows of the result
 * are l2-normalised (Ng, Jordan and Weiss) for k-means.
 */
import { orthonormalizeColumns, symmetricEigen } from './linalg.ts';
import { createRng } from './random.ts';

function dot32(x: Float32Array, a: number, b: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let t = 0;
  for (; t + 1 < d; t += 2) {
    s0 += x[a + t]! * x[b + t]!;
    s1 += x[a + t + 1]! * x[b + t + 1]!;
  }
  if (t < d) s0 += x[a + t]! * x[b + t]!;
  return s0 + s1;
}

interface Graph {
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
}

/** Brute-force k nearest neighbours by dot product, symmetrised by max. O(n² d): for inputs up to tens of thousands. */
export function knnGraph(x: Float32Array, n: number, d: number, neighbours: number): Graph {
  const nb = Math.min(neighbours, n - 1);
  const edges: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const sims = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      sims[j] = j === i ? -Infinity : dot32(x, i * d, j * d, d);
      order[j] = j;
    }
    // Partial selection of the nb largest.
    for (let a = 0; a < nb; a++) {
      let best = a;
      for (let b = a + 1; b < n; b++) if (sims[order[b]!]! > sims[order[best]!]!) best = b;
      const tmp = order[a]!;
      order[a] = order[best]!;
      order[best] = tmp;
      const j = order[a]!;
      const w = Math.max(1e-6, sims[j]!);
      if ((edges[i]!.get(j) ?? 0) < w) edges[i]!.set(j, w);
      if ((edges[j]!.get(i) ?? 0) < w) edges[j]!.set(i, w);
    }
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i]! + edges[i]!.size;
  const idx = new Int32Array(ptr[n]!);
  const val = new Float64Array(ptr[n]!);
  for (let i = 0; i < n; i++) {
    let p = ptr[i]!;
    for (const [j, w] of [...edges[i]!.entries()].sort((a, b) => a[0] - b[0])) {
      idx[p] = j;
      val[p++] = w;
    }
  }
  return { ptr, idx, val };
}

export function spectralEmbedding(x: Float32Array, n: number, d: number, k: number, seed: number, neighbours = 8, iterations = 150): Float32Array {
  const g = knnGraph(x, n, d, neighbours);
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let p = g.ptr[i]!; p < g.ptr[i + 1]!; p++) deg[i]! += g.val[p]!;
  const inv = Float64Array.from(deg, (v) => (v > 0 ? 1 / Math.sqrt(v) : 0));
  // (I + S)/2 has the same eigenvectors as S with eigenvalues in [0, 1], so power iteration finds the top ones.
  const l = Math.min(n, k + 10);
  const times = (y: Float64Array) => {
    const z = new Float64Array(n * l);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < l; j++) z[i * l + j] = 0.5 * y[i * l + j]!;
      for (let p = g.ptr[i]!; p < g.ptr[i + 1]!; p++) {
        const w = 0.5 * g.val[p]! * inv[i]! * inv[g.idx[p]!]!;
        const o = g.idx[p]! * l;
        for (let j = 0; j < l; j++) z[i * l + j]! += w * y[o + j]!;
      }
    }
    return z;
  };
  const rng = createRng(seed ^ 0x27d4eb2d);
  let y = new Float64Array(n * l);
  for (let i = 0; i < y.length; i++) y[i] = rng.gaussian();
  orthonormalizeColumns(y, n, l);
  for (let it = 0; it < iterations; it++) {
    y = times(y);
    if (it % 5 === 4 || it === iterations - 1) orthonormalizeColumns(y, n, l);
  }
  // Rayleigh–Ritz: rotate the block onto the eigenvectors of its l × l projection, largest first.
  const sy = times(y);
  const h = new Float64Array(l * l);
  for (let i = 0; i < n; i++) for (let a = 0; a < l; a++) for (let b = 0; b < l; b++) h[a * l + b]! += y[i * l + a]! * sy[i * l + b]!;
  for (let a = 0; a < l; a++) for (let b = a + 1; b < l; b++) h[a * l + b] = h[b * l + a] = (h[a * l + b]! + h[b * l + a]!) / 2;
  const { vectors } = symmetricEigen(h, l);
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let a = 0; a < l; a++) s += y[i * l + a]! * vectors[a * l + c]!;
      out[i * k + c] = s;
      norm += s * s;
    }
    const sc = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < k; c++) out[i * k + c]! *= sc;
  }
  return out;
}
