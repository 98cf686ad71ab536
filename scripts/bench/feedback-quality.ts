// Issue 13's quality benchmark through the service, on a real PostgreSQL: Banking77 themes seeded with S training
// utterances per category (named by the category), then the split's queries logged one by one as new feedback
// through the feedback service's create() (what POST /api/v1/workspaces/:slug/feedback runs), each preceded by the
// quick-log panel's near-duplicate call, similar() (POST …/feedback/similar). Then the similar call's latency with
// 10,000 items in the workspace, and the engine's clustering NMI (k = 77) as the themes bench computes it.
//
// Database: a fresh database on TEST_DATABASE_URL's server (created, migrated and dropped here), else an embedded
// PostgreSQL in a temp folder. The index is rebuilt every `rebuildEvery` items (by dropping the cached copy, as a
// theme change does); the builds the service made are recorded and replayed by the fast path
// (feedback-quality-fast.ts) to check that both take the same decisions.
//
// node --import tsx scripts/bench/feedback-quality.ts --split test --seeds 5   (npm run bench -- feedback … runs it)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { ensureDatabase, ensureEmbeddedPostgres } from '../../apps/server/src/db/embedded.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import type { TenantContext } from '../../apps/server/src/lib/context.ts';
import { useWordVectors, wordVectors } from '../../apps/server/src/lib/word-vectors/index.ts';
import { feedbackRepository } from '../../apps/server/src/modules/feedback/items/items.repository.ts';
import { forgetIndex as indexChanged } from '../../apps/server/src/modules/feedback/similarity/similarity-cache.ts';
import { SimilarityIndex } from '../../apps/server/src/modules/feedback/similarity/similarity.ts';
import { resolveSecret } from '../../apps/server/src/modules/system/index.ts';
import { createServices } from '../../apps/server/src/services.ts';
import {
  CURRENT,
  DEFAULT_REBUILD_EVERY,
  evaluate,
  loadSplit,
  PANEL_MIN_CHARS,
  pct,
  summarize,
  type Outcome,
  type SplitName,
  type Summary,
  type TriageMode,
} from './feedback-quality-fast.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The quick-log form waits this long after the last keystroke before asking (useDebouncedValue in quick-log-modal.tsx). */
const WEB_DEBOUNCE_FILE = path.join(root, 'apps/web/src/modules/feedback/components/capture/quick-log-modal.tsx');
const LATENCY_ITEMS = 10_000;
const LATENCY_QUERIES = 200;

export interface QualityOptions {
  split: SplitName;
  seeds: number;
  seed?: number;
  rebuildEvery?: number;
  /** Also seed 10,000 items and time the similar call (default true). */
  latency?: boolean;
  /** Items sent to triage are filed into their category's theme every `rebuildEvery` items (`file`, default), or left. */
  triage?: TriageMode;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const ms = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms (n = ${xs.length})`;

/** A fresh, migrated database and how to get rid of it. */
async function freshDatabase(): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `tandem_bench_quality_${randomBytes(4).toString('hex')}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`create database ${name}`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    await runMigrations(u.toString());
    const version = await versionOf(u.toString());
    return { url: u.toString(), label: `TEST_DATABASE_URL server, PostgreSQL ${version}`, drop: () => admin(`drop database if exists ${name} with (force)`) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-quality-'));
  fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const embedded = await ensureEmbeddedPostgres({ dataDir: dir, role: 'owner' });
  await ensureDatabase(embedded.url);
  await runMigrations(embedded.url);
  const version = await versionOf(embedded.url);
  return {
    url: embedded.url,
    label: `embedded PostgreSQL ${version}`,
    drop: async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function versionOf(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('show server_version')).rows[0].server_version as string;
  } finally {
    await c.end();
  }
}

export interface QualityResult {
  split: SplitName;
  triage: TriageMode;
  seeds: number;
  queries: number;
  database: string;
  service: Summary;
  fast: Summary;
  agree: boolean;
  disagreements: number;
  builds: number;
  /** Query positions before which the service rebuilt its index (forced every `rebuildEvery`, or its own 30 s rule). */
  rebuildAt: number[];
  rebuildEvery: number;
  /** similar() during the run: calls that used the cached index, and calls that rebuilt it. */
  similarWarm: number[];
  similarRebuild: number[];
  create: number[];
  latency?: {
    items: number;
    serviceWarm: number[];
    httpWarm: number[];
    rebuild: number[];
    shown: number;
  };
  debounceMs: number | null;
  nmi: { nmi: number; ari: number; accuracy: number; seconds: number; on: string };
  /**
   * The same run's numbers without word vectors (words and character n-grams only, as before issue 13): the fast path
   * over the same split with the engine's settings and with the settings before (DUPLICATE_MIN 0.6, a fixed margin
   * 0.05), and the clustering NMI. Null when the vectors are not installed (then the run itself is "without").
   */
  withoutVectors: { fast: Summary; fastOldSettings: Summary; nmi: number } | null;
  /** The fast path with theme scores on the raw sentence vectors and the margin before decision 0024. */
  withoutThemeSpace: Summary;
  seconds: number;
}

/** Runs `fn` as if the word-vector package were not installed, then puts the vectors back. */
export async function withoutWordVectors<T>(fn: () => T | Promise<T>): Promise<T> {
  const bytes = wordVectors()?.bytes ?? null;
  useWordVectors(null);
  try {
    return await fn();
  } finally {
    useWordVectors(bytes);
  }
}

export async function feedbackQuality(opts: QualityOptions): Promise<QualityResult> {
  const started = performance.now();
  const rebuildEvery = opts.rebuildEvery ?? DEFAULT_REBUILD_EVERY;
  const split = loadSplit(opts.split, opts.seeds, opts.seed ?? 42);

  // Which index builds the service makes (the count of items each was built over), to replay them in process.
  const builds: number[] = [];
  let recording = true;
  const build = SimilarityIndex.build.bind(SimilarityIndex);
  SimilarityIndex.build = (rows, buildOpts) => {
    if (recording) builds.push(rows.length);
    return build(rows, buildOpts);
  };

  const db = await freshDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-quality-data-'));
  const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_UNDO_SECONDS: '0', TANDEM_PUBLIC_URL: 'http://tandem.test', TANDEM_DATA_DIR: dataDir });
  const database = openDatabase(db.url, { max: 5 });
  const log = pino({ level: 'silent' });
  const services = createServices({ config, database, secret: await resolveSecret(database.db, config.TANDEM_SECRET), log });
  const app = await buildApp({ services, logger: log, webDist: false });
  await app.ready();
  try {
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { name: 'Bench Rep', email: 'bench@bank.test', password: 'correct horse battery', workspaceName: 'Banking77', workspaceSlug: 'banking77' },
    });
    if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.statusCode} ${setup.body}`);
    const session = setup.json() as { user: { id: string; name: string }; csrfToken: string; memberships: { workspaceId: string; slug: string }[] };
    const cookie = setup.cookies.find((c) => c.name === 'tandem_session');
    const ws = session.memberships[0];
    if (!cookie || !ws) throw new Error(`setup answered without a session cookie or workspace: ${setup.body.slice(0, 500)}`);
    const ctx: TenantContext = {
      workspaceId: ws.workspaceId,
      slug: ws.slug,
      role: 'admin',
      actor: { userId: session.user.id, name: session.user.name, via: 'session', ip: null, requestId: null },
    };

    // Themes: S utterances per category logged as feedback (no theme exists yet, so none is placed), then a theme per
    // category created with them, named by the category.
    const seedIds = new Map<string, string[]>();
    const categoryOf = new Map<string, string>();
    for (const u of split.seeds) {
      const { item } = await services.feedback.create(ctx, { kind: 'pain_point', text: u.text });
      categoryOf.set(item.id, u.category);
      seedIds.set(u.category, [...(seedIds.get(u.category) ?? []), item.id]);
    }
    const themeCategory = new Map<string, string>();
    for (const c of split.categories) {
      const theme = await services.themes.create(ctx, { name: c.replaceAll('_', ' '), itemIds: seedIds.get(c) ?? [] });
      themeCategory.set(theme.id, c);
    }

    const outcomes: Outcome[] = [];
    const rebuildAt = new Set<number>();
    const similarWarm: number[] = [];
    const similarRebuild: number[] = [];
    const create: number[] = [];
    const themeOf = new Map([...themeCategory].map(([id, c]) => [c, id]));
    const untriaged = new Map<string, string[]>();
    for (let q = 0; q < split.queries.length; q++) {
      const u = split.queries[q]!;
      if (q % rebuildEvery === 0 && (opts.triage ?? 'file') === 'file') {
        // The PMM's triage: what waits goes to its category's theme (moveItems, as the triage page does).
        for (const [c, ids] of untriaged) await services.themes.moveItems(ctx, ids, themeOf.get(c)!);
        untriaged.clear();
      }
      if (q % rebuildEvery === 0) indexChanged(ctx.workspaceId);
      const before = builds.length;
      let t0 = performance.now();
      const similar = await services.feedback.similar(ctx, u.text);
      (builds.length > before ? similarRebuild : similarWarm).push(performance.now() - t0);
      if (builds.length > before) rebuildAt.add(builds.at(-1)! - split.seeds.length);
      const first = similar.items[0];
      const beforeCreate = builds.length;
      t0 = performance.now();
      const created = await services.feedback.create(ctx, { kind: 'pain_point', text: u.text });
      create.push(performance.now() - t0);
      if (builds.length > beforeCreate) rebuildAt.add(builds.at(-1)! - split.seeds.length);
      categoryOf.set(created.item.id, u.category);
      if (!created.autoAssigned) untriaged.set(u.category, [...(untriaged.get(u.category) ?? []), created.item.id]);
      const assigned = created.autoAssigned ? (themeCategory.get(created.autoAssigned.theme.id) ?? '?') : null;
      outcomes.push({
        category: u.category,
        asked: u.text.length >= PANEL_MIN_CHARS,
        top: first ? { category: categoryOf.get(first.id) ?? '?', similarity: first.similarity } : null,
        hits: similar.items.length,
        assigned,
        match: null,
      });
      if ((q + 1) % 500 === 0) process.stderr.write(`feedback-quality: ${q + 1}/${split.queries.length} logged\n`);
    }
    const service = summarize(outcomes);

    // The same decisions in process, replaying the service's index builds.
    recording = false;
    const fast = evaluate({ split, rebuildAt, triage: opts.triage ?? 'file' });
    recording = true;
    let disagreements = 0;
    fast.outcomes.forEach((o, i) => {
      const s = outcomes[i]!;
      if (o.assigned !== s.assigned || (o.top?.category ?? null) !== (s.top?.category ?? null) || o.hits !== s.hits) disagreements++;
    });
    const agree = fast.summary.assigned === service.assigned && fast.summary.right === service.right && fast.summary.shown === service.shown;

    // Latency at 10,000 items: top the workspace up with Banking77 texts it does not hold, ask with others it does not
    // hold (paraphrases of what it holds).
    let latency: QualityResult['latency'];
    if (opts.latency !== false) {
      const held = split.seeds.length + split.queries.length;
      const missing = Math.max(0, LATENCY_ITEMS - held);
      const fill = split.rest.slice(0, missing);
      const asks = split.rest.slice(missing, missing + LATENCY_QUERIES);
      if (fill.length < missing || asks.length < LATENCY_QUERIES) throw new Error(`Banking77 has too few texts left to reach ${LATENCY_ITEMS} items`);
      await database.withTenant(ctx.workspaceId, async (tx) => {
        for (let i = 0; i < fill.length; i += 1000) {
          await feedbackRepository.insertItems(
            tx,
            fill.slice(i, i + 1000).map((u) => ({ workspaceId: ctx.workspaceId, kind: 'pain_point' as const, text: u.text, source: 'call' as const, submittedByUserId: ctx.actor.userId })),
          );
        }
      });
      const rebuild: number[] = [];
      for (let i = 0; i < 3; i++) {
        indexChanged(ctx.workspaceId);
        const t0 = performance.now();
        await services.feedback.similar(ctx, asks[i]!.text);
        rebuild.push(performance.now() - t0);
      }
      const serviceWarm: number[] = [];
      let shown = 0;
      for (const u of asks) {
        const t0 = performance.now();
        const r = await services.feedback.similar(ctx, u.text);
        serviceWarm.push(performance.now() - t0);
        if (r.items.length && u.text.length >= PANEL_MIN_CHARS) shown++;
      }
      const headers = { cookie: `tandem_session=${cookie.value}`, 'x-csrf-token': session.csrfToken };
      const httpWarm: number[] = [];
      for (const u of asks) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'POST', url: `/api/v1/workspaces/${ctx.slug}/feedback/similar`, headers, payload: { text: u.text } });
        httpWarm.push(performance.now() - t0);
        if (res.statusCode !== 200) throw new Error(`POST …/feedback/similar answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      const size = builds.at(-1) ?? 0;
      latency = { items: size, serviceWarm, httpWarm, rebuild, shown };
    }

    const { engineScores } = await import('./themes.mjs');
    const nmi = await engineScores(split.clustering);
    // Before and after on the same machine run: the engine without its word vectors, same split and order.
    const withoutVectors = wordVectors()
      ? await withoutWordVectors(async () => ({
          fast: evaluate({ split, rebuildEvery, triage: opts.triage }).summary,
          fastOldSettings: evaluate({
            split,
            rebuildEvery,
            triage: opts.triage,
            thresholds: { duplicateMin: 0.6, autoAssignMin: 0.3, autoAssignMargin: 0.05, sizePower: 0, nearest: 3 },
          }).summary,
          nmi: (await engineScores(split.clustering)).nmi,
        }))
      : null;
    // Before and after decision 0024 on the same run: theme scores on the raw sentence vectors, at the margin chosen then.
    const withoutThemeSpace = evaluate({ split, rebuildEvery, triage: opts.triage, themeSpace: false, thresholds: { autoAssignMargin: MARGIN_BEFORE_THEME_SPACE } }).summary;
    const debounce = /useDebouncedValue\(values\.text,\s*(\d+)\)/.exec(fs.readFileSync(WEB_DEBOUNCE_FILE, 'utf8'));
    return {
      split: split.name,
      triage: opts.triage ?? 'file',
      seeds: opts.seeds,
      queries: split.queries.length,
      database: db.label,
      service,
      fast: fast.summary,
      agree,
      disagreements,
      builds: builds.length,
      rebuildAt: [...rebuildAt].sort((a, b) => a - b),
      rebuildEvery,
      similarWarm,
      similarRebuild,
      create,
      latency,
      debounceMs: debounce ? Number(debounce[1]) : null,
      nmi: { ...nmi, on: split.name === 'test' ? 'Banking77 test (3,080 texts)' : `the dev queries (${split.clustering.texts.length} texts)` },
      withoutVectors,
      withoutThemeSpace,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    SimilarityIndex.build = build;
    await app.close();
    await database.close();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** AUTO_ASSIGN_MARGIN before decision 0024 (theme scores on the raw sentence vectors). */
const MARGIN_BEFORE_THEME_SPACE = 0.15;

/** Prints the result: details, one greppable summary line, and a row for docs/benchmarks.md. */
export function report(r: QualityResult) {
  const s = r.service;
  const f3 = (x: number) => x.toFixed(3);
  console.log(
    `feedback-quality: Banking77 ${r.split} split, ${r.seeds} seeds per category (77 themes), ${r.queries.toLocaleString('en-US')} utterances logged ` +
      `through the service in a seeded order (${r.database}; index rebuilt every ${r.rebuildEvery} items, ${r.rebuildAt.length} builds; ` +
      `${r.triage === 'file' ? `triage filed into the right theme every ${r.rebuildEvery} items, as a PMM would` : 'nobody triages'}; ${r.seconds.toFixed(0)} s)`,
  );
  const own = r.rebuildAt.filter((q) => q % r.rebuildEvery !== 0);
  if (own.length) console.log(`feedback-quality: the service also rebuilt on its own (30 s rule) before utterances ${own.join(', ')}`);
  console.log(
    `feedback-quality: settings DUPLICATE_MIN ${CURRENT.duplicateMin}, AUTO_ASSIGN_MIN ${CURRENT.autoAssignMin}, AUTO_ASSIGN_MARGIN ${CURRENT.autoAssignMargin} × (5 / n)^${CURRENT.sizePower}, ${CURRENT.nearest} nearest members`,
  );
  console.log(
    `feedback-quality: near-duplicates: the panel shows one for ${pct(s.shownRate)} of utterances (${s.shown}; none under ${PANEL_MIN_CHARS} characters), ` +
      `first shown right ${pct(s.firstRight)}; the API answers ${pct(s.apiShownRate)}, first right ${pct(s.apiFirstRight)}`,
  );
  console.log(`feedback-quality: similar() during the run, cached index: ${ms(r.similarWarm)}; rebuilding the index: ${ms(r.similarRebuild)}; create(): ${ms(r.create)}`);
  console.log(
    `feedback-quality: fast path (in process, same builds replayed): coverage ${pct(r.fast.coverage)}, precision ${pct(r.fast.precision)}, ` +
      `shown ${pct(r.fast.shownRate)}, first right ${pct(r.fast.firstRight)}, closest theme right ${pct(r.fast.closestRight)}: ${r.agree ? 'agrees with the service' : `DIFFERS from the service`} ` +
      `(${r.disagreements} utterances decided differently)`,
  );
  if (r.latency) {
    const l = r.latency;
    console.log(
      `feedback-quality: similar() at ${l.items.toLocaleString('en-US')} items: service ${ms(l.serviceWarm)}; POST …/feedback/similar (app.inject) ${ms(l.httpWarm)}; ` +
        `first call after a change (index rebuilt) ${ms(l.rebuild)}; panel shows one for ${l.shown}/${l.serviceWarm.length} paraphrases`,
    );
    const p95 = quantile(l.httpWarm, 0.95);
    if (r.debounceMs !== null) {
      console.log(
        `feedback-quality: quick-log panel: debounce ${r.debounceMs} ms + API p95 ${p95.toFixed(0)} ms = ${(r.debounceMs + p95).toFixed(0)} ms after the last keystroke ` +
          `(target ≤ 300 ms: ${r.debounceMs + p95 <= 300 ? 'within' : 'OVER'}; after a change the first call rebuilds: ${(r.debounceMs + quantile(l.rebuild, 0.5)).toFixed(0)} ms)`,
      );
    }
  }
  console.log(`feedback-quality: clustering ${r.nmi.on}, k = 77 (clusterTexts, as the themes bench): NMI ${f3(r.nmi.nmi)}, ARI ${f3(r.nmi.ari)}, accuracy ${f3(r.nmi.accuracy)} (${r.nmi.seconds.toFixed(1)} s)`);
  if (r.withoutVectors) {
    const w = r.withoutVectors;
    console.log(
      `feedback-quality: same run without word vectors (fast path, words and character n-grams only): engine settings: coverage ${pct(w.fast.coverage)}, ` +
        `precision ${pct(w.fast.precision)}, shown ${pct(w.fast.shownRate)}, first right ${pct(w.fast.firstRight)}, closest theme right ${pct(w.fast.closestRight)}; ` +
        `settings before issue 13 (DUPLICATE_MIN 0.6, fixed margin 0.05, 3 nearest): coverage ${pct(w.fastOldSettings.coverage)}, precision ${pct(w.fastOldSettings.precision)}, ` +
        `shown ${pct(w.fastOldSettings.shownRate)}, first right ${pct(w.fastOldSettings.firstRight)}; clustering NMI ${f3(w.nmi)} (with vectors ${f3(r.nmi.nmi)})`,
    );
  } else {
    console.log('feedback-quality: word vectors not installed: this run is the engine without them (no before/after pair)');
  }
  const b = r.withoutThemeSpace;
  console.log(
    `feedback-quality: same run before the themes' sentence space (decision 0024; fast path, margin ${MARGIN_BEFORE_THEME_SPACE}): coverage ${pct(b.coverage)}, ` +
      `precision ${pct(b.precision)}, closest theme right ${pct(b.closestRight)} (after: ${pct(r.fast.coverage)}, ${pct(r.fast.precision)}, ${pct(r.fast.closestRight)})`,
  );
  console.log(`feedback-quality: load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end of the run, ${os.cpus().length} cores`);
  const lat = r.latency ? `${quantile(r.latency.httpWarm, 0.5).toFixed(0)}/${quantile(r.latency.httpWarm, 0.95).toFixed(0)} ms` : 'n/a';
  console.log(
    `feedback-quality summary: split=${r.split} seeds=${r.seeds} coverage=${pct(s.coverage)} precision=${pct(s.precision)} ` +
      `dup_shown=${pct(s.shownRate)} dup_first_right=${pct(s.firstRight)} similar_10k_p50/p95=${lat} nmi=${f3(r.nmi.nmi)} nmi_without_vectors=${r.withoutVectors ? f3(r.withoutVectors.nmi) : 'n/a'} fast_agrees=${r.agree}`,
  );
  const date = new Date().toISOString().slice(0, 10);
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* not a git checkout */
  }
  console.log(
    `| ${date} | ${commit} | ${r.split} | ${r.seeds} | ${r.queries.toLocaleString('en-US')} | ${pct(s.coverage)} | ${pct(s.precision)} | ${pct(s.shownRate)} | ${pct(s.firstRight)} | ` +
      `${r.latency ? `${quantile(r.latency.httpWarm, 0.5).toFixed(0)} / ${quantile(r.latency.httpWarm, 0.95).toFixed(0)} ms (rebuild ${quantile(r.latency.rebuild, 0.5).toFixed(0)} ms)` : 'n/a'} | ` +
      `${f3(r.nmi.nmi)} ${r.split === 'test' ? '(test)' : '(dev)'} |`,
  );
  return s.coverage >= 0.8 && s.precision >= 0.92 && s.firstRight >= 0.65;
}

function parseArgs(args: string[]): QualityOptions {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const split = (value('--split') ?? 'test') as SplitName;
  if (split !== 'dev' && split !== 'test') throw new Error(`--split must be dev or test, not "${split}"`);
  const whole = (name: string, fallback: number) => {
    const v = value(name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number of at least 1, not "${v}"`);
    return n;
  };
  return {
    split,
    seeds: whole('--seeds', 5),
    seed: whole('--order-seed', 42),
    rebuildEvery: whole('--rebuild-every', DEFAULT_REBUILD_EVERY),
    latency: !args.includes('--no-latency'),
    triage: (() => {
      const t = value('--triage') ?? 'file';
      if (t !== 'file' && t !== 'leave') throw new Error(`--triage must be file or leave, not "${t}"`);
      return t;
    })(),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts: QualityOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
  feedbackQuality(opts)
    .then((r) => {
      report(r);
      // Targets (issue 13) are reported, not gated: the numbers before the word vectors are the baseline.
      process.exit(r.agree ? 0 : 1);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    });
}
