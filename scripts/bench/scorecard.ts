// The scorecard and metric API at scale (issue 16): a workspace of `--scale` deals (default 1,000,000) generated in
// PostgreSQL with generate_series (three years of close and created dates, 20,000 accounts in four segments,
// products, competitors on a third of the deals, loss reasons with their categories, 3 % without an amount), 200
// themes and 20,000 feedback items, in a fresh embedded PostgreSQL; then, through the real endpoints as an admin, one
// call at a time: the scorecard, win rate (total, by segment, by quarter over two years), pipeline created, the sales
// cycle, win/loss and the records behind win rate. Each round first changes one deal closed this quarter (as a CRM
// sync would), so the first call of a round is the cold read (answers are kept until the deals change: decision 0016);
// the rest are warm. p50/p95 of each, and of all calls. Target: p95 < 300 ms.
// Side by side in the same run, a second server on the same database with the deal rollups off
// (TANDEM_METRIC_ROLLUPS=off: every aggregate folded from the deals, as before decision 0021) answers the same calls
// after the same writes; the table shows both and the ratio. SCORECARD_BENCH_FOLD=0 leaves the second server out;
// `--base REF` makes the second server that commit's (a worktree: the code before a change), rollups on, instead of the fold.
// SCORECARD_BENCH_DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres) runs both on a
// database `tandem_bench_scorecard_<deals>` of that server instead of an embedded one; it is dropped at the end unless
// SCORECARD_BENCH_KEEP=1, and a kept one already seeded is reused (for EXPLAIN ANALYZE between runs, or the next run).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
// @ts-expect-error a JavaScript module of the benchmarks
import { freePort, startTandem, waitFor } from './tandem-server.mjs';
// @ts-expect-error a JavaScript module of the benchmarks
import { prepareBase } from './lighthouse.mjs';
import { benchWorkspace } from './bench-workspace.ts';

const scaleAt = process.argv.indexOf('--scale');
const DEALS = Number(scaleAt === -1 ? (process.env.SCORECARD_BENCH_DEALS ?? 1_000_000) : process.argv[scaleAt + 1]);
const ROUNDS = Number(process.env.SCORECARD_BENCH_ROUNDS ?? 12);
const TARGET_MS = 300;
const baseAt = process.argv.indexOf('--base');
const BASE_DIR: string | undefined = baseAt === -1 ? undefined : prepareBase(process.argv[baseAt + 1]!).dir;
const FOLD = BASE_DIR !== undefined || process.env.SCORECARD_BENCH_FOLD !== '0';
const SECOND = BASE_DIR ? 'base' : 'fold';
const SERVER_URL = process.env.SCORECARD_BENCH_DATABASE_URL;
const KEEP = process.env.SCORECARD_BENCH_KEEP === '1';
const DB_NAME = `tandem_bench_scorecard_${DEALS}`;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** People, accounts, deals, themes and feedback, set-based. */
async function seed(client: pg.Client, ws: string) {
  const t0 = performance.now();
  await client.query('select setseed(0.16)');
  await client.query(
    `with u as (insert into users (email, name) select 'rep' || g || '@bench.test', 'Rep ' || g from generate_series(1, 80) g returning id)
     insert into memberships (workspace_id, user_id, role) select $1, id, 'sales' from u`,
    [ws],
  );
  await client.query(
    `insert into teams (workspace_id, name) select $1, 'Team ' || g from generate_series(1, 8) g`,
    [ws],
  );
  await client.query(
    `with t as (select array_agg(id order by name) as ids from teams where workspace_id = $1),
          m as (select user_id, row_number() over (order by user_id) as n from memberships where workspace_id = $1 and role = 'sales')
     insert into team_members (workspace_id, team_id, user_id) select $1, t.ids[1 + m.n % 8], m.user_id from m, t`,
    [ws],
  );
  await client.query(
    `insert into accounts (workspace_id, name, segment)
     select $1, 'Account ' || g, (array['Enterprise', 'Mid-market', 'SMB', 'Public sector'])[1 + g % 4] from generate_series(1, 20000) g`,
    [ws],
  );
  const t1 = performance.now();
  await client.query(
    `with reps as (select array_agg(user_id order by user_id) as ids from memberships where workspace_id = $1 and role = 'sales'),
          accts as (select array_agg(id order by name) as ids from accounts where workspace_id = $1)
     insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category,
                        probability, close_date, created_date, owner_user_id, products, competitors, reason, loss_reason_category)
     select $1, 'bench', 'D' || g, 'Deal ' || g, accts.ids[1 + ((g::bigint * 7919) % 20000)::int], a, case when a is null then null else 'USD' end, a,
            case when c = 'open' then 'Proposal' when c = 'won' then 'Closed Won' else 'Closed Lost' end, c,
            case when c = 'open' then 40 when c = 'won' then 100 else 0 end,
            created::date + cycle, created, reps.ids[1 + g % 80],
            case when g % 3 = 0 then array['Core', 'Analytics'] else array['Core'] end,
            case when g % 3 = 1 then array[(array['Kestrel', 'Osprey', 'Heron', 'Falcon', 'Merlin'])[1 + g % 5]] else '{}'::text[] end,
            case when c = 'lost' then r end,
            case when c = 'lost' then (array['price', 'product_gap', 'competitor', 'timing', 'no_decision', 'other'])[1 + g % 6] end
     from generate_series(1, $2::int) g, reps, accts,
          lateral (select case when random() < 0.03 then null else round((2000 + power(random(), 3) * 300000)::numeric, 2) end as a,
                          now()::date - 1095 + floor(random() * 1095)::int + interval '9 hours' as created,
                          10 + floor(random() * 150)::int as cycle,
                          (array['Too expensive', 'Missing SSO', 'Went with Kestrel', 'Next year', 'No decision', 'Champion left'])[1 + g % 6] as r) x,
          lateral (select case when x.created::date + x.cycle > now()::date then 'open' when random() < 0.35 then 'won' else 'lost' end as c) y`,
    [ws, DEALS],
  );
  const t2 = performance.now();
  await client.query(`insert into themes (workspace_id, name, status) select $1, 'Theme ' || g, (array['new','acknowledged','planned','addressed'])[1 + g % 4] from generate_series(1, 200) g`, [ws]);
  await client.query(
    `with th as (select array_agg(id order by name) as ids from themes where workspace_id = $1),
          reps as (select array_agg(user_id order by user_id) as ids from memberships where workspace_id = $1 and role = 'sales')
     insert into feedback_items (workspace_id, kind, text, deal_id, source, submitted_by_user_id, created_at, observed_at, theme_id, acknowledged_at, responded_at)
     select $1, (array['loss_reason', 'objection', 'feature_request'])[1 + g % 3], 'Feedback ' || g, d.id, 'call', reps.ids[1 + g % 80], t, t,
            th.ids[1 + g % 200], case when g % 2 = 0 then t + interval '2 days' end, case when g % 3 = 0 then t + interval '5 days' end
     from generate_series(1, 20000) g, th, reps,
          lateral (select id from deals where workspace_id = $1 and external_id = 'D' || (1 + (g * 37) % $2::int)) d,
          lateral (select now() - interval '1 day' * floor(random() * 720) as t) x`,
    [ws, DEALS],
  );
  await client.query('vacuum analyze deals, accounts, feedback_items, themes, memberships, team_members');
  const t3 = performance.now();
  return { accounts: (t1 - t0) / 1000, deals: (t2 - t1) / 1000, rest: (t3 - t2) / 1000, total: (t3 - t0) / 1000 };
}

/** The bench's database on SCORECARD_BENCH_DATABASE_URL's server: created when absent; whether it was there. */
async function externalDatabase(serverUrl: string): Promise<{ url: string; existed: boolean }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const existed = (await admin.query('select 1 from pg_database where datname = $1', [DB_NAME])).rowCount === 1;
    if (!existed) await admin.query(`create database ${DB_NAME}`);
    const url = new URL(serverUrl);
    url.pathname = `/${DB_NAME}`;
    return { url: url.toString(), existed };
  } finally {
    await admin.end();
  }
}

async function dropExternal(serverUrl: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DB_NAME} with (force)`).finally(() => admin.end());
}

/** A kept database's admin session (seeded by an earlier run), or null when it has no bench workspace yet. */
async function signIn(baseUrl: string): Promise<string | null> {
  const res = await fetch(`${baseUrl}api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ada@bench.test', password: 'correct horse battery' }),
  });
  if (res.status !== 200) return null;
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function main() {
  const external = SERVER_URL ? await externalDatabase(SERVER_URL) : null;
  const tandem = await startTandem({ prefix: 'tandem-bench-scorecard-', databaseUrl: external?.url });
  const client = new pg.Client({ connectionString: tandem.databaseUrl() });
  try {
    const reused = external?.existed ? await signIn(tandem.url) : null;
    const adminCookie = reused ?? (await benchWorkspace(tandem.url, 'rita@bench.test')).adminCookie;
    await client.connect();
    const { id: ws } = (await client.query(`select id from workspaces where slug = 'bench'`)).rows[0];
    const pgInfo = (await client.query(`select current_setting('server_version') as version`)).rows[0];
    const where = external ? `database ${DB_NAME} on ${new URL(SERVER_URL!).host}` : 'embedded';
    if (reused) {
      const n = (await client.query(`select count(*)::int as n from deals where workspace_id = $1`, [ws])).rows[0].n;
      console.log(`scorecard: reusing ${n.toLocaleString('en-US')} deals seeded by an earlier run, PostgreSQL ${pgInfo.version} (${where})`);
    } else {
      const s = await seed(client, ws);
      console.log(
        `scorecard: ${DEALS.toLocaleString('en-US')} deals generated in ${s.deals.toFixed(1)} s (accounts ${s.accounts.toFixed(1)} s, themes, feedback and analyze ` +
          `${s.rest.toFixed(1)} s; ${s.total.toFixed(1)} s in all), PostgreSQL ${pgInfo.version} (${where})`,
      );
    }
    if (process.env.SCORECARD_BENCH_SEED_ONLY === '1') return;
    const today = new Date().toISOString().slice(0, 10);
    const twoYears = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
    const calls = [
      { label: 'scorecard (8 quarters)', path: '/workspaces/bench/scorecard' },
      { label: 'win rate, this quarter', path: '/workspaces/bench/metrics/win-rate' },
      { label: 'win rate by segment', path: '/workspaces/bench/metrics/win-rate?groupBy=segment' },
      { label: 'win rate by quarter, 2 years', path: `/workspaces/bench/metrics/win-rate?groupBy=period&from=${twoYears}&to=${today}` },
      { label: 'pipeline created by owner', path: '/workspaces/bench/metrics/pipeline-created?groupBy=owner' },
      { label: 'sales cycle, one competitor', path: '/workspaces/bench/metrics/sales-cycle-days?competitor=Kestrel' },
      { label: 'win/loss, fiscal year to date', path: '/workspaces/bench/win-loss' },
      { label: 'records behind win rate (won, page 1)', path: '/workspaces/bench/metrics/win-rate/records?part=numerator' },
    ];
    // The fold: a second server on the same database, rollups off (its own data folder for its files only); with
    // --base, the other checkout's server instead, as it runs.
    let fold: { url: string; stop: () => Promise<void> } | null = null;
    if (FOLD) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tandem-bench-${SECOND}-`));
      const port = await freePort();
      const bin = BASE_DIR ? path.join(BASE_DIR, 'apps/server/bin/tandem.js') : tandem.bin;
      const child = spawn(process.execPath, [bin, 'start'], {
        cwd: BASE_DIR,
        env: {
          ...tandem.env,
          TANDEM_DATA_DIR: dir,
          DATABASE_URL: tandem.databaseUrl(),
          ...(BASE_DIR ? {} : { TANDEM_METRIC_ROLLUPS: 'off' }),
          TANDEM_WORKERS: '0',
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        stdio: 'ignore',
      });
      const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        }
        fs.rmSync(dir, { recursive: true, force: true });
      };
      fold = { url: `http://127.0.0.1:${port}/`, stop };
      await waitFor(`${fold.url}readyz`);
    }
    const get = async (base: string, label: string, p: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}api/v1${p}`, { headers: { cookie: adminCookie } });
      const body = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${body.slice(0, 500)}`);
      return { ms, body };
    };
    const cold: Record<string, number[]> = {};
    const warm: Record<string, number[]> = {};
    const foldCold: Record<string, number[]> = {};
    const foldWarm: Record<string, number[]> = {};
    let differ = 0;
    // The deal each round changes: won and closed this quarter (the worst case for anything kept per quarter).
    const deal = (
      await client.query(`select id from deals where workspace_id = $1 and stage_category = 'won' and close_date >= date_trunc('quarter', now())::date order by close_date desc limit 1`, [ws])
    ).rows[0].id;
    try {
      for (let round = -2; round < ROUNDS; round++) {
        // A deal changes (a CRM sync): the next read of each call is cold, on both servers.
        await client.query(`update deals set amount = amount + 1, amount_base = amount_base + 1 where workspace_id = $1 and id = $2`, [ws, deal]);
        for (const c of calls) {
          const order = fold && round % 2 === 0 ? [fold.url, tandem.url] : [tandem.url, ...(fold ? [fold.url] : [])];
          const seen: Record<string, string> = {};
          for (const base of order) {
            const first = await get(base, c.label, c.path);
            const second = await get(base, c.label, c.path);
            seen[base] = first.body;
            if (round >= 0) {
              const isFold = base !== tandem.url;
              ((isFold ? foldCold : cold)[c.label] ??= []).push(first.ms);
              ((isFold ? foldWarm : warm)[c.label] ??= []).push(second.ms);
            }
          }
          if (fold && !isDeepStrictEqual(JSON.parse(seen[fold.url]!), JSON.parse(seen[tandem.url]!))) {
            differ += 1;
            if (differ <= 3) console.error(`scorecard: ${c.label}: this checkout's answer differs from the ${SECOND}'s`);
            if (process.env.SCORECARD_BENCH_DUMP) fs.writeFileSync(`${process.env.SCORECARD_BENCH_DUMP}-${differ}.json`, JSON.stringify({ rollups: JSON.parse(seen[tandem.url]!), fold: JSON.parse(seen[fold.url]!) }, null, 1));
          }
        }
      }
    } finally {
      await fold?.stop();
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`| call | cold p50 | cold p95 | warm p50 | warm p95 |${fold ? ` ${SECOND} cold p50 | ${SECOND} cold p95 | cold p95 ratio |` : ''}`);
    console.log(`| --- | ---: | ---: | ---: | ---: |${fold ? ' ---: | ---: | ---: |' : ''}`);
    for (const c of calls) {
      const k = cold[c.label]!;
      const w = warm[c.label]!;
      const f = foldCold[c.label];
      const extra = f ? ` ${ms(percentile(f, 50))} | ${ms(percentile(f, 95))} | ${(percentile(k, 95) / percentile(f, 95)).toFixed(3)} |` : '';
      console.log(`| ${c.label} | ${ms(percentile(k, 50))} | ${ms(percentile(k, 95))} | ${ms(percentile(w, 50))} | ${ms(percentile(w, 95))} |${extra}`);
    }
    const allCold = Object.values(cold).flat();
    const allWarm = Object.values(warm).flat();
    const all = [...allCold, ...allWarm];
    const p95 = percentile(all, 95);
    console.log(
      `scorecard: ${all.length} calls: p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (target < ${TARGET_MS} ms: ${p95 < TARGET_MS ? 'within' : 'OVER'}); ` +
        `first read after a deal changed p95 ${percentile(allCold, 95).toFixed(0)} ms, repeated reads p95 ${percentile(allWarm, 95).toFixed(0)} ms`,
    );
    if (fold) {
      const fc = Object.values(foldCold).flat();
      const fall = [...fc, ...Object.values(foldWarm).flat()];
      console.log(
        `scorecard: the ${BASE_DIR ? `base (${BASE_DIR})` : 'fold (rollups off)'}, same run: all calls p95 ${percentile(fall, 95).toFixed(0)} ms, first read after a deal changed p50 ${percentile(fc, 50).toFixed(0)} / p95 ${percentile(fc, 95).toFixed(0)} ms; ` +
          `this checkout / ${SECOND}, first reads: p50 ${(percentile(allCold, 50) / percentile(fc, 50)).toFixed(3)}, p95 ${(percentile(allCold, 95) / percentile(fc, 95)).toFixed(3)}; ` +
          `answers that differed: ${differ} of ${calls.length * (ROUNDS + 2)}`,
      );
    }
    console.log(`scorecard: load average during the run ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min), ${os.cpus().length} cores`);
    if (differ) process.exitCode = 1;
    else process.exitCode = p95 < TARGET_MS ? 0 : 1;
  } catch (e) {
    console.error('scorecard: the bench failed:', e);
    process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    await tandem.stop().catch((e: unknown) => console.error('scorecard: stopping:', e));
    if (SERVER_URL && !KEEP) await dropExternal(SERVER_URL).catch((e: unknown) => console.error('scorecard: dropping the database:', e));
  }
}

await main();
