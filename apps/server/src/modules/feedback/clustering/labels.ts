/** Readable cluster labels: the key phrases whose TF-IDF weight in the cluster most exceeds the corpus average. */
import type { Csr } from './features.ts';
import { isStopword } from './tokenize.ts';

/**
 * Words that say how feedback was reported, not what it is about ("asked", "customer", "again"): fine as features,
 * empty in a label.
 */
const REPORTING_WORDS = new Set(
  ('asked ask asks asking requested request requests wants want wanted needs need needed said says told mentioned again still ' +
    'customer customers prospect prospects client team call calls one two three also really would could like get got keep keeps ' +
    'whether always per plus without instead current using use used new')
    .split(' '),
);
const quiet = (w: string) => isStopword(w) || REPORTING_WORDS.has(w);

/** A phrase reads badly when it starts or ends with a stopword ("my card", "card for"). */
function readable(term: string): boolean {
  const ws = term.split(' ');
  return !quiet(ws[0]!) && !quiet(ws[ws.length - 1]!) && !/^\d+$/.test(term);
}

/** Plural and singular say the same thing in a label ("card", "cards"). */
const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

export function keyPhrases(a: Csr, terms: readonly string[], labels: Int32Array, k: number, top = 3): string[][] {
  const nTerms = terms.length;
  const sums = new Float64Array(k * nTerms);
  const corpus = new Float64Array(nTerms);
  const sizes = new Int32Array(k);
  for (let r = 0; r < a.rows; r++) {
    const c = labels[r]!;
    if (c < 0) continue;
    sizes[c]!++;
    for (let p = a.ptr[r]!; p < a.ptr[r + 1]!; p++) {
      const t = a.idx[p]!;
      if (t >= nTerms) continue;
      sums[c * nTerms + t]! += a.val[p]!;
      corpus[t]! += a.val[p]!;
    }
  }
  const out: string[][] = [];
  for (let c = 0; c < k; c++) {
    const scored: { t: number; s: number }[] = [];
    for (let t = 0; t < nTerms; t++) {
      const inside = sums[c * nTerms + t]!;
      if (inside <= 0 || !readable(terms[t]!)) continue;
      const mean = inside / Math.max(1, sizes[c]!);
      const outside = (corpus[t]! - inside) / Math.max(1, a.rows - sizes[c]!);
      scored.push({ t, s: mean - outside });
    }
    scored.sort((x, y) => y.s - x.s || x.t - y.t);
    const picked: string[] = [];
    for (const { t } of scored) {
      const term = terms[t]!;
      const ws = term.split(' ').map(stem);
      // A phrase whose words are all said already adds nothing; one that extends a picked word replaces it.
      const said = new Set(picked.flatMap((p) => p.split(' ').map(stem)));
      if (ws.every((w) => said.has(w))) continue;
      const extended = picked.findIndex((p) => !p.includes(' ') && ws.includes(stem(p)));
      if (extended >= 0) picked[extended] = term;
      else picked.push(term);
      if (picked.length === top) break;
    }
    out.push(picked);
  }
  return out;
}

/** The `count` rows nearest to each centroid (highest dot product of l2-normalised rows). */
export function representatives(x: Float32Array, d: number, labels: Int32Array, centroids: Float64Array, k: number, count = 3): number[][] {
  const best: { r: number; s: number }[][] = Array.from({ length: k }, () => []);
  for (let r = 0; r < labels.length; r++) {
    const c = labels[r]!;
    if (c < 0) continue;
    let s = 0;
    for (let j = 0; j < d; j++) s += x[r * d + j]! * centroids[c * d + j]!;
    const list = best[c]!;
    if (list.length < count || s > list[list.length - 1]!.s) {
      list.push({ r, s });
      list.sort((p, q) => q.s - p.s || p.r - q.r);
      if (list.length > count) list.pop();
    }
  }
  return best.map((list) => list.map((e) => e.r));
}
