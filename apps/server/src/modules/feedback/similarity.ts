/**
 * Which feedback says the same thing: the clustering engine's TF-IDF features (word and character n-grams), fitted
 * on a workspace's recent feedback, answer "near-duplicates of this text" and "the theme this text is closest to".
 * An index is built per workspace and kept in memory; see feedback.service.ts for when it is rebuilt.
 */
import { fitVectorizer, type Vectorizer } from './clustering/features.ts';

export interface IndexRow {
  id: string;
  text: string;
  themeId: string | null;
  /** When the customer said it: near-duplicates look back from here. */
  observedAt: Date;
  submittedByUserId: string | null;
}

/** A sparse row, l2-normalised: column → weight. */
type Vec = Map<number, number>;

/** Cosine above which two texts are reported as the same thing (see docs/decisions/0005-feedback-themes.md). */
export const DUPLICATE_MIN = 0.6;
/**
 * Cosine to a theme's centre above which new feedback joins that theme without a person. On the demo corpus
 * (1,200 items indexed, 300 new), 0.3 filed 77% of the items that had a theme, all of them correctly, and none of
 * the items whose topic had no theme; 0.2 filed 95% at 98.8% precision.
 */
export const AUTO_ASSIGN_MIN = 0.3;
/** …and by at least this much more than the runner-up theme, so a text between two themes waits for triage. */
export const AUTO_ASSIGN_MARGIN = 0.05;
/** A theme needs this many items before its centre is trusted. */
const MIN_THEME_ITEMS = 3;

function dot(a: Vec, b: Vec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [c, v] of small) {
    const w = large.get(c);
    if (w !== undefined) s += v * w;
  }
  return s;
}

export class SimilarityIndex {
  private readonly vectors: Vec[] = [];
  private readonly rows: IndexRow[] = [];
  private readonly centroids = new Map<string, { sum: Map<number, number>; n: number; unit: Vec | null }>();

  private constructor(private readonly vectorizer: Vectorizer) {}

  static build(rows: readonly IndexRow[]): SimilarityIndex {
    // Every word counts, even once: a small workspace's rare words are what near-duplicates share.
    const index = new SimilarityIndex(fitVectorizer(rows.map((r) => r.text), { minDf: 1 }));
    for (const r of rows) index.add(r);
    return index;
  }

  get size() {
    return this.rows.length;
  }

  vectorize(text: string): Vec {
    const a = this.vectorizer.transform([text]);
    const v: Vec = new Map();
    for (let k = a.ptr[0]!; k < a.ptr[1]!; k++) v.set(a.idx[k]!, a.val[k]!);
    return v;
  }

  add(row: IndexRow) {
    const v = this.vectorize(row.text);
    this.rows.push(row);
    this.vectors.push(v);
    if (row.themeId) {
      const c = this.centroids.get(row.themeId) ?? { sum: new Map<number, number>(), n: 0, unit: null };
      for (const [col, w] of v) c.sum.set(col, (c.sum.get(col) ?? 0) + w);
      c.n++;
      c.unit = null;
      this.centroids.set(row.themeId, c);
    }
  }

  /** The most similar indexed items observed since `since`, most similar first. */
  nearest(text: string, opts: { since: Date; min?: number; limit?: number; excludeId?: string }) {
    const q = this.vectorize(text);
    const min = opts.min ?? DUPLICATE_MIN;
    const hits: { row: IndexRow; similarity: number }[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      if (row.observedAt < opts.since || row.id === opts.excludeId) continue;
      const s = dot(q, this.vectors[i]!);
      if (s >= min) hits.push({ row, similarity: s });
    }
    hits.sort((a, b) => b.similarity - a.similarity || a.row.id.localeCompare(b.row.id));
    return hits.slice(0, opts.limit ?? 10);
  }

  /** The theme whose centre is closest, with the cosine to it and to the runner-up; null without trusted themes. */
  closestTheme(text: string, liveThemeIds: ReadonlySet<string>) {
    const q = this.vectorize(text);
    let best: { themeId: string; similarity: number } | null = null;
    let second = 0;
    for (const [themeId, c] of this.centroids) {
      if (c.n < MIN_THEME_ITEMS || !liveThemeIds.has(themeId)) continue;
      if (!c.unit) {
        let norm = 0;
        for (const w of c.sum.values()) norm += w * w;
        const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        c.unit = new Map([...c.sum].map(([col, w]) => [col, w * s]));
      }
      const sim = dot(q, c.unit);
      if (!best || sim > best.similarity) {
        if (best) second = Math.max(second, best.similarity);
        best = { themeId, similarity: sim };
      } else second = Math.max(second, sim);
    }
    return best ? { ...best, runnerUp: second } : null;
  }
}

/** Whether a text close to a theme is close enough, and clearly closer than to any other, to join it unreviewed. */
export function confidentEnough(match: { similarity: number; runnerUp: number }): boolean {
  return match.similarity >= AUTO_ASSIGN_MIN && match.similarity - match.runnerUp >= AUTO_ASSIGN_MARGIN;
}
