// Attribution at scale (issue 18): 1,000,000 deals (45 % won, 35 % open, 20 % lost; amounts, created and close dates
// over two years) and 10,000,000 touchpoints (1–19 per deal, three teams, in no particular order on disk, as they
// arrive from CRMs) generated with generate_series in a scratch database on the PostgreSQL of BENCH_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres), migrated as Tandem migrates. Then: a full recompute of the
// ledger (every model for every won and open deal, streamed) with the process's peak RSS sampled every 250 ms, and an
// incremental recompute after touchpoints of 1,000 and of 10,000 deals change. Target: full < 5 min, memory flat.
// The scratch database is dropped at the end. `--scale N` for another number of deals (touchpoints: 10 per deal).
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import type { Deps } from '../../apps/server/src/lib/deps.ts';
import { createLedgerService } from '../../apps/server/src/modules/attribution/ledger/ledger.service.ts';

const scaleAt = process.argv.indexOf('--scale');
const DEFAULT_DEALS = Number(scaleAt === -1 ? (process.env.ATTRIBUTION_BENCH_DEALS ?? 1_000_000) : process.argv[scaleAt + 1]);
const DEALS = DEFAULT_DEALS;
const TOUCHES = DEALS * 10;
const TARGET_S = 300;
const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `tandem_bench_attribution_${process.pid}`;
const url = server.replace(/\/[^/]*$/, `/${dbName}`);
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ out: T; ms: number }> {
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  console.log(`attribution: ${label}: ${s(ms)} (load ${load()})`);
  return { out, ms };
}

/** Peak RSS while `fn` runs, sampled every 250 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ out: T; peak: number; before: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  try {
    const out = await fn();
    return { out, peak: Math.max(peak, process.memoryUsage().rss), before };
  } finally {
    clearInterval(timer);
  }
}

/** Generates `DEALS` deals and ten touchpoints per deal into workspace `ws` (also used by scratch comparisons). */
export async function seed(c: pg.Client, ws: string, DEALS = DEFAULT_DEALS, TOUCHES = DEALS * 10) {
  await c.query('select setseed(0.18)');
  await c.query(`insert into accounts (workspace_id, name, segment) select $1, 'Account ' || g, (array['Enterprise', 'Mid-market', 'SMB'])[1 + g % 3] from generate_series(1, 20000) g`, [ws]);
  await timed(`${DEALS.toLocaleString('en-US')} deals generated`, () =>
    c.query(
      `with a as (select array_agg(id) as ids from accounts where workspace_id = $1)
       insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category, close_date, created_date)
       select $1, 'bench', 'D' || g, 'Deal ' || g, a.ids[1 + g % 20000], amt, 'USD', amt,
              case when r < 0.45 then 'Closed Won' when r < 0.8 then 'Proposal' else 'Closed Lost' end,
              case when r < 0.45 then 'won' when r < 0.8 then 'open' else 'lost' end,
              (date '2025-01-01' + (g % 730))::date, (date '2025-01-01' + (g % 730) - 20 - (g % 150))::timestamp
         from a, generate_series(1, $2::int) g,
              lateral (select ((g::bigint * 2654435761) % 1000) / 1000.0 as r, round((1000 + ((g::bigint * 40503) % 200000) + (g % 100) / 100.0)::numeric, 2) as amt) x`,
      [ws, DEALS],
    ),
  );
  // Loaded without the secondary indexes and the deal foreign key, which are built once after (bench only).
  await c.query('alter table touchpoints drop constraint if exists touchpoints_workspace_id_deal_id_deals_workspace_id_id_fk');
  await c.query('drop index if exists touchpoints_source_key');
  await c.query('drop index if exists touchpoints_deal_idx');
  await timed(`${TOUCHES.toLocaleString('en-US')} touchpoints generated`, () =>
    c.query(
      `with d as (select array_agg(id order by external_id) as ids, array_agg(created_date order by external_id) as made,
                         array_agg(close_date order by external_id) as closes from deals where workspace_id = $1)
       insert into touchpoints (workspace_id, source, external_id, deal_id, occurred_at, team, kind, campaign)
       select $1, 'bench', 'T' || g, d.ids[k], d.made[k] + (((g::bigint * 69069) % 1000) / 1000.0 * (d.closes[k] - d.made[k]::date + 1)) * interval '1 day',
              (array['marketing', 'sales', 'partner'])[1 + (g % 7) % 3], (array['campaign_response', 'webinar', 'meeting', 'demo', 'proposal'])[1 + g % 5],
              'Campaign ' || (g % 40)
         from d, generate_series(1, $2::int) g, lateral (select 1 + ((g::bigint * 7919) % $3::int)::int as k) kk`,
      [ws, TOUCHES, DEALS],
    ),
  );
  await timed('touchpoint indexes built', async () => {
    await c.query(`set maintenance_work_mem = '256MB'`);
    await c.query('create unique index touchpoints_source_key on touchpoints (workspace_id, source, external_id)');
    await c.query('create index touchpoints_deal_idx on touchpoints (workspace_id, deal_id, occurred_at)');
    await c.query(
      'alter table touchpoints add constraint touchpoints_workspace_id_deal_id_deals_workspace_id_id_fk foreign key (workspace_id, deal_id) references deals (workspace_id, id) on delete cascade not valid',
    );
    await c.query('analyze touchpoints; analyze deals');
  });
}

async function main() {
  console.log(`attribution: ${DEALS.toLocaleString('en-US')} deals, ${TOUCHES.toLocaleString('en-US')} touchpoints on ${os.cpus().length} cores, Node ${process.version}, load ${load()}`);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const database = openDatabase(url, { max: 4 });
  try {
    await runMigrations(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const ws = (await c.query<{ id: string }>(`insert into workspaces (slug, name) values ('bench', 'Bench') returning id`)).rows[0]!.id;
    await seed(c, ws);
    const size = (await c.query<{ s: string }>(`select pg_size_pretty(pg_total_relation_size('touchpoints')) as s`)).rows[0]!.s;
    console.log(`attribution: touchpoints table with indexes ${size}`);

    const deps = { database, log: pino({ level: 'silent' }) } as unknown as Deps;
    const ledger = createLedgerService(deps);
    const full = await withPeakRss(() => timed('full recompute', () => ledger.recomputeFull(ws)));
    const r = full.out.out;
    console.log(
      `attribution: full recompute of ${r.deals.toLocaleString('en-US')} attributable deals and ${r.touchpoints.toLocaleString('en-US')} touchpoints: ${s(full.out.ms)} ` +
        `(target < ${TARGET_S} s: ${full.out.ms / 1000 < TARGET_S ? 'within' : 'MISSED'}); RSS ${mb(full.before)} before, peak ${mb(full.peak)}`,
    );
    // Every model's credits sum to the amount on a sample of ledger rows.
    const check = await c.query<{ bad: number; n: number }>(
      `select count(*) filter (where exists (select 1 from generate_series(0, 8) m
                 where (select sum(l.credits[m * cardinality(l.touchpoint_ids) + i]) from generate_series(1, cardinality(l.touchpoint_ids)) i) <> l.amount_cents))::int as bad,
              count(*)::int as n
         from (select * from attribution_ledger tablesample system (1) where cardinality(touchpoint_ids) > 0 limit 5000) l`,
    );
    console.log(`attribution: sum check on ${check.rows[0]!.n} sampled ledger rows: ${check.rows[0]!.bad} off (must be 0)`);

    for (const changed of [1_000, 10_000]) {
      await c.query(
        `with picked as (select id from deals where workspace_id = $1 and stage_category = 'won' order by md5(id::text) limit $2)
         , moved as (update touchpoints t set occurred_at = occurred_at - interval '1 day' from picked where t.workspace_id = $1 and t.deal_id = picked.id returning t.deal_id)
         insert into attribution_dirty_deals (workspace_id, deal_id) select distinct $1::uuid, deal_id from moved on conflict do nothing`,
        [ws, changed],
      );
      const inc = await withPeakRss(() => timed(`incremental recompute, ${changed.toLocaleString('en-US')} deals changed`, () => ledger.recomputeChanged(ws)));
      console.log(`attribution: incremental: ${inc.out.out.deals.toLocaleString('en-US')} deals, ${inc.out.out.touchpoints.toLocaleString('en-US')} touchpoints in ${s(inc.out.ms)}; peak RSS ${mb(inc.peak)}`);
    }
    await c.end();
    const ok = full.out.ms / 1000 < TARGET_S && check.rows[0]!.bad === 0;
    console.log(`attribution: ${ok ? 'within target' : 'TARGET MISSED'}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
