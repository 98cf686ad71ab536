// The requests queue (issue 15): 10,000 open requests with 50,000 linked deals (plus 5,000 closed ones) in a fresh
// embedded PostgreSQL; `GET …/requests` through the real endpoint as a sales rep, one call at a time — the first page
// in queue order (score, the default), a filtered page, the caller's own requests — and the capacity view, p50/p95;
// beside the statements the endpoint sends, bare over one pg connection, and the queue built in process (SQL read,
// then scoring, ordering and the plan in JS) so the split between the database and JavaScript is on the record.
// Each round first changes one linked deal's amount and reads the queue (the first read after a change: a rebuild),
// then the calls above (the steady queue, gated). `--base REF`: that commit's server too, on the same data, the two
// alternating round by round, and the ratio.
// Target: p95 < 150 ms through the endpoint.
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import os from 'node:os';
import pg from 'pg';
import { buildQueue, queueContext } from '../../apps/server/src/modules/requests/queue/queue.ts';
import { queueRepository } from '../../apps/server/src/modules/requests/queue/queue.repository.ts';
// @ts-expect-error a JavaScript module of the benchmarks
import { prepareBase } from './lighthouse.mjs';
// @ts-expect-error a JavaScript module of the benchmarks
import { startTandem } from './tandem-server.mjs';
import { benchWorkspace } from './bench-workspace.ts';

const OPEN = Number(process.env.REQUESTS_BENCH_OPEN ?? 10_000);
const DEALS = Number(process.env.REQUESTS_BENCH_DEALS ?? 50_000);
const CLOSED = Number(process.env.REQUESTS_BENCH_CLOSED ?? 5_000);
const ROUNDS = Number(process.env.REQUESTS_BENCH_ROUNDS ?? 40);
const TARGET_MS = 150;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** People, accounts, deals and requests, set-based (a few seconds). */
async function seed(client: pg.Client, workspaceId: string) {
  const t0 = performance.now();
  await client.query('select setseed(0.15)');
  // 60 reps and 4 PMMs besides the two who signed up through the API.
  await client.query(
    `with u as (insert into users (email, name) select 'rep' || g || '@bench.test', 'Rep ' || g from generate_series(1, 60) g returning id)
     insert into memberships (workspace_id, user_id, role) select $1, id, 'sales' from u`,
    [workspaceId],
  );
  await client.query(
    `with u as (insert into users (email, name) select 'pmm' || g || '@bench.test', 'PMM ' || g from generate_series(1, 4) g returning id)
     insert into memberships (workspace_id, user_id, role) select $1, id, 'marketing' from u`,
    [workspaceId],
  );
  await client.query(`insert into pmm_capacity (workspace_id, user_id, weekly_hours) select workspace_id, user_id, 30 from memberships where workspace_id = $1 and role = 'marketing'`, [
    workspaceId,
  ]);
  await client.query(`insert into accounts (workspace_id, name) select $1, 'Account ' || g from generate_series(1, 3000) g`, [workspaceId]);
  await client.query(
    `with reps as (select array_agg(user_id order by user_id) as ids from memberships where workspace_id = $1 and role = 'sales'),
          accts as (select array_agg(id order by name) as ids from accounts where workspace_id = $1)
     insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category, probability, close_date, owner_user_id)
     select $1, 'bench', 'D' || g, 'Deal ' || g, accts.ids[1 + floor(random() * 3000)::int], a, 'USD', a,
            case when c = 'open' then 'Proposal' when c = 'won' then 'Closed Won' else 'Closed Lost' end, c,
            case when c = 'open' then (10 + floor(random() * 8) * 10)::int when c = 'won' then 100 else 0 end,
            current_date + (floor(random() * 240)::int - 60), reps.ids[1 + floor(random() * 60)::int]
     from generate_series(1, $2::int) g, reps, accts,
          lateral (select round((5000 + power(random(), 3) * 500000)::numeric, 2) as a,
                          case when random() < 0.7 then 'open' when random() < 0.5 then 'won' else 'lost' end as c) x`,
    [workspaceId, DEALS],
  );
  // Open requests (new 30 %, triaged 40 %, in progress 30 %) and closed ones; a few pinned, placed and boosted.
  await client.query(
    `with pmms as (select array_agg(user_id order by user_id) as ids from memberships where workspace_id = $1 and role = 'marketing'),
          reps as (select array_agg(user_id order by user_id) as ids from memberships where workspace_id = $1 and role = 'sales')
     insert into requests (workspace_id, number, type, title, description, status, needed_by, estimate_hours, assignee_user_id,
                           first_responded_at, delivered_at, accepted_at, boost_points, override_kind, override_position, override_reason,
                           override_by_user_id, override_at, created_by_user_id, created_at, updated_at)
     select $1, g, (array['new_asset','customize','competitive_intel','deal_support','training','other'])[1 + g % 6],
            'Request ' || g || ': ' || (array['pricing one-pager','battlecard refresh','join the call','ROI deck','workshop','review'])[1 + g % 6],
            'What I need and why', s,
            case when random() < 0.6 then current_date + floor(random() * 60)::int end,
            case when s <> 'new' then 1 + floor(random() * 30) end,
            case when s <> 'new' then pmms.ids[1 + g % 4] end,
            case when s <> 'new' then created + interval '3 hours' end,
            case when s = 'accepted' then created + interval '5 days' end,
            case when s = 'accepted' then created + interval '6 days' end,
            case when g % 100 = 0 then 30 else 0 end,
            case when g <= 5 then 'pin' when g <= 25 then 'position' end,
            case when g > 5 and g <= 25 then g * 3 end,
            case when g <= 25 then 'bench override' end,
            case when g <= 25 then pmms.ids[1] end,
            case when g <= 25 then now() - interval '1 hour' * g end,
            reps.ids[1 + g % 60], created, created
     from generate_series(1, $2::int + $3::int) g, pmms, reps,
          lateral (select now() - interval '1 minute' * floor(random() * 172800) as created,
                          case when g > $2::int then 'accepted' when random() < 0.3 then 'new' when random() < 0.57 then 'triaged' else 'in_progress' end as s) x`,
    [workspaceId, OPEN, CLOSED],
  );
  await client.query(
    `insert into request_requesters (workspace_id, request_id, user_id, joined_at)
     select r.workspace_id, r.id, m.user_id, r.created_at + interval '1 second' * k
     from requests r
     cross join lateral generate_series(0, case when r.number % 3 = 0 then 1 else 0 end + case when r.number % 7 = 0 then 1 else 0 end) k
     join lateral (select user_id from memberships where workspace_id = r.workspace_id and role = 'sales' order by user_id offset (r.number * 7 + k * 13) % 60 limit 1) m on true
     where r.workspace_id = $1
     on conflict do nothing`,
    [workspaceId],
  );
  // Every deal linked to one request: 50,000 links, five per open request on average.
  await client.query(
    `with ids as (select array_agg(id order by number) as ids from requests where workspace_id = $1 and status in ('new', 'triaged', 'in_progress'))
     insert into request_deals (workspace_id, request_id, deal_id)
     select $1, ids.ids[1 + floor(random() * array_length(ids.ids, 1))::int], d.id from deals d, ids where d.workspace_id = $1
     on conflict do nothing`,
    [workspaceId],
  );
  await client.query(
    `insert into request_comments (workspace_id, request_id, author_user_id, body)
     select r.workspace_id, r.id, r.created_by_user_id, 'A comment' from requests r, generate_series(1, 2) where r.workspace_id = $1 and random() < 0.5`,
    [workspaceId],
  );
  await client.query('vacuum analyze requests, request_requesters, request_deals, request_comments, deals, accounts, pmm_capacity, memberships, users');
  const [counts] = (
    await client.query(
      `select (select count(*)::int from requests where workspace_id = $1 and status in ('new', 'triaged', 'in_progress')) as open,
              (select count(*)::int from request_deals where workspace_id = $1) as links,
              (select count(*)::int from request_requesters where workspace_id = $1) as requesters`,
      [workspaceId],
    )
  ).rows;
  return { seconds: (performance.now() - t0) / 1000, ...counts };
}

/** The statements the queue sends (its repository's, captured instead of sent) and the settings row's read. */
function queueStatements(workspaceId: string) {
  const dialect = new PgDialect();
  const captured: { sql: string; params: unknown[] }[] = [];
  const fake = {
    execute: async (q: SQL) => {
      captured.push(dialect.sqlToQuery(q));
      return { rows: [] };
    },
  };
  void queueRepository.openRows(fake as never, workspaceId);
  void queueRepository.capacity(fake as never, workspaceId);
  void queueRepository.baseCurrency(fake as never, workspaceId);
  captured.push({ sql: 'select * from request_settings where workspace_id = $1', params: [workspaceId] });
  return captured;
}

interface Target {
  label: string;
  tandem: { url: string; databaseUrl(): string; stop(): Promise<void> };
  client: pg.Client;
  workspaceId: string;
  repCookie: string;
  pmm: string;
  links: string[];
}

/** A server of the checkout in `dir`, its workspace seeded (the same data on every target: the seed is fixed). */
async function startTarget(label: string, dir: string | undefined): Promise<Target> {
  const tandem = await startTandem({ prefix: 'tandem-bench-requests-', ...(dir ? { dir } : {}) });
  const client = new pg.Client({ connectionString: tandem.databaseUrl() });
  try {
    const { repCookie } = await benchWorkspace(tandem.url, 'rita@bench.test');
    await client.connect();
    const { id: workspaceId } = (await client.query(`select id from workspaces where slug = 'bench'`)).rows[0];
    const seeded = await seed(client, workspaceId);
    // Rita asked for some of them too.
    await client.query(
      `insert into request_requesters (workspace_id, request_id, user_id)
       select r.workspace_id, r.id, u.id from requests r, users u where r.workspace_id = $1 and u.email = 'rita@bench.test' and r.number % 200 = 0`,
      [workspaceId],
    );
    console.log(
      `requests (${label}): ${seeded.open.toLocaleString('en-US')} open requests (+${CLOSED.toLocaleString('en-US')} closed), ${seeded.links.toLocaleString('en-US')} linked deals, ` +
        `${seeded.requesters.toLocaleString('en-US')} requesters, generated in ${seeded.seconds.toFixed(1)} s`,
    );
    const pmm = (await client.query(`select user_id from memberships where workspace_id = $1 and role = 'marketing' order by user_id offset 1 limit 1`, [workspaceId])).rows[0].user_id;
    const links = (await client.query(`select deal_id from request_deals where workspace_id = $1 order by deal_id limit 200`, [workspaceId])).rows.map((r) => r.deal_id as string);
    return { label, tandem, client, workspaceId, repCookie, pmm, links };
  } catch (e) {
    await client.end().catch(() => undefined);
    await tandem.stop();
    throw e;
  }
}

async function main() {
  const baseAt = process.argv.indexOf('--base');
  const baseRef = baseAt === -1 ? null : process.argv[baseAt + 1];
  const targets: Target[] = [];
  try {
    targets.push(await startTarget('this checkout', undefined));
    if (baseRef) {
      const base = prepareBase(baseRef) as { label: string; dir: string };
      targets.push(await startTarget(base.label, base.dir));
    }
    const first = targets[0]!;
    const pgInfo = (await first.client.query(`select current_setting('server_version') as version, pg_jit_available() as jit, current_setting('jit') as setting`)).rows[0];
    console.log(`requests: PostgreSQL ${pgInfo.version} (embedded), JIT ${pgInfo.jit ? 'available' : 'not available'}, jit = ${pgInfo.setting}`);

    const callsOf = (t: Target): { label: string; path: string; gated: boolean }[] => [
      { label: 'queue, first page (score order)', path: '/workspaces/bench/requests', gated: true },
      { label: 'queue filtered: type customize, one PMM assigned', path: `/workspaces/bench/requests?type=customize&assignee=${t.pmm}`, gated: true },
      { label: 'my requests (requester=me)', path: '/workspaces/bench/requests?requester=me', gated: true },
      { label: 'capacity view (8 weeks)', path: '/workspaces/bench/requests/capacity', gated: false },
    ];
    const COLD = 'queue, first page, first read after a deal changed';
    const get = async (t: Target, label: string, p: string) => {
      const t0 = performance.now();
      const res = await fetch(`${t.tandem.url}api/v1${p}`, { headers: { cookie: t.repCookie } });
      const body = (await res.json()) as { total?: number; rows?: unknown[] };
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${t.label}, ${label}: ${res.status} ${JSON.stringify(body)}`);
      return { ms, total: body.total ?? body.rows?.length ?? 0 };
    };
    const times = new Map<Target, Record<string, number[]>>(targets.map((t) => [t, {}]));
    const totals = new Map<Target, Record<string, number>>(targets.map((t) => [t, {}]));
    const statements = queueStatements(first.workspaceId);
    const db = drizzle(first.client);
    const bare: number[] = [];
    const sqlRead: number[] = [];
    const jsBuild: number[] = [];
    for (let round = -3; round < ROUNDS; round++) {
      // Base and this checkout alternate which goes first, round by round.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        const record = (label: string, r: { ms: number; total: number }) => {
          if (round >= 0) (times.get(t)![label] ??= []).push(r.ms);
          totals.get(t)![label] = r.total;
        };
        // A linked deal's amount changes (as a CRM sync would): the first read after it rebuilds the queue; the
        // reads after it are the steady queue users see until the next change.
        await t.client.query(`update deals set amount_base = amount_base + 1, amount = amount + 1 where workspace_id = $1 and id = $2`, [
          t.workspaceId,
          t.links[(round + 3) % t.links.length],
        ]);
        record(COLD, await get(t, COLD, '/workspaces/bench/requests'));
        for (const c of callsOf(t)) record(c.label, await get(t, c.label, c.path));
      }
      // This checkout's statements bare, then its queue built in process: the database's and JavaScript's shares of a rebuild.
      const b0 = performance.now();
      for (const st of statements) await first.client.query(st.sql, st.params);
      const b1 = performance.now();
      const context = await queueContext(db as never, first.workspaceId);
      const rows = await queueRepository.openRows(db as never, first.workspaceId);
      const capacity = await queueRepository.capacity(db as never, first.workspaceId);
      const j0 = performance.now();
      buildQueue(context, rows, capacity);
      const j1 = performance.now();
      if (round >= 0) {
        bare.push(b1 - b0);
        sqlRead.push(j0 - b1);
        jsBuild.push(j1 - j0);
      }
    }
    const gatedOf = (t: Target) => callsOf(t).filter((c) => c.gated).flatMap((c) => times.get(t)![c.label]!);
    console.log(`| checkout | call | results | endpoint p50 | endpoint p95 |`);
    console.log('| --- | --- | ---: | ---: | ---: |');
    for (const t of targets) {
      for (const label of [...callsOf(t).map((c) => c.label), COLD]) {
        const xs = times.get(t)![label]!;
        console.log(`| ${t.label} | ${label} | ${totals.get(t)![label]!.toLocaleString('en-US')} | ${percentile(xs, 50).toFixed(1)} ms | ${percentile(xs, 95).toFixed(1)} ms |`);
      }
    }
    const p95 = percentile(gatedOf(first), 95);
    for (const t of targets) {
      const g = gatedOf(t);
      const cold = times.get(t)![COLD]!;
      console.log(
        `requests (${t.label}): ${g.length} queue calls: endpoint p50 ${percentile(g, 50).toFixed(1)} ms, p95 ${percentile(g, 95).toFixed(1)} ms` +
          (t === first ? ` (target < ${TARGET_MS} ms: ${p95 < TARGET_MS ? 'within' : 'OVER'})` : '') +
          `; first read after a deal changed p50 ${percentile(cold, 50).toFixed(1)} ms, p95 ${percentile(cold, 95).toFixed(1)} ms`,
      );
    }
    if (targets.length === 2) {
      const [a, b] = targets.map((t) => gatedOf(t));
      console.log(`requests: steady queue, this / base: p50 ${(percentile(a!, 50) / percentile(b!, 50)).toFixed(2)}, p95 ${(percentile(a!, 95) / percentile(b!, 95)).toFixed(2)}`);
    }
    console.log(
      `requests: a rebuild's parts (this checkout, in the bench's process): bare SQL (queue statement, capacity, currency, settings) p50 ${percentile(bare, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(bare, 95).toFixed(1)} ms; read ${percentile(sqlRead, 50).toFixed(1)} ms, score + order + plan ${percentile(jsBuild, 50).toFixed(1)} ms (p50)`,
    );
    console.log(`requests: load average during the run ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min), ${os.cpus().length} cores`);
    process.exitCode = p95 < TARGET_MS ? 0 : 1;
  } catch (e) {
    // Said before the servers stop (a failed stop must not hide it).
    console.error('requests: the bench failed:', e);
    process.exitCode = 1;
  } finally {
    for (const t of targets) {
      await t.client.end().catch(() => undefined);
      await t.tandem.stop().catch((e: unknown) => console.error(`requests: stopping ${t.label}:`, e));
    }
  }
}

/** `--seed URL`: the same data in a migrated database of one's own, to read the plans (EXPLAIN) at leisure. */
async function seedOnly(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ws = (await client.query(`insert into workspaces (slug, name) values ('bench', 'Bench') returning id`)).rows[0].id;
    const seeded = await seed(client, ws);
    console.log(`seeded ${JSON.stringify(seeded)}; workspace ${ws}`);
  } finally {
    await client.end();
  }
}

if (process.argv[2] === '--seed') await seedOnly(process.argv[3]!);
else await main();
