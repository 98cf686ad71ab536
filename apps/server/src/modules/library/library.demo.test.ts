import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../test/app-harness.ts';
import { createDemoHarness } from '../../../test/demo-harness.ts';
import { seedDemo } from '../../demo.ts';
import { competitorKey, matchKeysOf } from './competitor-keys.ts';
import { DEMO_ASSETS } from './library.demo-corpus.ts';
import { versionBodies } from './library.demo.ts';
import { tagTextOf } from './tag-text.ts';

let h: Harness;
let q: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  ({ h, seeded } = await createDemoHarness());
  const pool = h.services.deps.database.pool;
  q = async (sql, params = []) => (await pool.query(sql, params)).rows;
}, 600_000);
afterAll(async () => h?.close());

const WS = `(select id from workspaces where slug = 'northwind')`;

describe('library demo data', () => {
  it('seeds the competitors and ~60 assets of every type, mostly published, with drafts and archived ones', async () => {
    expect(seeded).toMatchObject({ competitors: 5, assets: 60 });
    const byStatus = await q<{ status: string; n: number }>(`select status, count(*)::int as n from assets where workspace_id = ${WS} group by status order by status`);
    expect(byStatus).toEqual([
      { status: 'archived', n: 2 },
      { status: 'draft', n: 4 },
      { status: 'published', n: 54 },
    ]);
    const [t] = await q<{ types: number }>(`select count(distinct type)::int as types from assets where workspace_id = ${WS}`);
    expect(t!.types).toBe(11);
    const titles = (await q<{ title: string }>(`select title from assets where workspace_id = ${WS}`)).map((r) => r.title);
    expect(titles.some((t) => t.startsWith('Integration guide'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Pricing sheet'))).toBe(true);
    // Every owner is a marketing person.
    const owners = await q<{ role: string }>(
      `select distinct m.role from assets a join memberships m on m.workspace_id = a.workspace_id and m.user_id = a.owner_user_id where a.workspace_id = ${WS}`,
    );
    expect(owners).toEqual([{ role: 'marketing' }]);
  });

  it('links every spelling the demo deals and feedback use to one competitor record, with match keys from competitorKey', async () => {
    const comps = await q<{ id: string; name: string; aliases: string[]; match_keys: string[] }>(
      `select id, name, aliases, match_keys from competitors where workspace_id = ${WS}`,
    );
    for (const c of comps) {
      expect(c.match_keys).toEqual(matchKeysOf(c.name, c.aliases));
      const keys = [c.name, ...c.aliases].map(competitorKey);
      expect(new Set(c.match_keys)).toEqual(new Set(keys));
    }
    const keyOwner = new Map(comps.flatMap((c) => c.match_keys.map((k) => [k, c.name] as const)));
    expect(keyOwner.size).toBe(comps.flatMap((c) => c.match_keys).length);
    const texts = await q<{ t: string }>(
      `select distinct unnest(competitors) as t from deals where workspace_id = ${WS}
       union select distinct competitor from feedback_items where workspace_id = ${WS} and competitor is not null`,
    );
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const { t } of texts) expect(keyOwner.get(competitorKey(t)!), t).toBeDefined();
    for (const alias of ['SNOW', 'Snowflake Inc.', 'Amazon Redshift', 'Google BigQuery']) expect(keyOwner.has(competitorKey(alias)!), alias).toBe(true);

    const orphans = await q(
      `select a.title from assets a, unnest(a.competitor_ids) as cid
       where a.workspace_id = ${WS} and not exists (select 1 from competitors c where c.workspace_id = a.workspace_id and c.id = cid)`,
    );
    expect(orphans).toEqual([]);
    const tagged = await q<{ n: number }>(`select count(*)::int as n from assets where workspace_id = ${WS} and cardinality(competitor_ids) > 0`);
    expect(tagged[0]!.n).toBeGreaterThanOrEqual(15);
  });

  it('writes tag_text with tagTextOf, and versions whose bodies differ, numbered up to the current version', async () => {
    const rows = await q<{
      title: string;
      status: string;
      current_version: number | null;
      tag_text: string;
      products: string[];
      segments: string[];
      personas: string[];
      stages: string[];
      regions: string[];
      names: string[];
      versions: { number: number; body: string; change_note: string | null }[] | null;
    }>(
      `select a.title, a.status, a.current_version, a.tag_text, a.products, a.segments, a.personas, a.stages, a.regions,
         array(select c.name from unnest(a.competitor_ids) with ordinality as x(id, i) join competitors c on c.workspace_id = a.workspace_id and c.id = x.id order by x.i) as names,
         (select json_agg(json_build_object('number', v.number, 'body', v.body, 'change_note', v.change_note) order by v.number)
            from asset_versions v where v.workspace_id = a.workspace_id and v.asset_id = a.id) as versions
       from assets a where a.workspace_id = ${WS}`,
    );
    let multi = 0;
    for (const r of rows) {
      expect(r.tag_text, r.title).toBe(tagTextOf(r, r.names));
      if (r.status === 'draft') {
        expect(r.versions, r.title).toBeNull();
        expect(r.current_version).toBeNull();
        continue;
      }
      const vs = r.versions!;
      expect(vs.length, r.title).toBeGreaterThanOrEqual(1);
      expect(vs.length).toBeLessThanOrEqual(4);
      expect(vs.map((v) => v.number)).toEqual(vs.map((_, i) => i + 1));
      expect(r.current_version).toBe(vs.length);
      for (const v of vs) expect(v.change_note).toBeTruthy();
      for (let i = 1; i < vs.length; i++) expect(vs[i]!.body, `${r.title} v${i + 1}`).not.toBe(vs[i - 1]!.body);
      if (vs.length > 1) multi++;
    }
    expect(multi).toBeGreaterThanOrEqual(30);
    // The pure helper agrees: every corpus entry's versions differ from each other.
    for (const a of DEMO_ASSETS) expect(new Set(versionBodies(a)).size, a.key).toBe(a.notes.length);
  });

  it('has overdue, due-soon and fresh reviews, followers and votes with comments', async () => {
    const [r] = await q<{ overdue: number; soon: number; fresh: number; unused: number }>(
      `select count(*) filter (where review_by < current_date)::int as overdue,
              count(*) filter (where review_by >= current_date and review_by < current_date + 14)::int as soon,
              count(*) filter (where review_by >= current_date + 14)::int as fresh,
              count(*) filter (where not exists (select 1 from asset_usage_events e where e.workspace_id = a.workspace_id and e.asset_id = a.id
                 and e.occurred_at > now() - interval '90 days'))::int as unused
       from assets a where workspace_id = ${WS} and status = 'published'`,
    );
    expect(r!.overdue).toBeGreaterThanOrEqual(2);
    expect(r!.soon).toBeGreaterThanOrEqual(2);
    expect(r!.fresh).toBeGreaterThan(40);
    expect(r!.unused).toBeGreaterThanOrEqual(2);
    const [f] = await q<{ n: number; assets: number }>(`select count(*)::int as n, count(distinct asset_id)::int as assets from asset_followers where workspace_id = ${WS}`);
    expect(f!.assets).toBe(60);
    expect(f!.n).toBeGreaterThan(100);
    const [v] = await q<{ n: number; comments: number; unhelpful: number }>(
      `select count(*)::int as n, count(comment)::int as comments, count(*) filter (where not helpful)::int as unhelpful from asset_votes where workspace_id = ${WS}`,
    );
    expect(v!.comments).toBeGreaterThanOrEqual(8);
    expect(v!.unhelpful).toBeGreaterThanOrEqual(2);
  });

  it('records a year of usage by the sales team, deal events before each deal closed and while the asset was live', async () => {
    const [u] = await q<{ n: number; kinds: number; days: number; future: number; by_sales: number; with_user: number }>(
      `select count(*)::int as n, count(distinct kind)::int as kinds, extract(day from max(occurred_at) - min(occurred_at))::int as days,
              count(*) filter (where occurred_at > now())::int as future,
              count(*) filter (where m.role in ('sales', 'sales_lead'))::int as by_sales, count(e.user_id)::int as with_user
       from asset_usage_events e left join memberships m on m.workspace_id = e.workspace_id and m.user_id = e.user_id where e.workspace_id = ${WS}`,
    );
    expect(u).toMatchObject({ kinds: 6, future: 0 });
    expect(u!.n).toBe(seeded.usageEvents);
    expect(u!.n).toBeGreaterThan(5000);
    expect(u!.days).toBeGreaterThan(330);
    expect(u!.by_sales).toBe(u!.with_user);
    const late = await q(
      `select e.kind, e.occurred_at, d.close_date from asset_usage_events e join deals d on d.workspace_id = e.workspace_id and d.id = e.deal_id
       where e.workspace_id = ${WS} and d.stage_category <> 'open' and e.occurred_at >= d.close_date::timestamptz`,
    );
    expect(late).toEqual([]);
    const early = await q(
      `select a.title, e.occurred_at from asset_usage_events e join assets a on a.workspace_id = e.workspace_id and a.id = e.asset_id
       where e.workspace_id = ${WS} and (a.status = 'draft' or e.occurred_at < (select min(published_at) from asset_versions v where v.workspace_id = a.workspace_id and v.asset_id = a.id)
          or e.occurred_at > coalesce(a.archived_at, now()))`,
    );
    expect(early).toEqual([]);
    const [deals] = await q<{ n: number }>(`select count(distinct deal_id)::int as n from asset_usage_events where workspace_id = ${WS} and deal_id is not null`);
    expect(deals!.n).toBeGreaterThan(300);
  });

  it('has share links with opens, one revoked and one expired, opened only while they worked', async () => {
    const [s] = await q<{ n: number; revoked: number; expired: number; opened: number }>(
      `select count(*)::int as n, count(revoked_at)::int as revoked, count(*) filter (where expires_at < now())::int as expired,
              count(*) filter (where exists (select 1 from share_opens o where o.workspace_id = l.workspace_id and o.share_link_id = l.id))::int as opened
       from share_links l where workspace_id = ${WS}`,
    );
    expect(s).toMatchObject({ revoked: 1, expired: 1 });
    expect(s!.n).toBe(seeded.shareLinks);
    expect(s!.opened).toBeGreaterThan(s!.n / 2);
    const afterStop = await q(
      `select o.opened_at from share_opens o join share_links l on l.workspace_id = o.workspace_id and l.id = o.share_link_id
       where o.workspace_id = ${WS} and (o.opened_at >= coalesce(l.revoked_at, 'infinity') or o.opened_at >= coalesce(l.expires_at, 'infinity') or o.opened_at < l.created_at)`,
    );
    expect(afterStop).toEqual([]);
    const [m] = await q<{ mismatch: number }>(
      `select abs((select count(*) from share_opens where workspace_id = ${WS}) - (select count(*) from asset_usage_events where workspace_id = ${WS} and kind = 'share_opened'))::int as mismatch`,
    );
    expect(m!.mismatch).toBe(0);
  });

  it('makes the strong Snowflake battlecard associated with more wins than untouched deals, and the stale Databricks card not', async () => {
    const rate = async (title: string) => {
      const rows = await q<{ touched: boolean; won: number; closed: number }>(
        `with t as (select distinct e.deal_id from asset_usage_events e join assets a on a.workspace_id = e.workspace_id and a.id = e.asset_id
                    where a.workspace_id = ${WS} and a.title = $1 and e.deal_id is not null)
         select (d.id in (select deal_id from t)) as touched, count(*) filter (where d.stage_category = 'won')::int as won, count(*)::int as closed
         from deals d where d.workspace_id = ${WS} and d.stage_category <> 'open' group by 1`,
        [title],
      );
      const of = (touched: boolean) => rows.find((r) => r.touched === touched)!;
      return { touched: of(true), untouched: of(false) };
    };
    const strong = await rate('Battlecard: Northwind vs Snowflake');
    expect(strong.touched.closed).toBeGreaterThanOrEqual(30);
    expect(strong.touched.won / strong.touched.closed).toBeGreaterThan(strong.untouched.won / strong.untouched.closed + 0.1);
    const stale = await rate('Battlecard: Northwind vs Databricks (2025 edition)');
    expect(stale.touched.closed).toBeGreaterThanOrEqual(30);
    expect(Math.abs(stale.touched.won / stale.touched.closed - stale.untouched.won / stale.untouched.closed)).toBeLessThan(0.08);
  });

  it('is refused a second time, like the rest of the demo, and changes nothing', async () => {
    const before = await q(`select (select count(*) from assets)::int as a, (select count(*) from competitors)::int as c, (select count(*) from asset_usage_events)::int as u`);
    await expect(seedDemo(h.services, pino({ level: 'silent' }))).rejects.toThrow(/already exists; the demo is seeded once per database/);
    expect(await q(`select (select count(*) from assets)::int as a, (select count(*) from competitors)::int as c, (select count(*) from asset_usage_events)::int as u`)).toEqual(before);
  });
});
