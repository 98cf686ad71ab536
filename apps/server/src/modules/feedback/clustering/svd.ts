/**
 * Truncated SVD (latent semantic analysis) by the randomized range finder of Halko, Martinsson and Tropp, fitted on
 * a sample of rows; every row is then projected onto the top right singular vectors and l2-normalised.
 */
import type { Csr } from './features.ts';
import { csrTimesDense, csrTransposeTimesDense, orthonormalizeColumns, symmetricEigen } from './linalg.ts';
import { createRng } from './random.ts';

export interface Projection {
  dims: number;
  /** Column of A → row of V, or -1 for a column the fitting sample never used. */
  colMap: Int32Array;
  /** V (used columns × dims), row-major. */
  v: Float32Array;
}

/** Renumbers the columns of A to those it uses, so that the dense (columns × l) work matrices stay small. */
function compactColumns(a: Csr): { a: Csr; colMap: Int32Array } {
  const colMap = new Int32Array(a.cols).fill(-1);
  let used = 0;
  for (let p = 0; p < a.idx.length; p++) if (colMap[a.idx[p]!] === -1) colMap[a.idx[p]!] = used++;
  const idx = Int32Array.from(a.idx, (c) => colMap[c]!);
  return { a: { ...a, cols: used, idx }, colMap };
}

function gaussianMatrix(rows: number, cols: number, rng: ReturnType<typeof createRng>): Float64Array {
  const m = new Float64Array(rows * cols);
  for (let i = 0; i < m.length; i++) m[i] = rng.gaussian();
  return m;
}

export function fitSvd(full: Csr, dims: number, seed: number, powerIterations = 2): Projection {
  const { a, colMap } = compactColumns(full);
  const k = Math.max(1, Math.min(dims, a.rows - 1, a.cols));
  const l = Math.min(k + 10, a.rows, a.cols);
  const rng = createRng(seed ^ 0x5bd1e995);
  let y = csrTimesDense(a, gaussianMatrix(a.cols, l, rng), l);
  orthonormalizeColumns(y, a.rows, l);
  for (let it = 0; it < powerIterations; it++) {
    y = csrTimesDense(a, csrTransposeTimesDense(a, y, l), l);
    orthonormalizeColumns(y, a.rows, l);
  }
  // B = Qᵀ A; B Bᵀ = Qᵀ (A Bᵀ) is l × l, so the d × l matrix Bᵀ is never multiplied by itself.
  const bt = csrTransposeTimesDense(a, y, l);
  const abt = csrTimesDense(a, bt, l);
  const bbt = new Float64Array(l * l);
  for (let r = 0; r < a.rows; r++) {
    for (let i = 0; i < l; i++) {
      const qi = y[r * l + i]!;
      if (qi === 0) continue;
      for (let j = 0; j < l; j++) bbt[i * l + j]! += qi * abt[r * l + j]!;
    }
  }
  const { values, vectors } = symmetricEigen(bbt, l);
  // V = Bᵀ U diag(1/σ), computed only for the columns the sample uses (other rows of Bᵀ are zero).
  const m = new Float64Array(l * k);
  for (let i = 0; i < l; i++) for (let c = 0; c < k; c++) m[i * k + c] = values[c]! > 1e-12 ? vectors[i * l + c]! / Math.sqrt(values[c]!) : 0;
  const v = new Float32Array(a.cols * k);
  const row = new Float64Array(k);
  for (let d = 0; d < a.cols; d++) {
    const bo = d * l;
    let any = false;
    row.fill(0);
    for (let i = 0; i < l; i++) {
      const b = bt[bo + i]!;
      if (b === 0) continue;
      any = true;
      for (let c = 0; c < k; c++) row[c]! += b * m[i * k + c]!;
    }
    if (any) v.set(row, d * k);
  }
  return { dims: k, colMap, v };
}

/** Rows of A in the reduced space (rows × dims), each l2-normalised. */
export function project(a: Csr, p: Projection): Float32Array {
  const k = p.dims;
  const out = new Float32Array(a.rows * k);
  const row = new Float64Array(k);
  for (let r = 0; r < a.rows; r++) {
    row.fill(0);
    for (let q = a.ptr[r]!; q < a.ptr[r + 1]!; q++) {
      const col = p.colMap[a.idx[q]!]!;
      if (col < 0) continue;
      const x = a.val[q]!;
      const vo = col * k;
      for (let c = 0; c < k; c++) row[c]! += x * p.v[vo + c]!;
    }
    let norm = 0;
    for (let c = 0; c < k; c++) norm += row[c]! * row[c]!;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let c = 0; c < k; c++) out[r * k + c] = row[c]! * s;
  }
  return out;
}

/** A deterministic, evenly spread sample of at most `max` row indices. */
export function sampleRows(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * n) / max));
}

export function selectRows(a: Csr, rows: readonly number[]): Csr {
  const ptr = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) ptr[i + 1] = ptr[i]! + a.ptr[rows[i]! + 1]! - a.ptr[rows[i]!]!;
  const idx = new Int32Array(ptr[rows.length]!);
  const val = new Float32Array(idx.length);
  for (let i = 0; i < rows.length; i++) {
    const s = a.ptr[rows[i]!]!;
    const e = a.ptr[rows[i]! + 1]!;
    idx.set(a.idx.subarray(s, e), ptr[i]!);
    val.set(a.val.subarray(s, e), ptr[i]!);
  }
  return { rows: rows.length, cols: a.cols, ptr, idx, val };
}
