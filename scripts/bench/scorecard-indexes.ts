// The scorecard's read indexes (migration 0019, decision 0021) measured side by side in one run, on the database
// `npm run bench -- scorecard` keeps: SCORECARD_BENCH_DATABASE_URL=postgres://…/postgres SCORECARD_BENCH_KEEP=1
// (`--scale N` names it). This checkout's server answers every call; rounds alternate between the database with
// deals_open_stage_idx and deals_revenue_idx and without them (dropped, then built again from the migration's SQL),
// in alternating order. After each switch one cold read is left out (the index build's writes settle); then one deal
// closed this quarter changes (a CRM sync), so the next scorecard call is the cold read and the one after it the warm one; then EXPLAIN ANALYZE times the two statements the indexes serve
// (open pipeline by stage, revenue at stake behind the themes). The database is kept with its indexes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
// @ts-expect-error a JavaScript module of the benchmarks
import { freePort, waitFor } from './tandem-server.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const scaleAt = process.argv.indexOf('--scale');
const DEALS = Number(scaleAt === -1 ? 1_000_000 : process.argv[scaleAt + 1]);
const ROUNDS = Number(process.env.SCORECARD_BENCH_ROUNDS ?? 6);
const SERVER_URL = process.env.SCORECARD_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(SERVER_URL);
url.pathname = `/tandem_bench_scorecard_${DEALS}`;
const DB = url.toString();
const INDEX_SQL = fs
  .readFileSync(path.join(root, 'apps/server/drizzle/0019_deal_read_indexes.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main() {
  const client = new pg.Client({ connectionString: DB });
  await client.connect().catch(() => {
    throw new Error(`no database ${url.pathname.slice(1)}: run the scorecard bench with SCORECARD_BENCH_DATABASE_URL and SCORECARD_BENCH_KEEP=1 first`);
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-indexes-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'apps/server/bin/tandem.js'), 'start'], {
    cwd: root,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: DB, TANDEM_WORKERS: '0', TANDEM_DEMO: '0', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(`${base}readyz`, 600_000);
    const login = await fetch(`${base}api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@bench.test', password: 'correct horse battery' }),
    });
    if (login.status !== 200) throw new Error(`sign-in: ${login.status}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const ws = (await client.query(`select id from workspaces where slug = 'bench'`)).rows[0].id as string;
    const n = (await client.query(`select count(*)::int as n from deals where workspace_id = $1`, [ws])).rows[0].n as number;
    const deal = (
      await client.query(
        `select id from deals where workspace_id = $1 and stage_category = 'won' and close_date >= date_trunc('quarter', now())::date order by close_date desc limit 1`,
        [ws],
      )
    ).rows[0].id;
    const pipelineSql = `select d.stage, count(*)::int, coalesce(sum(d.amount_base), 0)::text, count(*) filter (where d.amount_base is null)::int, max(d.probability)
      from deals d where d.workspace_id = $1 and d.removed_at is null and d.stage_category = 'open' group by d.stage order by max(d.probability) nulls last, d.stage`;
    const themesSql = `with ids as (select id from themes where workspace_id = $1 and merged_into_id is null and status not in ('addressed', 'wont_address')),
      td as (select l.theme_id, l.deal_id from (
          select i.theme_id, i.deal_id from feedback_items i where i.workspace_id = $1 and i.theme_id in (select id from ids) and i.deal_id is not null
          union all
          select i.theme_id, d.id from feedback_items i join deals d on d.workspace_id = i.workspace_id and d.account_id = i.account_id
          where i.workspace_id = $1 and i.theme_id in (select id from ids) and i.deal_id is null and i.account_id is not null) l group by 1, 2)
      select td.theme_id, sum(d.amount_base) filter (where d.stage_category = 'open'), count(*) filter (where d.stage_category = 'open'),
             sum(d.amount_base) filter (where d.stage_category = 'lost'), count(*) filter (where d.stage_category = 'lost')
      from td join deals d on d.workspace_id = $1 and d.id = td.deal_id and d.removed_at is null group by td.theme_id`;
    const explainMs = async (q: string) => {
      const r = await client.query(`explain (analyze, format json) ${q}`, [ws]);
      return Number((r.rows[0]['QUERY PLAN'] as { 'Execution Time': number }[])[0]!['Execution Time']);
    };
    const times: Record<'with' | 'without', { cold: number[]; warm: number[]; pipeline: number[]; themes: number[] }> = {
      with: { cold: [], warm: [], pipeline: [], themes: [] },
      without: { cold: [], warm: [], pipeline: [], themes: [] },
    };
    const setIndexes = async (on: boolean) => {
      if (on) for (const s of INDEX_SQL) await client.query(s.replace(/^CREATE INDEX/, 'CREATE INDEX IF NOT EXISTS'));
      else await client.query('drop index if exists deals_open_stage_idx, deals_revenue_idx');
    };
    let sameAnswers = 0;
    for (let round = -1; round < ROUNDS; round++) {
      const order: ('with' | 'without')[] = round % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      const seen: string[] = [];
      for (const variant of order) {
        await setIndexes(variant === 'with');
        const touch = () => client.query(`update deals set amount = amount + 1, amount_base = amount_base + 1 where workspace_id = $1 and id = $2`, [ws, deal]);
        const get = async () => {
          const t0 = performance.now();
          const res = await fetch(`${base}api/v1/workspaces/bench/scorecard`, { headers: { cookie } });
          const body = await res.text();
          if (res.status !== 200) throw new Error(`scorecard: ${res.status} ${body.slice(0, 300)}`);
          return { ms: performance.now() - t0, body };
        };
        // Building or dropping an index writes tens of megabytes: one cold read lets that settle before the measured one.
        await touch();
        await get();
        await touch();
        const cold = await get();
        const warm = await get();
        const p = await explainMs(pipelineSql);
        const t = await explainMs(themesSql);
        // The same data but one won deal's amount, which only the key metrics read: the rest must be the same.
        seen.push(JSON.stringify({ ...JSON.parse(cold.body), keyMetrics: null }));
        if (round >= 0) {
          times[variant].cold.push(cold.ms);
          times[variant].warm.push(warm.ms);
          times[variant].pipeline.push(p);
          times[variant].themes.push(t);
        }
      }
      if (seen[0] === seen[1]) sameAnswers += 1;
    }
    await setIndexes(true);
    const f = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`scorecard-indexes: ${n.toLocaleString('en-US')} deals, PostgreSQL ${(await client.query('show server_version')).rows[0].server_version}, ${ROUNDS} rounds each`);
    console.log('| measure | without p50 | without p95 | with p50 | with p95 | p50 ratio (with / without) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const rows: [string, 'cold' | 'warm' | 'pipeline' | 'themes'][] = [
      ['scorecard API, first read after a deal changed', 'cold'],
      ['scorecard API, repeated read', 'warm'],
      ['open pipeline by stage (EXPLAIN ANALYZE)', 'pipeline'],
      ['revenue behind themes (EXPLAIN ANALYZE)', 'themes'],
    ];
    for (const [label, k] of rows) {
      const a = times.without[k];
      const b = times.with[k];
      console.log(`| ${label} | ${f(percentile(a, 50))} | ${f(percentile(a, 95))} | ${f(percentile(b, 50))} | ${f(percentile(b, 95))} | ${(percentile(b, 50) / percentile(a, 50)).toFixed(3)} |`);
    }
    console.log(`scorecard-indexes: rounds whose answers (pipeline by stage, themes, win rates) were the same with and without: ${sameAnswers} of ${ROUNDS + 1}`);
    console.log(`scorecard-indexes: load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min), ${os.cpus().length} cores`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await client.end().catch(() => undefined);
  }
}

await main();
