/**
 * The sentence vectors as themes see them: whitened by how the workspace's own themes vary inside (linear
 * discriminant analysis's within-class scatter). Directions along which one theme's items already differ a lot
 * ("I", "my", tense) count for less, directions that separate themes count for more. Fitted on a workspace's themed
 * items when its similarity index is built, so it learns from every item a PMM files; no labels, no model outside.
 * Decision 0024 (docs/decisions/0024-feedback-theme-space.md).
 */

/** Below this many themed items (in themes of at least two) the scatter is too poorly known: vectors stay as they are. */
export const WHITEN_MIN_ITEMS = 200;
/**
 * Shrinkage of the within-theme scatter towards its mean variance (Ledoit–Wolf style, fixed): 0.3 on Banking77's
 * training split (0.1 and 0.6 within 0.5 point of it).
 */
export const WHITEN_SHRINKAGE = 0.3;
/** Rows the scatter is estimated from, evenly spaced (more add time, not accuracy). */
const WHITEN_SAMPLE = 4000;

export interface Whitener {
  readonly dimensions: number;
  /** Writes L⁻¹x, scaled to unit length, into `out`; false (and zeros) for a zero vector. */
  apply(x: ArrayLike<number>, out: Float32Array): boolean;
}

/**
 * Fits the whitener on `vectors` (unit sentence vectors, `dims` long, or null for texts without one) labelled by
 * `themes` (null: not themed). Null when too few themed items.
 */
export function fitWhitener(vectors: readonly (ArrayLike<number> | null)[], themes: readonly (string | null)[], dims: number): Whitener | null {
  const byTheme = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    const t = themes[i];
    if (!v || !t) return;
    const list = byTheme.get(t) ?? [];
    list.push(i);
    byTheme.set(t, list);
  });
  const used: { i: number; theme: string }[] = [];
  for (const [theme, list] of byTheme) if (list.length >= 2) for (const i of list) used.push({ i, theme });
  if (used.length < WHITEN_MIN_ITEMS) return null;
  used.sort((a, b) => a.i - b.i);

  const means = new Map<string, Float64Array>();
  for (const [theme, list] of byTheme) {
    if (list.length < 2) continue;
    const m = new Float64Array(dims);
    for (const i of list) for (let d = 0; d < dims; d++) m[d]! += vectors[i]![d]!;
    for (let d = 0; d < dims; d++) m[d]! /= list.length;
    means.set(theme, m);
  }
  const step = Math.max(1, used.length / WHITEN_SAMPLE);
  const scatter = new Float64Array(dims * dims);
  const r = new Float64Array(dims);
  let rows = 0;
  for (let k = 0; k < used.length; k += step) {
    const { i, theme } = used[Math.floor(k)]!;
    const v = vectors[i]!;
    const m = means.get(theme)!;
    for (let d = 0; d < dims; d++) r[d] = v[d]! - m[d]!;
    for (let a = 0; a < dims; a++) {
      const ra = r[a]!;
      for (let b = 0; b <= a; b++) scatter[a * dims + b]! += ra * r[b]!;
    }
    rows++;
  }
  let trace = 0;
  for (let a = 0; a < dims; a++) trace += scatter[a * dims + a]!;
  const floor = (WHITEN_SHRINKAGE * trace) / dims;
  for (let a = 0; a < dims; a++) {
    for (let b = 0; b <= a; b++) scatter[a * dims + b] = (1 - WHITEN_SHRINKAGE) * scatter[a * dims + b]! + (a === b ? floor : 0);
  }
  if (!(trace > 0) || rows === 0) return null;
  const l = cholesky(scatter, dims);
  if (!l) return null;
  return {
    dimensions: dims,
    apply(x, out) {
      // Forward substitution: L y = x. Any square root of the scatter gives the same cosines; L⁻¹ is the cheapest.
      let norm = 0;
      for (let a = 0; a < dims; a++) {
        let s = x[a]!;
        for (let b = 0; b < a; b++) s -= l[a * dims + b]! * out[b]!;
        out[a] = s / l[a * dims + a]!;
        norm += out[a]! * out[a]!;
      }
      if (!(norm > 0)) {
        out.fill(0);
        return false;
      }
      const scale = 1 / Math.sqrt(norm);
      for (let a = 0; a < dims; a++) out[a] = out[a]! * scale;
      return true;
    },
  };
}

/** Lower-triangular L with L Lᵀ = s (lower triangle of s read); null when s is not positive definite. */
function cholesky(s: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = s[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j]!;
    }
  }
  return l;
}
