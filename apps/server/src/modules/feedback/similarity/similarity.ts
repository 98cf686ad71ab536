/**
 * Which feedback says the same thing: the clustering engine's TF-IDF features (word and character n-grams), fitted
 * on a workspace's recent feedback, answer "near-duplicates of this text" and "the theme this text is closest to".
 * An index is built per workspace and kept in memory; see similarity-cache.ts for when it is rebuilt.
 */
import { fitVectorizer, type Vectorizer } from '../clustering/features.ts';
import { fitWhitener, type Whitener } from './theme-space.ts';

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
  /** Entries before this position are the word and character blocks; the sentence vector's follow. */
  lexEnd: number;
  /**
   * The sentence vector as theme scores see it (theme-space.ts: whitened by the themes' own scatter when the index
   * has enough themed items, else the row's own entries), scaled like the row's block: 1/√blocks. Null: none.
   */
  themed: Float32Array | null;
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
 * for triage. Chosen on Banking77's training split for precision ≥ 92 %, the first margin with room (decision 0024):
 * with 5 seed texts per theme, the triage queue filed every 100 items and theme scores in the themes' sentence space
 * (theme-space.ts), 0.3 and 0.14 file 55.5 % of new texts at 92.9 % precision (0.135: 56.5 % at 92.3 %; 0.15: 52.9 %
 * at 93.7 %). Before the theme space the same method chose 0.15: 50.6 % at 93.3 % (decision 0007).
 */
export const AUTO_ASSIGN_MIN = 0.3;
export const AUTO_ASSIGN_MARGIN = 0.14;
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
 * MARGIN_SIZE_POWER for the smaller theme's n (capped at MARGIN_MAX_ITEMS: 0.14 at 5, 0.099 at 20, 0.066 at 100).
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
  private readonly themes = new Map<string, { members: number[]; centre: Centre | null }>();
  /** A query's weights by column; zero everywhere else between queries. */
  private readonly dense: Float32Array;
  /** The themes' sentence space (theme-space.ts), or null: sentence vectors as they are. */
  private whitener: Whitener | null = null;

  private constructor(
    private readonly vectorizer: Vectorizer,
    cols: number,
  ) {
    this.dense = new Float32Array(cols);
  }

  /**
   * `themeSpace: false` keeps theme scores on the sentence vectors as they are (the engine before decision 0024;
   * benchmarks compare the two in one run).
   */
  static build(rows: readonly IndexRow[], opts: { themeSpace?: boolean } = {}): SimilarityIndex {
    const texts = rows.map((r) => r.text);
    // Every word counts, even once: a small workspace's rare words are what near-duplicates share.
    const vectorizer = fitVectorizer(texts, { minDf: 1 });
    const a = vectorizer.transform(texts);
    const index = new SimilarityIndex(vectorizer, a.cols);
    const vecs = rows.map((_, i) => index.row(a.idx.subarray(a.ptr[i]!, a.ptr[i + 1]!), a.val.subarray(a.ptr[i]!, a.ptr[i + 1]!)));
    const dims = a.cols - vectorizer.vectorStart;
    if (dims > 0 && opts.themeSpace !== false) {
      const units = vecs.map((v) => (v.sentence ? unitSentence(v) : null));
      index.whitener = fitWhitener(units, rows.map((r) => r.themeId), dims);
      // One block of memory for all rows: 10,000 small arrays scattered over the heap made theme scores slower.
      const packed = index.whitener ? new Float32Array(vecs.length * dims) : null;
      if (packed) vecs.forEach((v, i) => (v.themed = index.themedSentence(units[i]!, v.blocks, packed.subarray(i * dims, (i + 1) * dims))));
    }
    rows.forEach((r, i) => index.push(r, vecs[i]!));
    return index;
  }

  private row(idx: Int32Array, val: Float32Array): Vec {
    const words = this.vectorizer.terms.length;
    const start = this.vectorizer.vectorStart;
    let word = 0;
    let char = 0;
    let lexEnd = idx.length;
    for (let k = 0; k < idx.length; k++) {
      const c = idx[k]!;
      if (c < words) word = 1;
      else if (c < start) char = 1;
      else {
        lexEnd = k;
        break;
      }
    }
    const sentence = lexEnd < idx.length;
    const v: Vec = { idx, val, blocks: word + char + (sentence ? 1 : 0), sentence, lexEnd, themed: sentence ? val.subarray(lexEnd) : null };
    if (sentence && this.whitener) v.themed = this.themedSentence(unitSentence(v), v.blocks);
    return v;
  }

  /** The whitened sentence vector, scaled as the row's sentence block is (1/√blocks). */
  private themedSentence(unit: Float32Array | null, blocks: number, out = new Float32Array(unit?.length ?? 0)): Float32Array | null {
    if (!unit || !this.whitener) return null;
    if (!this.whitener.apply(unit, out)) return null;
    const s = 1 / Math.sqrt(blocks);
    for (let d = 0; d < out.length; d++) out[d] = out[d]! * s;
    return out;
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
  private withQuery<T>(text: string, fn: (dot: (v: Vec) => number, reweighted: (v: Vec, weight: number) => number, q: Vec) => T): T {
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
        q,
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

  /** A theme's centre: the normalised sum of its members' vectors (the sentence block in the themes' space). */
  private centre(t: { members: number[]; centre: Centre | null }): Centre {
    if (t.centre) return t.centre;
    const sum = new Map<number, number>();
    let themed: Float64Array | null = null;
    for (const m of t.members) {
      const v = this.vectors[m]!;
      for (let k = 0; k < v.lexEnd; k++) sum.set(v.idx[k]!, (sum.get(v.idx[k]!) ?? 0) + v.val[k]!);
      if (v.themed) {
        themed ??= new Float64Array(v.themed.length);
        for (let d = 0; d < v.themed.length; d++) themed[d]! += v.themed[d]!;
      }
    }
    let norm = 0;
    for (const w of sum.values()) norm += w * w;
    if (themed) for (const w of themed) norm += w * w;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const idx = new Int32Array(sum.size);
    const val = new Float32Array(sum.size);
    let k = 0;
    for (const [c, w] of sum) {
      idx[k] = c;
      val[k++] = w * scale;
    }
    t.centre = { idx, val, lexEnd: idx.length, themed: themed ? Float32Array.from(themed, (w) => w * scale) : null };
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
    this.withQuery(text, (_dot, _reweighted, q) => {
      // Word and character blocks as they are, the sentence block in the themes' space.
      const dot = (v: { idx: Int32Array; val: Float32Array; lexEnd: number; themed: Float32Array | null }) => {
        let s = 0;
        for (let k = 0; k < v.lexEnd; k++) s += this.dense[v.idx[k]!]! * v.val[k]!;
        const a = q.themed;
        const b = v.themed;
        if (a && b) for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
        return s;
      };
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

/** A theme's centre: word and character columns (sparse) and the sentence block in the themes' space. */
interface Centre {
  idx: Int32Array;
  val: Float32Array;
  lexEnd: number;
  themed: Float32Array | null;
}

/** The row's sentence block at unit length (a copy). */
function unitSentence(v: Vec): Float32Array {
  const out = v.val.slice(v.lexEnd);
  let norm = 0;
  for (const x of out) norm += x * x;
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < out.length; d++) out[d] = out[d]! * s;
  return out;
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
