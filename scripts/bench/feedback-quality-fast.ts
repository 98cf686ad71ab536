// Issue 13's quality benchmark without a database: Banking77 themes seeded with S training utterances per category,
// then utterances logged one by one in a seeded order. For each: the near-duplicates the quick-log panel would show
// (what POST …/feedback/similar answers) and whether the item files itself into a theme (what POST …/feedback does).
// The decision logic is the service's, by calling the same functions with the same limits:
//   similar  → items.service.ts similar(): index.nearest(text, { since: now − 90 days, limit: 5 }) (min DUPLICATE_MIN)
//   create   → theme-picker.ts: index.closestTheme(text, live themes) then confidentEnough(match); the new item then
//              joins the index with the theme it got (similarity-cache.ts indexAdded).
// The index is rebuilt (SimilarityIndex.build over every item so far, as the cache does when its copy is out of date)
// before the first query and every `rebuildEvery` queries; the service-path bench (feedback-quality.ts) forces the
// same rebuilds, and can replay the ones it saw (`rebuildAt`) to check the two agree.
//
// CLI: node --import tsx scripts/bench/feedback-quality-fast.ts --split dev --seeds 5 [--min 0.2,0.3] [--margin 0,0.05]
//      [--size-power 0,0.25] [--nearest 2,3] [--dup 0.4,0.5,0.6] [--no-dup] [--rebuild-every 100] [--order-seed 42]
//      [--triage file|leave] [--theme-space off]
// prints the current settings' numbers, then shown/first-right over DUPLICATE_MIN (unless --no-dup), then
// coverage/precision over AUTO_ASSIGN_MIN × margin for each margin size power × nearest-member count.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { seededRandom } from '../../apps/server/src/lib/random.ts';
import {
  AUTO_ASSIGN_MARGIN,
  AUTO_ASSIGN_MIN,
  confidentEnough,
  DUPLICATE_MIN,
  SimilarityIndex,
  THEME_RULE,
  type IndexRow,
  type ThemeRule,
} from '../../apps/server/src/modules/feedback/similarity/similarity.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BANKING77 = path.resolve(root, '../shared/datasets/banking77');

/** The quick-log panel asks for near-duplicates only once the text is this long (apps/web … use-feedback.ts). */
export const PANEL_MIN_CHARS = 15;
/** items.service.ts similar(): the five most similar are returned; the panel shows the first three. */
export const SIMILAR_LIMIT = 5;
/** Share of each category's training utterances held out as queries in the dev split. */
export const DEV_HOLDOUT = 0.2;
export const DEFAULT_REBUILD_EVERY = 100;

export type SplitName = 'dev' | 'test';

export interface Utterance {
  text: string;
  category: string;
}

export interface Split {
  name: SplitName;
  seedsPerCategory: number;
  categories: string[];
  /** The themes' first items: S per category, category by category. */
  seeds: Utterance[];
  /** Logged one by one in this (seeded, shuffled) order. */
  queries: Utterance[];
  /** Texts in neither: what the 10,000-item latency run tops the workspace up with and asks about. */
  rest: Utterance[];
  /** Clustering NMI: the texts clustered with k = 77, their categories, and the unlabelled texts idf is fitted on too. */
  clustering: { texts: string[]; gold: string[]; fitTexts: string[] };
}

function readCsv(file: string): Utterance[] {
  const full = path.join(BANKING77, file);
  if (!fs.existsSync(full)) throw new Error(`Banking77 not found: ${full} (expected ../shared/datasets/banking77 beside the checkout)`);
  const rows = parse(fs.readFileSync(full), { columns: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const text = (r.text ?? '').trim();
    if (!text || !r.category) throw new Error(`${full}: row ${i + 2} has no text or no category`);
    return { text, category: r.category };
  });
}

function shuffle<T>(xs: T[], rnd: ReturnType<typeof seededRandom>): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/**
 * dev: seeds and queries both from train.csv, the queries a held-out 20 % of each category (tune here);
 * test: seeds from train.csv, queries all of test.csv (report this). Seeds are the first S of each category's seeded
 * shuffle, so S = 10 holds S = 5's seeds; the held-out part does not depend on S.
 */
export function loadSplit(name: SplitName, seedsPerCategory: number, seed = 42): Split {
  if (name !== 'dev' && name !== 'test') throw new Error(`--split must be dev or test, not "${name}"`);
  if (!Number.isInteger(seedsPerCategory) || seedsPerCategory < 1) throw new Error(`--seeds must be a whole number ≥ 1, not ${seedsPerCategory}`);
  const train = readCsv('train.csv');
  const test = readCsv('test.csv');
  const categories = JSON.parse(fs.readFileSync(path.join(BANKING77, 'categories.json'), 'utf8')) as string[];
  const rnd = seededRandom(seed);
  const byCategory = new Map<string, Utterance[]>(categories.map((c) => [c, []]));
  for (const u of train) {
    const list = byCategory.get(u.category);
    if (!list) throw new Error(`train.csv: category "${u.category}" is not in categories.json`);
    list.push(u);
  }
  const seeds: Utterance[] = [];
  const held: Utterance[] = [];
  const rest: Utterance[] = [];
  for (const c of categories) {
    const list = shuffle([...byCategory.get(c)!], rnd);
    const out = name === 'dev' ? Math.round(list.length * DEV_HOLDOUT) : 0;
    held.push(...list.slice(0, out));
    const pool = list.slice(out);
    if (pool.length < seedsPerCategory) throw new Error(`category ${c} has ${pool.length} training utterances, fewer than --seeds ${seedsPerCategory}`);
    seeds.push(...pool.slice(0, seedsPerCategory));
    rest.push(...pool.slice(seedsPerCategory));
  }
  const queries = shuffle(name === 'dev' ? held : [...test], rnd);
  if (name === 'dev') rest.push(...test);
  const clustering =
    name === 'test'
      ? { texts: test.map((u) => u.text), gold: test.map((u) => u.category), fitTexts: train.map((u) => u.text) }
      : (() => {
          const out = new Set(held);
          return { texts: held.map((u) => u.text), gold: held.map((u) => u.category), fitTexts: train.filter((u) => !out.has(u)).map((u) => u.text) };
        })();
  return { name, seedsPerCategory, categories, seeds, queries, rest: shuffle(rest, rnd), clustering };
}

export interface Thresholds {
  duplicateMin: number;
  autoAssignMin: number;
  autoAssignMargin: number;
  /** The margin's size power (similarity.ts MARGIN_SIZE_POWER) and how many nearest members a theme score averages. */
  sizePower: number;
  nearest: number;
}
export const CURRENT: Thresholds = {
  duplicateMin: DUPLICATE_MIN,
  autoAssignMin: AUTO_ASSIGN_MIN,
  autoAssignMargin: AUTO_ASSIGN_MARGIN,
  sizePower: THEME_RULE.sizePower,
  nearest: THEME_RULE.nearest,
};

/** What happened to one logged utterance. */
export interface Outcome {
  category: string;
  /** Long enough for the panel to ask. */
  asked: boolean;
  /** The first near-duplicate returned (at the duplicate threshold used for the run), if any. */
  top: { category: string; similarity: number } | null;
  /** How many near-duplicates came back (≤ 5). */
  hits: number;
  /** The category whose theme it joined on its own, or null (triage). */
  assigned: string | null;
  /** closestTheme's answer, for looking at misses. */
  match: { category: string; similarity: number; runnerUp: number } | null;
}

export interface Summary {
  queries: number;
  coverage: number;
  precision: number;
  assigned: number;
  right: number;
  /** Share of queries for which the panel shows at least one near-duplicate (texts under 15 characters: none). */
  shownRate: number;
  /** Of those, the share whose first near-duplicate is of the query's category. */
  firstRight: number;
  shown: number;
  /** The API's answer without the panel's length rule. */
  apiShownRate: number;
  apiFirstRight: number;
  /**
   * Share of queries whose closest theme is their own category, filed or not: what any confidence rule on this
   * score can at best file correctly, so coverage at precision p is at most closestRight / p.
   */
  closestRight: number;
}

/** Scores outcomes; `duplicateMin` ≥ the run's threshold re-reads the near-duplicates at a stricter one. */
export function summarize(outcomes: readonly Outcome[], duplicateMin?: number): Summary {
  const n = outcomes.length;
  const hit = (o: Outcome) => !!o.top && (duplicateMin === undefined || o.top.similarity >= duplicateMin);
  const assigned = outcomes.filter((o) => o.assigned !== null);
  const right = assigned.filter((o) => o.assigned === o.category).length;
  const api = outcomes.filter(hit);
  const shown = api.filter((o) => o.asked);
  const ok = (xs: Outcome[]) => xs.filter((o) => o.top!.category === o.category).length;
  return {
    queries: n,
    coverage: assigned.length / Math.max(1, n),
    precision: right / Math.max(1, assigned.length),
    assigned: assigned.length,
    right,
    shownRate: shown.length / Math.max(1, n),
    firstRight: ok(shown) / Math.max(1, shown.length),
    shown: shown.length,
    apiShownRate: api.length / Math.max(1, n),
    apiFirstRight: ok(api) / Math.max(1, api.length),
    closestRight: outcomes.filter((o) => o.match?.category === o.category).length / Math.max(1, n),
  };
}

export interface EvaluateOptions {
  split: SplitName | Split;
  seeds?: number;
  /** Order and split seed. */
  seed?: number;
  /** Unset: the engine's own constants and confidentEnough, exactly as the service. */
  thresholds?: Partial<Thresholds>;
  rebuildEvery?: number;
  /** Replay: rebuild before exactly these query positions (0 = before the first query is always a build). */
  rebuildAt?: ReadonlySet<number>;
  /** Skip the near-duplicate queries (an auto-assignment sweep does not need them: they change nothing). */
  duplicates?: boolean;
  /**
   * What happens to the items that went to triage: `file` (default) — a PMM files them into their category's theme
   * every `rebuildEvery` items, as the triage page is for; `leave` — nobody triages, themes grow only by what the
   * engine files itself (wrong items included). Auto-assigned items are never corrected in either.
   */
  triage?: TriageMode;
  /** false: theme scores on the raw sentence vectors (the engine before decision 0024), for before/after in one run. */
  themeSpace?: boolean;
}

export type TriageMode = 'file' | 'leave';

export interface Evaluation {
  split: Split;
  outcomes: Outcome[];
  summary: Summary;
  builds: number;
  seconds: number;
}

/** The service's decisions, in process. */
export function evaluate(opts: EvaluateOptions): Evaluation {
  const started = performance.now();
  const split = typeof opts.split === 'string' ? loadSplit(opts.split, opts.seeds ?? 5, opts.seed ?? 42) : opts.split;
  const t = opts.thresholds;
  const rule: ThemeRule = {
    min: t?.autoAssignMin ?? THEME_RULE.min,
    margin: t?.autoAssignMargin ?? THEME_RULE.margin,
    sizePower: t?.sizePower ?? THEME_RULE.sizePower,
    nearest: t?.nearest ?? THEME_RULE.nearest,
  };
  const rebuildEvery = opts.rebuildEvery ?? DEFAULT_REBUILD_EVERY;
  const observedAt = new Date();
  const since = new Date(observedAt.getTime() - 90 * 86_400_000);
  const live = new Set(split.categories);

  const rows: IndexRow[] = split.seeds.map((u, i) => ({ id: `s${i}`, text: u.text, themeId: u.category, observedAt, submittedByUserId: null }));
  const categoryOf = new Map<string, string>(split.seeds.map((u, i) => [`s${i}`, u.category]));
  let index: SimilarityIndex | null = null;
  let builds = 0;
  const outcomes: Outcome[] = [];
  const untriaged: { row: IndexRow; category: string }[] = [];
  split.queries.forEach((u, q) => {
    if ((opts.triage ?? 'file') === 'file' && q % rebuildEvery === 0) for (const p of untriaged.splice(0)) p.row.themeId = p.category;
    const rebuild = opts.rebuildAt ? opts.rebuildAt.has(q) || q === 0 : q % rebuildEvery === 0;
    if (rebuild || !index) {
      index = SimilarityIndex.build(rows, { themeSpace: opts.themeSpace });
      builds++;
    }
    let top: Outcome['top'] = null;
    let hits = 0;
    if (opts.duplicates !== false) {
      const found = index.nearest(u.text, t?.duplicateMin === undefined ? { since, limit: SIMILAR_LIMIT } : { since, limit: SIMILAR_LIMIT, min: t.duplicateMin });
      hits = found.length;
      if (found[0]) top = { category: categoryOf.get(found[0].row.id)!, similarity: found[0].similarity };
    }
    const m = index.closestTheme(u.text, live, rule.nearest);
    const assigned = m && confidentEnough(m, rule) ? m.themeId : null;
    const row: IndexRow = { id: `q${q}`, text: u.text, themeId: assigned, observedAt, submittedByUserId: null };
    rows.push(row);
    categoryOf.set(row.id, u.category);
    if (!assigned) untriaged.push({ row, category: u.category });
    index.add(row);
    outcomes.push({
      category: u.category,
      asked: u.text.trim().length >= PANEL_MIN_CHARS,
      top,
      hits,
      assigned,
      match: m ? { category: m.themeId, similarity: m.similarity, runnerUp: m.runnerUp } : null,
    });
  });
  return { split, outcomes, summary: summarize(outcomes), builds, seconds: (performance.now() - started) / 1000 };
}

export const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function summaryLine(label: string, s: Summary) {
  return (
    `${label}: coverage ${pct(s.coverage)} (${s.assigned}/${s.queries}), precision ${pct(s.precision)} (${s.right}/${s.assigned}), ` +
    `near-duplicate shown ${pct(s.shownRate)} (${s.shown}/${s.queries}), first shown right ${pct(s.firstRight)}, ` +
    `closest theme right ${pct(s.closestRight)} (bounds coverage at 92 % precision to ${pct(Math.min(1, s.closestRight / 0.92))})`
  );
}

// ---------------------------------------------------------------- CLI: a threshold sweep

function list(args: string[], name: string, fallback: number[]): number[] {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const xs = (args[i + 1] ?? '').split(',').map(Number);
  if (!xs.length || xs.some((x) => !Number.isFinite(x))) throw new Error(`${name} needs numbers separated by commas, e.g. ${name} ${fallback.join(',')}`);
  return xs;
}

async function main(args: string[]) {
  const one = (name: string, fallback: number) => list(args, name, [fallback])[0]!;
  const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'dev';
  const seeds = one('--seeds', 5);
  const rebuildEvery = one('--rebuild-every', DEFAULT_REBUILD_EVERY);
  const orderSeed = one('--order-seed', 42);
  const mins = list(args, '--min', [0.2, 0.25, 0.3, 0.35, 0.4]);
  const margins = list(args, '--margin', [0, 0.02, 0.05, 0.08]);
  const dups = list(args, '--dup', [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]);
  const powers = list(args, '--size-power', [THEME_RULE.sizePower]);
  const nearests = list(args, '--nearest', [THEME_RULE.nearest]);
  const noDup = args.includes('--no-dup');
  const split = loadSplit(splitArg as SplitName, seeds, orderSeed);
  const triage = (args.includes('--triage') ? args[args.indexOf('--triage') + 1] : 'file') as TriageMode;
  if (triage !== 'file' && triage !== 'leave') throw new Error(`--triage must be file or leave, not "${triage}"`);
  const themeSpaceArg = args.includes('--theme-space') ? args[args.indexOf('--theme-space') + 1] : 'on';
  if (themeSpaceArg !== 'on' && themeSpaceArg !== 'off') throw new Error(`--theme-space must be on or off, not "${themeSpaceArg}"`);
  const themeSpace = themeSpaceArg === 'on';
  console.log(
    `feedback-quality-fast: Banking77 ${split.name} split, ${seeds} seeds × ${split.categories.length} themes, ${split.queries.length} queries, ` +
      `index rebuilt every ${rebuildEvery} items, triage ${triage === 'file' ? 'filed by a PMM every ' + rebuildEvery + ' items' : 'left alone'}; engine settings DUPLICATE_MIN ${DUPLICATE_MIN}, AUTO_ASSIGN_MIN ${AUTO_ASSIGN_MIN}, margin ${AUTO_ASSIGN_MARGIN} × (5 / n)^${THEME_RULE.sizePower}, ${THEME_RULE.nearest} nearest members`,
  );
  const base = evaluate({ split, rebuildEvery, triage, themeSpace });
  console.log(`${summaryLine('current settings', base.summary)} (${base.seconds.toFixed(1)} s, ${base.builds} index builds)`);

  // Near-duplicates do not change what the index holds, so one run at the lowest threshold answers them all.
  if (!noDup) printDuplicates(split, rebuildEvery, triage, dups);
  for (const sizePower of powers) {
    for (const nearest of nearests) {
      console.log(`\ncoverage / precision by AUTO_ASSIGN_MIN (rows) × AUTO_ASSIGN_MARGIN (columns), margin × (5 / n)^${sizePower}, ${nearest} nearest members`);
      console.log(`| min \\ margin | ${margins.join(' | ')} |`);
      console.log(`| --- | ${margins.map(() => '---').join(' | ')} |`);
      for (const min of mins) {
        const cells = margins.map((margin) => {
          const s = evaluate({ split, rebuildEvery, triage, themeSpace, duplicates: false, thresholds: { autoAssignMin: min, autoAssignMargin: margin, sizePower, nearest } }).summary;
          return `${pct(s.coverage)} / ${pct(s.precision)} (closest right ${pct(s.closestRight)})`;
        });
        console.log(`| ${min} | ${cells.join(' | ')} |`);
      }
    }
  }
}

function printDuplicates(split: Split, rebuildEvery: number, triage: TriageMode, dups: number[]) {
  const low = evaluate({ split, rebuildEvery, triage, thresholds: { duplicateMin: Math.min(...dups) } });
  console.log('\n| DUPLICATE_MIN | shown (panel) | first shown right | API answered | API first right |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const d of dups) {
    const s = summarize(low.outcomes, d);
    console.log(`| ${d} | ${pct(s.shownRate)} | ${pct(s.firstRight)} | ${pct(s.apiShownRate)} | ${pct(s.apiFirstRight)} |`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
