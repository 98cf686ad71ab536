// Library search (issue 14): 100,000 assets in a fresh embedded PostgreSQL, mixed queries (exact, prefix, misspelled,
// stemmed, filtered, facet browsing) through the real endpoint as a sales rep, one at a time, p50/p95 — beside the
// same statement the endpoint runs, sent bare over one pg connection (the ratio is what HTTP, sign-in, row-level
// security, summaries and highlighting add). Target: p95 < 100 ms through the endpoint. The measured rounds repeat
// each query with the library unchanged (its total and facet counts kept by the service since the warm-up); then
// every query is measured again as the first request after a change, when the counts are made again. Then the
// competitor page's API for every competitor. With `SEARCH_BENCH_BASE=REF`, that commit's server (a worktree beside
// this checkout) runs on the same database and the two answer every request in turn, so the ratio is of one machine
// state.
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { parseQuery } from '../../apps/server/src/modules/library/search/search-text.ts';
import { searchRepository, TYPO_BELOW, type SearchFilter } from '../../apps/server/src/modules/library/search/search.repository.ts';
// @ts-expect-error a JavaScript module of the benchmarks
import { startTandem } from './tandem-server.mjs';
import { benchWorkspace } from './bench-workspace.ts';
// @ts-expect-error a JavaScript module of the benchmarks
import { prepareBase } from './lighthouse.mjs';

const ASSETS = Number(process.env.SEARCH_BENCH_ASSETS ?? 100_000);
const ROUNDS = Number(process.env.SEARCH_BENCH_ROUNDS ?? 15);
/** Rounds of first requests after a change (every query once per round). */
const COLD_ROUNDS = Number(process.env.SEARCH_BENCH_COLD_ROUNDS ?? 5);

type Query = { kind: string; q?: string; filters?: Record<string, string | string[]> };
const QUERIES: Query[] = [
  { kind: 'exact', q: 'pricing sheet' },
  { kind: 'exact', q: 'snowflake battlecard' },
  { kind: 'prefix', q: 'batt' },
  { kind: 'prefix', q: 'integ' },
  { kind: 'prefix', q: 'security rev' },
  { kind: 'misspelled', q: 'pricng' },
  { kind: 'misspelled', q: 'databriks' },
  { kind: 'misspelled', q: 'onboardng guide' },
  { kind: 'stemmed', q: 'integrations' },
  { kind: 'stemmed', q: 'migrating warehouses' },
  { kind: 'filtered', q: 'pricing', filters: { type: 'pricing_sheet', segments: 'Enterprise' } },
  { kind: 'filtered', q: 'objection', filters: { regions: ['EMEA', 'APAC'], stages: 'Proposal' } },
  { kind: 'facet', filters: { segments: 'Enterprise' } },
  { kind: 'facet', filters: { type: 'battlecard', products: 'Northwind Warehouse' } },
  { kind: 'browse', filters: {} },
];

/** Body words, most frequent first: function words, then sales and product words, then the long tail. */
const VOCABULARY = `the and to of a in for our with is on that this it you we your as are be by their can from they at when how
not more have will or than all which one about what so if also but team teams customer customers data time new use
need help most work like make only other into over each there who get them why its way any first these just
want see because every same both fast then many own through where much best after before while still right
sales deal deals call calls price pricing value cost costs budget buyer buyers champion decision risk risks
product platform warehouse pipeline pipelines query queries storage compute analytics dashboard report reports
migration migrate migrating integration integrations integrate connector connectors security compliance governance
lineage catalog schema ingestion streaming latency performance benchmark benchmarks scaling scale reliability uptime
support onboarding adoption training partner partners reseller contract contracts renewal renewals expansion
discount discounts procurement legal review reviews audit audits encryption access roles SSO SOC ISO GDPR HIPAA
competitor competitors objection objections win wins loss losses switch switching replace replacing cheaper faster
simpler roadmap release releases feature features workload workloads engineer engineers analyst analysts CFO CIO
CTO VP director manager executive sponsor stakeholder stakeholders proof concept pilot trial evaluation criteria
requirements questions discovery demo demos story stories reference references quote quotes testimonial result
results savings ROI payback months weeks quarter quarters year years growth revenue margin forecast pipeline
region regions EMEA APAC LATAM enterprise midmarket SMB startup startups bank banks retail health healthcare
insurance logistics manufacturing telecom media public sector government education energy utilities
alerting monitoring observability orchestration transform transformation modeling notebook notebooks machine
learning AI model models feature store vector embedding embeddings search index indexes cache caching replica
backup recovery disaster region failover multi cloud hybrid premises AWS Azure GCP Kubernetes Terraform API
SDK CLI webhook webhooks Slack Salesforce HubSpot Marketo Zendesk Jira Snowflake Databricks BigQuery Redshift
consumption credits capacity reserved commitment tier tiers seat seats usage overage invoice billing finance
negotiation negotiate close closing qualified qualification prospect prospecting outbound inbound sequence email
template templates talk track tracks battlecard battlecards positioning messaging persona personas segment`
  .split(/\s+/)
  // The long tail real text has: 4,000 made-up words, so a domain word is in a few percent of bodies, not in half.
  .concat(Array.from({ length: 4000 }, (_, i) => tailWord(i)));

function tailWord(i: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dir', 'pel', 'sun', 'bra', 'qui', 'zet', 'mon', 'fa', 'gle', 'hu'];
  let w = '';
  for (let n = i + 17; w.length < 7; n = Math.floor(n / 16) + 3) w += syllables[n % 16];
  return w;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function seed(client: pg.Client, workspaceId: string, ownerId: string) {
  const competitors = ['Snowflake', 'Databricks', 'BigQuery', 'Redshift', 'Firebolt', 'ClickHouse', 'Starburst', 'Dremio', 'Teradata', 'Oracle', 'Yellowbrick', 'SingleStore'];
  const ids = (
    await client.query(
      `insert into competitors (workspace_id, name, match_keys) select $1, n, array[lower(n)] from unnest($2::text[]) n returning id, name`,
      [workspaceId, competitors],
    )
  ).rows as { id: string; name: string }[];
  const t0 = performance.now();
  // Realistic material: titles from the shapes PMMs use, a body of domain words, a few tags per facet.
  await client.query('select setseed(0.42)');
  await client.query(
    `
    with v as (select
      array['pricing sheet','integration guide','battlecard','case study','one-pager','talk track','objection handling','security review',
            'onboarding guide','migration playbook','discovery questions','ROI calculator','demo script','email template','FAQ','positioning',
            'win story','release brief','competitive update','webinar deck','analyst report','value map','proposal template',
            'security questionnaire','solution brief','customer reference','executive summary','QBR deck','launch kit','sales play',
            'renewal playbook','partner brief'] as kinds,
      array['Northwind Warehouse','Northwind Pipelines','Northwind Governance','Northwind Streaming'] as products,
      array['Enterprise','Mid-market','SMB'] as segments,
      array['CFO','CIO','Data engineer','Analytics lead','Security officer'] as personas,
      array['Prospecting','Qualification','Needs Analysis','Value Proposition','Proposal','Negotiation'] as stages,
      array['North America','EMEA','APAC','LATAM'] as regions,
      array['Acme Bank','Globex','Initech','Umbrella Health','Stark Retail','Wayne Logistics','Hooli','Vandelay','Soylent','Tyrell'] as customers,
      $6::text[] as words,
      $2::uuid[] as comp_ids, $3::text[] as comp_names
    ),
    r as (
      select g,
        v.kinds[1 + floor(random() * array_length(v.kinds, 1))::int] as kind,
        v.comp_names[1 + floor(random() * array_length(v.comp_names, 1))::int] as cname,
        v.customers[1 + floor(random() * array_length(v.customers, 1))::int] as customer,
        v.products[1 + floor(random() * array_length(v.products, 1))::int] as product,
        array(select v.segments[1 + floor(random() * 3)::int] from generate_series(1, 1 + (g % 2)) where g > 0) as segments,
        array(select v.personas[1 + floor(random() * 5)::int] from generate_series(1, 1 + (g % 3)) where g > 0) as personas,
        array(select v.stages[1 + floor(random() * 6)::int] from generate_series(1, 1 + (g % 2)) where g > 0) as stages,
        array(select v.regions[1 + floor(random() * 4)::int] from generate_series(1, 1 + (g % 2)) where g > 0) as regions,
        -- Zipf-like: word k of n is drawn with probability falling as k^(-2/3), so a domain word is in a few percent of bodies
        array_to_string(array(select v.words[1 + floor(power(random(), 3) * array_length(v.words, 1))::int] from generate_series(1, 60 + (g % 140)) where g > 0), ' ') as body,
        random() as p
      from generate_series(1, $4::int) g, v
    )
    insert into assets (workspace_id, title, type, status, body, owner_user_id, products, segments, personas, stages, regions, competitor_ids, tag_text,
                        current_version, published_at, review_by, updated_at)
    select $1,
      case when r.kind = 'battlecard' then r.cname || ' battlecard' || case when r.p < 0.5 then ' — ' || r.regions[1] else '' end
           when r.kind = 'case study' then r.customer || ' case study: ' || r.product
           when r.kind in ('integration guide', 'migration playbook') then initcap(r.kind) || ': ' || r.cname || ' to ' || r.product
           else initcap(r.kind) || ' — ' || r.product || case when r.p < 0.3 then ' for ' || r.segments[1] else '' end end,
      case r.kind when 'battlecard' then 'battlecard' when 'case study' then 'case_study' when 'pricing sheet' then 'pricing_sheet'
                  when 'one-pager' then 'one_pager' when 'talk track' then 'talk_track' when 'demo script' then 'demo_script'
                  when 'email template' then 'email_template' when 'FAQ' then 'faq' when 'positioning' then 'positioning' else 'other' end,
      case when r.p < 0.8 then 'published' when r.p < 0.95 then 'draft' else 'archived' end,
      r.body, $5, array[r.product], r.segments, r.personas, r.stages, r.regions,
      case when r.kind = 'battlecard' or r.p < 0.2 then array[(select id from unnest($2::uuid[], $3::text[]) c(id, n) where n = r.cname)] else '{}'::uuid[] end,
      array_to_string(array[r.product] || r.segments || r.personas || r.stages || r.regions || case when r.kind = 'battlecard' or r.p < 0.2 then array[r.cname] else '{}' end, ' '),
      case when r.p < 0.95 then 1 end, case when r.p < 0.8 then now() - interval '200 days' * r.p end,
      case when r.p < 0.8 then current_date + (floor(r.p * 400)::int - 80) end,
      now() - interval '1 day' * floor(r.p * 1000)
    from r`,
    [workspaceId, ids.map((c) => c.id), ids.map((c) => c.name), ASSETS, ownerId, VOCABULARY],
  );
  await client.query('vacuum analyze assets');
  await client.query('vacuum analyze asset_search'); // filled by the triggers on assets (migration 0009)
  return (performance.now() - t0) / 1000;
}

/**
 * The statements the endpoint runs for a query, built by the repository itself (captured instead of sent). Steady
 * (the library unchanged since the query's counts were made): the library's stamp and, with words, the page alone
 * (total and facets kept by the service; from the head's tiers when the words match 20 assets or more), without words
 * the index-ordered page. Cold (the first request for a query
 * and filter set after a change): the stamp, then with words one statement for page, total and facets, without
 * words the page and the counts statement.
 */
async function statementsOf(client: pg.Client, workspaceId: string, query: Query) {
  const dialect = new PgDialect();
  const captured: { sql: string; params: unknown[] }[] = [];
  const fake = {
    execute: async (q: SQL) => {
      captured.push(dialect.sqlToQuery(q));
      return { rows: [{ total: 0, page: [], facets: null, stamp: '', id: '', updated_at: new Date(0) }] };
    },
    transaction: async <T>(fn: (tx: unknown) => Promise<T>) => fn(fake),
  };
  const f = query.filters ?? {};
  const list = (x: string | string[] | undefined) => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);
  const filter: SearchFilter = {
    statuses: ['published'],
    types: list(f.type) as SearchFilter['types'],
    tags: { products: list(f.products), segments: list(f.segments), stages: list(f.stages), regions: list(f.regions) },
    today: new Date().toISOString().slice(0, 10),
  };
  const text = parseQuery(query.q);
  if (text) {
    // As the service, in one transaction (timeBare opens it): settings, stamp and competitor names, then one statement.
    await searchRepository.stamp(fake as never, workspaceId, { settings: true, names: true });
    await searchRepository.search(fake as never, workspaceId, text, filter, { sort: 'relevance', limit: 24, total: true, facets: true, settled: true });
    const cold = captured.splice(0);
    // Steady, as the service: the page from the head's tiers when the words match at least TYPO_BELOW assets (the
    // cold statement tells: `matched`), else the page alone from the whole statement.
    await client.query('begin');
    await client.query(`select set_config('app.workspace_id', $1, true)`, [workspaceId]);
    await client.query(cold[0]!.sql, cold[0]!.params);
    const matched = Number((await client.query(cold[1]!.sql, cold[1]!.params)).rows[0].matched);
    await client.query('commit');
    await searchRepository.stamp(fake as never, workspaceId, { settings: true, names: true });
    if (matched >= TYPO_BELOW) await searchRepository.headPage(fake as never, workspaceId, text, filter, { limit: 24, settled: true });
    else await searchRepository.search(fake as never, workspaceId, text, filter, { sort: 'relevance', limit: 24, total: false, facets: false, settled: true });
    return { steady: captured.splice(0), cold };
  }
  await searchRepository.browse(fake as never, workspaceId, filter, { limit: 24 });
  await searchRepository.stamp(fake as never, workspaceId, { names: true });
  const steady = captured.splice(0);
  await searchRepository.counts(fake as never, workspaceId, filter);
  return { steady, cold: [...steady, ...captured.splice(0)] };
}

/** A server answering the bench's requests: this checkout's, or `--base REF`'s on the same database. */
interface Target {
  label: string;
  api: string;
  stop(): Promise<void>;
}

const percentiles = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;

async function main() {
  // `SEARCH_BENCH_BASE=REF` (or `--base REF` when run directly): that commit's server too, on this one's database.
  const baseAt = process.argv.indexOf('--base');
  const baseRef = baseAt === -1 ? (process.env.SEARCH_BENCH_BASE ?? null) : process.argv[baseAt + 1]!;
  const tandem = await startTandem({ prefix: 'tandem-bench-search-' });
  const client = new pg.Client({ connectionString: tandem.databaseUrl() });
  const targets: Target[] = [{ label: 'this checkout', api: `${tandem.url}api/v1`, stop: () => tandem.stop() }];
  try {
    const { repCookie } = await benchWorkspace(tandem.url, 'rep@bench.test');

    await client.connect();
    const { id: workspaceId } = (await client.query(`select id from workspaces where slug = 'bench'`)).rows[0];
    const { user_id: ownerId } = (await client.query(`select user_id from memberships where workspace_id = $1 and role = 'admin'`, [workspaceId])).rows[0];
    const seconds = await seed(client, workspaceId, ownerId);
    console.log(`search: ${ASSETS.toLocaleString('en-US')} assets generated and indexed in ${seconds.toFixed(1)} s`);
    if (baseRef) {
      // The base's server on this one's database: the same rows, buffers and sessions; the two answer in turn.
      const base = prepareBase(baseRef) as { label: string; dir: string };
      const other = await startTandem({ dir: base.dir, prefix: 'tandem-bench-search-base-', databaseUrl: tandem.databaseUrl() });
      targets.unshift({ label: base.label, api: `${other.url}api/v1`, stop: () => other.stop() });
    }

    const url = (t: Target, query: Query) => {
      const u = new URL(`${t.api}/workspaces/bench/assets`);
      if (query.q) u.searchParams.set('q', query.q);
      for (const [k, v] of Object.entries(query.filters ?? {})) for (const x of Array.isArray(v) ? v : [v]) u.searchParams.append(k, x);
      return u;
    };
    const get = async (u: URL | string) => {
      const t0 = performance.now();
      const res = await fetch(u, { headers: { cookie: repCookie } });
      const body = (await res.json()) as { total: number };
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${String(u)}: ${res.status} ${JSON.stringify(body)}`);
      return { ms, body };
    };
    const endpoint = new Map<Target, Record<string, number[]>>(targets.map((t) => [t, {}]));
    const cold = new Map<Target, Record<string, number[]>>(targets.map((t) => [t, {}]));
    const bare: Record<string, number[]> = {};
    const coldBare: Record<string, number[]> = {};
    const totals: Record<string, number> = {};
    const statements = [];
    for (const query of QUERIES) statements.push(await statementsOf(client, workspaceId, query));
    const label = (query: Query) => `${query.kind}: ${query.q ?? ''}${query.filters && Object.keys(query.filters).length ? ` ${JSON.stringify(query.filters)}` : ''}`;
    const timeBare = async (list: { sql: string; params: unknown[] }[]) => {
      await client.query('begin');
      // Confined to the workspace as the endpoint's connection is (library_search_rows reads app.workspace_id).
      await client.query(`select set_config('app.workspace_id', $1, true)`, [workspaceId]);
      const t = performance.now();
      for (const s of list) await client.query(s.sql, s.params);
      const ms = performance.now() - t;
      await client.query('commit');
      return ms;
    };
    // Base and this checkout take turns, which goes first alternating round by round.
    const inTurn = (round: number) => (round % 2 === 0 ? targets : [...targets].reverse());
    for (let round = -2; round < ROUNDS; round++) {
      for (const [i, query] of QUERIES.entries()) {
        for (const t of inTurn(round)) {
          const { ms, body } = await get(url(t, query));
          if (round >= 0) (endpoint.get(t)![label(query)] ??= []).push(ms);
          totals[label(query)] = body.total;
        }
        const bareMs = await timeBare(statements[i]!.steady);
        if (round >= 0) (bare[label(query)] ??= []).push(bareMs);
      }
    }
    // Every query after a change: total and facet counts are made again (once per change, query and filter set).
    const change = () =>
      client.query(`update assets set updated_at = clock_timestamp() where id = (select id from assets where workspace_id = $1 limit 1)`, [workspaceId]);
    for (let round = 0; round < COLD_ROUNDS; round++) {
      for (const [i, query] of QUERIES.entries()) {
        for (const t of inTurn(round)) {
          await change();
          (cold.get(t)![label(query)] ??= []).push((await get(url(t, query))).ms);
        }
        await change();
        (coldBare[label(query)] ??= []).push(await timeBare(statements[i]!.cold));
      }
    }
    // The competitor page's API (issue 14: the page a rep opens before a competitive call loads in under a second) on
    // this library: every competitor's page, as the rep, each server in turn.
    const competitors = (await client.query(`select id from competitors where workspace_id = $1 order by name`, [workspaceId])).rows as { id: string }[];
    const pageTimes = new Map<Target, number[]>(targets.map((t) => [t, []]));
    for (let round = -1; round < Math.max(1, Math.round(ROUNDS / 5)); round++) {
      for (const c of competitors) {
        for (const t of inTurn(round)) {
          const { ms } = await get(`${t.api}/workspaces/bench/competitors/${c.id}`);
          if (round >= 0) pageTimes.get(t)!.push(ms);
        }
      }
    }
    const mine = targets[targets.length - 1]!;
    const allBare = Object.values(bare).flat();
    const head = ['query', 'results', ...targets.flatMap((t) => [`${t.label}: endpoint p50`, 'p95']), 'bare SQL p50', 'bare SQL p95'];
    console.log(`| ${head.join(' | ')} |`);
    console.log(`| --- | ${head.slice(1).map(() => '---:').join(' | ')} |`);
    for (const k of Object.keys(bare)) {
      const cells = targets.flatMap((t) => [percentile(endpoint.get(t)![k]!, 50), percentile(endpoint.get(t)![k]!, 95)]);
      const b = bare[k]!;
      console.log(`| ${k} | ${totals[k]!.toLocaleString('en-US')} | ${[...cells, percentile(b, 50), percentile(b, 95)].map((x) => `${x.toFixed(1)} ms`).join(' | ')} |`);
    }
    for (const t of targets) {
      const all = Object.values(endpoint.get(t)!).flat();
      const p95 = percentile(all, 95);
      console.log(
        `search (${t.label}): ${all.length} requests over ${QUERIES.length} mixed queries: endpoint ${percentiles(all)} ` +
          `(target < 100 ms: ${p95 < 100 ? 'within' : 'OVER'}); first request after a change: endpoint ${percentiles(Object.values(cold.get(t)!).flat())}; ` +
          `competitor page API (${competitors.length} competitors): ${percentiles(pageTimes.get(t)!)}`,
      );
    }
    console.log(`search: bare SQL (this checkout's statements) ${percentiles(allBare)}; first request after a change ${percentiles(Object.values(coldBare).flat())}`);
    if (targets.length > 1) {
      const [b, m] = [Object.values(endpoint.get(targets[0]!)!).flat(), Object.values(endpoint.get(mine)!).flat()];
      const [cb, cm] = [Object.values(cold.get(targets[0]!)!).flat(), Object.values(cold.get(mine)!).flat()];
      const ratio = (x: number[], y: number[], p: number) => (percentile(y, p) / percentile(x, p)).toFixed(2);
      console.log(
        `search: this / base, steady p50 ${ratio(b, m, 50)}, p95 ${ratio(b, m, 95)}; first after a change p50 ${ratio(cb, cm, 50)}, p95 ${ratio(cb, cm, 95)}; ` +
          `competitor page p50 ${ratio(pageTimes.get(targets[0]!)!, pageTimes.get(mine)!, 50)}, p95 ${ratio(pageTimes.get(targets[0]!)!, pageTimes.get(mine)!, 95)}`,
      );
    }
    console.log(`search: load average during the run ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min), ${os.cpus().length} cores`);
    process.exitCode = percentile(Object.values(endpoint.get(mine)!).flat(), 95) < 100 ? 0 : 1;
  } finally {
    await client.end().catch(() => undefined);
    // The base's server first: it uses this one's database.
    for (const t of targets) await t.stop();
  }
}

/** `--seed URL`: the same assets in a migrated database of one's own, to read the plans (EXPLAIN) at leisure. */
async function seedOnly(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ws = (await client.query(`insert into workspaces (slug, name) values ('bench', 'Bench') returning id`)).rows[0].id;
    const user = (await client.query(`insert into users (email, name) values ('ada@bench.test', 'Ada') returning id`)).rows[0].id;
    await client.query(`insert into memberships (workspace_id, user_id, role) values ($1, $2, 'admin')`, [ws, user]);
    console.log(`seeded ${ASSETS} assets in ${(await seed(client, ws, user)).toFixed(1)} s; workspace ${ws}`);
  } finally {
    await client.end();
  }
}

// Run as a script (not imported for its seed): the bench, or `--seed URL`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--seed') await seedOnly(process.argv[3]!);
  else await main();
}
