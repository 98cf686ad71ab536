/** The few dense and sparse kernels the engine needs (row-major Float64Array matrices). */
import type { Csr } from './features.ts';

/** Y (rows × l) = A · M, where M is (A.cols × l). */
export function csrTimesDense(a: Csr, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * l;
    for (let p = a.ptr[r]!; p < a.ptr[r + 1]!; p++) {
      const v = a.val[p]!;
      const mo = a.idx[p]! * l;
      for (let j = 0; j < l; j++) y[yo + j]! += v * m[mo + j]!;
    }
  }
  return y;
}

/** Z (A.cols × l) = Aᵀ · Q, where Q is (A.rows × l). */
export function csrTransposeTimesDense(a: Csr, q: Float64Array, l: number): Float64Array {
  const z = new Float64Array(a.cols * l);
  for (let r = 0; r < a.rows; r++) {
    const qo = r * l;
    for (let p = a.ptr[r]!; p < a.ptr[r + 1]!; p++) {
      const v = a.val[p]!;
      const zo = a.idx[p]! * l;
      for (let j = 0; j < l; j++) z[zo + j]! += v * q[qo + j]!;
    }
  }
  return z;
}

/** Orthonormalises the columns of Y (rows × l) in place by modified Gram–Schmidt; a dependent column becomes zero. */
export function orthonormalizeColumns(y: Float64Array, rows: number, l: number): void {
  const col = new Float64Array(rows);
  const cols: Float64Array[] = [];
  for (let j = 0; j < l; j++) {
    for (let i = 0; i < rows; i++) col[i] = y[i * l + j]!;
    for (const prev of cols) {
      let d = 0;
      for (let i = 0; i < rows; i++) d += col[i]! * prev[i]!;
      for (let i = 0; i < rows; i++) col[i]! -= d * prev[i]!;
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm);
    const c = new Float64Array(rows);
    if (norm > 1e-10) for (let i = 0; i < rows; i++) c[i] = col[i]! / norm;
    cols.push(c);
    for (let i = 0; i < rows; i++) y[i * l + j] = c[i]!;
  }
}

/** Eigen-decomposition of a symmetric l × l matrix by cyclic Jacobi: eigenvalues descending, vectors as columns. */
export function symmetricEigen(s: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(s);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  let frob = 0;
  for (let i = 0; i < l * l; i++) frob += a[i]! ** 2;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off <= 1e-24 * frob) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - sn * akq;
          a[k * l + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - sn * aqk;
          a[q * l + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - sn * vkq;
          v[k * l + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y]! - a[x * l + x]! || x - y);
  const values = Float64Array.from(order, (i) => a[i * l + i]!);
  const vectors = new Float64Array(l * l);
  for (let r = 0; r < l; r++) for (let c = 0; c < l; c++) vectors[r * l + c] = v[r * l + order[c]!]!;
  return { values, vectors };
}
