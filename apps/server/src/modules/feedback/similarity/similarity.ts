/**
 * Which feedback says the same thing: the clustering engine's TF-IDF features (word and character n-grams), fitted
 * on a workspace's recent feedback, answer "near-duplicates of this text" and "the theme this text is closest to".
 * An index is built per workspace and kept in memory; see similarity-cache.ts for when it is rebuilt.
 */
import { fitVectorizer, type Vectorizer } from '../clustering/features.ts';

export interface IndexRow {
  id: string;
  text: string;
  themeId: string | null;
  /** When the customer said it: near-duplicates look back from here. */
  observedAt: Date;
  submittedByUserId: string | null;
}

/** A sparse row, l2-normalised: its columns and their weights (views into one big array where possible). */
interface Vec {
  idx: Int32Array;
  val: Float32Array;
  /** How many of its word, character and sentence-vector blocks are not empty (each holds 1/blocks of the norm²). */
  blocks: number;
  /** Whether the last block is a sentence vector. */
  sentence: boolean;
}

/**
 * Cosine above which two texts are shown as the same thing while typing. Chosen on Banking77's training split
 * (docs/decisions/0007-word-vectors.md), with the sentence vector weighted 2 (below): at 0.5 the panel shows a
 * near-duplicate for 84 % of new texts and the first one shown is of the same intent 77 % of the time (0.6, the value
 * before word vectors: 31 % / 85 %).
 */
export const DUPLICATE_MIN = 0.5;
/**
 * Score (closestTheme) above which new feedback joins a theme without a person, and by how much it must beat the
 * runner-up theme (at 5 items per theme; less for larger themes, see marginFor), so a text between two themes waits
 * for triage. Chosen on Banking77's training split for precision ≥ 92 % (decision 0007): with 5 seed texts per theme
 * and the triage queue filed every 100 items, 0.3 and 0.15 file 50.6 % of new texts at 93.3 % precision (0.14:
 * 54.0 % at 91.8 %); with 20 seed texts 60.2 % at 95.7 % (a fixed 0.12: 54.0 % at 96.8 %).
 */
export const AUTO_ASSIGN_MIN = 0.3;
export const AUTO_ASSIGN_MARGIN = 0.15;
/**
 * Near-duplicates weigh the sentence vector twice as much as the features do (1, as for clustering and theme
 * scores): "nobody replies to our support requests" then scores 0.55 against "Support never answers our tickets"
 * (0.36 at 1, 0.21 without vectors), and on Banking77's training split the first one shown is as often right at
 * DUPLICATE_MIN 0.5 as at 1 and 0.45. Auto-assignment stays at 1: at 2 it filed 20 of 125 demo items whose topic
 * has no theme at margin 0.05 (1 at weight 1), and 3 points fewer on Banking77 at 92 % precision (decision 0007).
 */
const DUPLICATE_VECTOR_WEIGHT = 2;
/** A theme needs this many items before its centre is trusted. */
const MIN_THEME_ITEMS = 3;
/** A theme's score: this share from its centre, the rest from its nearest members. */
const CENTRE_SHARE = 0.5;
/** How many of a theme's nearest members its score averages (2 filed 2 points more than 3 on Banking77's dev split). */
export const NEAREST_MEMBERS = 2;
/**
 * The margin a theme must win by shrinks as the two themes in question grow, since a theme's score is less noisy
 * with more members: AUTO_ASSIGN_MARGIN at MARGIN_REFERENCE_ITEMS members, times (MARGIN_REFERENCE_ITEMS / n)^
 * MARGIN_SIZE_POWER for the smaller theme's n (capped at MARGIN_MAX_ITEMS: 0.15 at 5, 0.106 at 20, 0.071 at 100).
 * With one margin for all sizes, the margin that held 92 % precision with 5 texts per theme left precision at 97 %
 * with 20 and filed fewer texts than it could (decision 0007). 0 would be a fixed margin.
 */
export const MARGIN_SIZE_POWER = 0.25;
export const MARGIN_REFERENCE_ITEMS = 5;
export const MARGIN_MAX_ITEMS = 100;

export interface ThemeRule {
  min: number;
  margin: number;
  /** 0: a fixed margin. */
  sizePower: number;
  nearest: number;
}
export const THEME_RULE: ThemeRule = { min: AUTO_ASSIGN_MIN, margin: AUTO_ASSIGN_MARGIN, sizePower: MARGIN_SIZE_POWER, nearest: NEAREST_MEMBERS };

/**
 * Rows are kept as typed-array views of the vectorizer's output and a query is scattered once into a dense
 * array: a Map per row cost 786 MB and 7 s to build for 20,000 items, and 290 ms per near-duplicate query.
 */
export class SimilarityIndex {
  private readonly vectors: Vec[] = [];
  private readonly rows: IndexRow[] = [];
  /** Each theme's members (row positions) and its normalised centre, computed when first asked for. */
  private readonly themes = new Map<string, { members: number[]; centre: Vec | null }>();
  /** A query's weights by column; zero everywhere else between queries. */
  private readonly dense: Float32Array;

  private constructor(
    private readonly vectorizer: Vectorizer,
    cols: number,
  ) {
    this.dense = new Float32Array(cols);
  }

  static build(rows: readonly IndexRow[]): SimilarityIndex {
    const texts = rows.map((r) => r.text);
    // Every word counts, even once: a small workspace's rare words are what near-duplicates share.
    const vectorizer = fitVectorizer(texts, { minDf: 1 });
    const a = vectorizer.transform(texts);
    const index = new SimilarityIndex(vectorizer, a.cols);
    rows.forEach((r, i) => index.push(r, index.row(a.idx.subarray(a.ptr[i]!, a.ptr[i + 1]!), a.val.subarray(a.ptr[i]!, a.ptr[i + 1]!))));
    return index;
  }

  private row(idx: Int32Array, val: Float32Array): Vec {
    const words = this.vectorizer.terms.length;
    const start = this.vectorizer.vectorStart;
    let word = 0;
    let char = 0;
    let sentence = false;
    for (let k = 0; k < idx.length; k++) {
      const c = idx[k]!;
      if (c < words) word = 1;
      else if (c < start) char = 1;
      else sentence = true;
    }
    return { idx, val, blocks: word + char + (sentence ? 1 : 0), sentence };
  }

  get size() {
    return this.rows.length;
  }

  private vectorize(text: string): Vec {
    const a = this.vectorizer.transform([text]);
    return this.row(a.idx.slice(0, a.ptr[1]!), a.val.slice(0, a.ptr[1]!));
  }

  private push(row: IndexRow, v: Vec) {
    this.rows.push(row);
    this.vectors.push(v);
    if (row.themeId) {
      const t = this.themes.get(row.themeId) ?? { members: [], centre: null };
      t.members.push(this.rows.length - 1);
      t.centre = null;
      this.themes.set(row.themeId, t);
    }
  }

  add(row: IndexRow) {
    this.push(row, this.vectorize(row.text));
  }

  /**
   * Runs `fn` with the query's weights scattered into the dense array, and clears them after. `dot` is the cosine
   * of the features as built; `reweighted` the cosine had the sentence-vector block been given `weight` (against 1
   * for each of the word and character blocks), from the two parts of the same dot product.
   */
  private withQuery<T>(text: string, fn: (dot: (v: Vec) => number, reweighted: (v: Vec, weight: number) => number) => T): T {
    const q = this.vectorize(text);
    for (let k = 0; k < q.idx.length; k++) this.dense[q.idx[k]!] = q.val[k]!;
    const start = this.vectorizer.vectorStart;
    try {
      return fn(
        (v) => {
          let s = 0;
          for (let k = 0; k < v.idx.length; k++) s += this.dense[v.idx[k]!]! * v.val[k]!;
          return s;
        },
        (v, weight) => {
          // The sentence block, when there is one, is the row's last entries (columns from vectorStart).
          let lexical = 0;
          let sentence = 0;
          for (let k = 0; k < v.idx.length; k++) {
            const c = v.idx[k]!;
            if (c < start) lexical += this.dense[c]! * v.val[k]!;
            else sentence += this.dense[c]! * v.val[k]!;
          }
          const w2 = weight * weight;
          const was = Math.sqrt(q.blocks * v.blocks);
          const now = Math.sqrt((q.blocks - (q.sentence ? 1 - w2 : 0)) * (v.blocks - (v.sentence ? 1 - w2 : 0)));
          return now > 0 ? ((lexical + w2 * sentence) * was) / now : 0;
        },
      );
    } finally {
      for (let k = 0; k < q.idx.length; k++) this.dense[q.idx[k]!] = 0;
    }
  }

  /** The most similar indexed items observed since `since`, most similar first. */
  nearest(text: string, opts: { since: Date; min?: number; limit?: number; excludeId?: string }) {
    const min = opts.min ?? DUPLICATE_MIN;
    const hits: { row: IndexRow; similarity: number }[] = [];
    this.withQuery(text, (_dot, reweighted) => {
      for (let i = 0; i < this.rows.length; i++) {
        const row = this.rows[i]!;
        if (row.observedAt < opts.since || row.id === opts.excludeId) continue;
        const s = reweighted(this.vectors[i]!, DUPLICATE_VECTOR_WEIGHT);
        if (s >= min) hits.push({ row, similarity: s });
      }
    });
    hits.sort((a, b) => b.similarity - a.similarity || a.row.id.localeCompare(b.row.id));
    return hits.slice(0, opts.limit ?? 10);
  }

  /** A theme's centre: the normalised sum of its members' vectors. */
  private centre(t: { members: number[]; centre: Vec | null }): Vec {
    if (t.centre) return t.centre;
    const sum = new Map<number, number>();
    for (const m of t.members) {
      const v = this.vectors[m]!;
      for (let k = 0; k < v.idx.length; k++) sum.set(v.idx[k]!, (sum.get(v.idx[k]!) ?? 0) + v.val[k]!);
    }
    let norm = 0;
    for (const w of sum.values()) norm += w * w;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const idx = new Int32Array(sum.size);
    const val = new Float32Array(sum.size);
    let k = 0;
    for (const [c, w] of sum) {
      idx[k] = c;
      val[k++] = w * scale;
    }
    t.centre = this.row(idx, val);
    return t.centre;
  }

  /**
   * The theme the text is closest to, with its score and the runner-up's, and both themes' sizes; null without trusted
   * themes. A theme's score is the mean of the cosine to its centre and the mean cosine to its `nearest` nearest
   * members (NEAREST_MEMBERS): the centre
   * alone misses a theme that covers two ways of saying a thing, the nearest members alone follow one stray item.
   * On Banking77 (5 seed texts per theme, docs/decisions/0007-word-vectors.md) the mix filed more texts at the same
   * precision than either.
   */
  closestTheme(text: string, liveThemeIds: ReadonlySet<string>, nearest = NEAREST_MEMBERS) {
    let best: { themeId: string; similarity: number; members: number } | null = null;
    let second = 0;
    let secondMembers = 0;
    // The `nearest` best cosines so far, best first (insertion into a short sorted array).
    const top = new Float64Array(nearest);
    const last = nearest - 1;
    this.withQuery(text, (dot) => {
      for (const [themeId, t] of this.themes) {
        if (t.members.length < MIN_THEME_ITEMS || !liveThemeIds.has(themeId)) continue;
        top.fill(-1);
        for (const m of t.members) {
          const s = dot(this.vectors[m]!);
          if (s <= top[last]!) continue;
          let k = last;
          while (k > 0 && top[k - 1]! < s) {
            top[k] = top[k - 1]!;
            k--;
          }
          top[k] = s;
        }
        let near = 0;
        for (let k = 0; k < nearest; k++) near += top[k]!;
        const sim = CENTRE_SHARE * dot(this.centre(t)) + (1 - CENTRE_SHARE) * (near / nearest);
        if (!best || sim > best.similarity) {
          if (best && best.similarity >= second) {
            second = best.similarity;
            secondMembers = best.members;
          }
          best = { themeId, similarity: sim, members: t.members.length };
        } else if (sim >= second) {
          second = sim;
          secondMembers = t.members.length;
        }
      }
    });
    const found = best as { themeId: string; similarity: number; members: number } | null;
    return found ? { ...found, runnerUp: second, runnerUpMembers: secondMembers } : null;
  }
}

export interface ThemeMatch {
  similarity: number;
  runnerUp: number;
  /** Items in the theme and in the runner-up (0 when there is none). */
  members: number;
  runnerUpMembers: number;
}

/** The margin a match must win by under `rule`: smaller when both themes hold many items. */
export function marginFor(match: ThemeMatch, rule: ThemeRule = THEME_RULE): number {
  if (!rule.sizePower) return rule.margin;
  const n = Math.min(MARGIN_MAX_ITEMS, match.runnerUpMembers ? Math.min(match.members, match.runnerUpMembers) : match.members);
  return rule.margin * Math.pow(MARGIN_REFERENCE_ITEMS / Math.max(MIN_THEME_ITEMS, n), rule.sizePower);
}

/** Whether a text close to a theme is close enough, and clearly closer than to any other, to join it unreviewed. */
export function confidentEnough(match: ThemeMatch, rule: ThemeRule = THEME_RULE): boolean {
  return match.similarity >= rule.min && match.similarity - match.runnerUp >= marginFor(match, rule);
}
