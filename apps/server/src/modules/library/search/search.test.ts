import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { matchKeysOf } from '../competitor-keys.ts';
import { tagTextOf } from '../tag-text.ts';
import { HEAD, searchRepository, type SearchCursor } from './search.repository.ts';
import { parseQuery } from './search-text.ts';

let h: Harness;
let admin: Client;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let acmeId: string;
let otherId: string;
const asset: Record<string, string> = {};
const comp: Record<string, string> = {};
const deal: Record<string, string> = {};

const pool = () => h.services.deps.database.pool;

interface AssetSeed {
  title: string;
  type?: string;
  status?: 'draft' | 'published' | 'archived';
  body?: string;
  products?: string[];
  segments?: string[];
  personas?: string[];
  stages?: string[];
  regions?: string[];
  competitors?: string[];
  reviewBy?: string;
  owner?: string;
  updatedAt?: string;
}

async function addCompetitor(workspaceId: string, name: string, aliases: string[] = []) {
  const { rows } = await pool().query('insert into competitors (workspace_id, name, aliases, match_keys) values ($1, $2, $3, $4) returning id', [
    workspaceId,
    name,
    aliases,
    matchKeysOf(name, aliases),
  ]);
  return rows[0].id as string;
}

async function addAsset(workspaceId: string, a: AssetSeed) {
  const tags = { products: a.products ?? [], segments: a.segments ?? [], personas: a.personas ?? [], stages: a.stages ?? [], regions: a.regions ?? [] };
  const competitorIds = (a.competitors ?? []).map((c) => comp[c]!);
  const { rows } = await pool().query(
    `insert into assets (workspace_id, title, type, status, body, owner_user_id, products, segments, personas, stages, regions, competitor_ids, tag_text,
                         review_by, current_version, published_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, coalesce($17::timestamptz, now())) returning id`,
    [
      workspaceId,
      a.title,
      a.type ?? 'one_pager',
      a.status ?? 'published',
      a.body ?? '',
      a.owner ?? null,
      tags.products,
      tags.segments,
      tags.personas,
      tags.stages,
      tags.regions,
      competitorIds,
      tagTextOf(tags, a.competitors ?? []),
      a.reviewBy ?? (a.status === 'draft' ? null : '2099-01-01'),
      a.status === 'draft' ? null : 1,
      a.status === 'draft' ? null : new Date('2026-01-01T00:00:00Z'),
      a.updatedAt ?? null,
    ],
  );
  return rows[0].id as string;
}

async function addDeal(workspaceId: string, d: { name: string; stage: string; category?: string; accountId?: string; products?: string[]; competitors?: string[] }) {
  const { rows } = await pool().query(
    `insert into deals (workspace_id, source, external_id, name, account_id, stage, stage_category, products, competitors)
     values ($1, 'test', $2, $2, $3, $4, $5, $6, $7) returning id`,
    [workspaceId, d.name, d.accountId ?? null, d.stage, d.category ?? 'open', d.products ?? [], d.competitors ?? []],
  );
  return rows[0].id as string;
}

type Hit = { id: string; title: string; status: string; highlight: { title: { text: string; match: boolean }[]; excerpt: { text: string; match: boolean }[] } };
type Facet = { value: string; label: string; count: number };
type Result = { items: Hit[]; nextCursor: string | null; total: number; facets: Record<string, Facet[]> | null };

async function search(query: Record<string, string | string[]>, who: Client = pmm.client, slug = 'acme') {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/assets`, query, headers: { cookie: who.cookie! } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
}
const titles = (r: Result) => r.items.map((i) => i.title);

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia PMM');
  rep = await addMember(h.app, admin, 'acme', 'ravi@acme.test', 'sales', 'Ravi Rep');
  acmeId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  otherId = (await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Other', slug: 'other' } })).json().id;

  comp.Snowflake = await addCompetitor(acmeId, 'Snowflake', ['SNOW', 'Snowflake Inc.']);
  comp.Databricks = await addCompetitor(acmeId, 'Databricks');

  asset.pricing = await addAsset(acmeId, { title: 'Pricing sheet', type: 'pricing_sheet', body: 'List prices for every plan.', products: ['Warehouse'], owner: pmm.userId });
  asset.priceTalk = await addAsset(acmeId, { title: 'Talk track: holding price in negotiation', type: 'talk_track', body: 'Trade, never give.' });
  asset.integration = await addAsset(acmeId, { title: 'Integration guide', body: 'How to connect the CRM and the data warehouse.', products: ['Pipelines'] });
  asset.snowCard = await addAsset(acmeId, {
    title: 'Snowflake battlecard',
    type: 'battlecard',
    body: 'Where we win against Snowflake: cost control.',
    competitors: ['Snowflake'],
    stages: ['Proposal'],
    segments: ['Enterprise'],
  });
  asset.dbCard = await addAsset(acmeId, { title: 'Databricks battlecards', type: 'battlecard', body: 'Lakehouse objections.', competitors: ['Databricks'], segments: ['Mid-market'] });
  asset.security = await addAsset(acmeId, {
    title: 'Security overview',
    body: 'Our pricing does not change with security add-ons; pricing questions go to the pricing desk.',
    segments: ['Enterprise'],
    regions: ['EMEA'],
  });
  asset.tagged = await addAsset(acmeId, { title: 'Discount approvals', body: 'Who signs what.', personas: ['Pricing'] });
  asset.draft = await addAsset(acmeId, { title: 'Pricing FAQ (draft)', status: 'draft', body: 'Not ready.', owner: pmm.userId });
  asset.archived = await addAsset(acmeId, { title: 'Old pricing sheet', status: 'archived', body: 'Retired.' });
  asset.overdue = await addAsset(acmeId, { title: 'Enterprise case study', type: 'case_study', body: 'Acme Bank moved in 6 weeks.', segments: ['Enterprise'], reviewBy: '2020-01-01', stages: ['Proposal'] });
  for (let i = 0; i < 30; i++) {
    asset[`filler${i}`] = await addAsset(acmeId, {
      title: `Quarterly update ${i}`,
      body: 'Release notes for the quarter.',
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i % 3)).toISOString(), // ties on updated_at: the id breaks them
    });
  }
  await addAsset(otherId, { title: 'Pricing sheet of another company', body: 'Secret prices.' });

  const { rows } = await pool().query(`insert into accounts (workspace_id, name, segment, region) values ($1, 'Acme Bank', 'Enterprise', 'EMEA') returning id`, [acmeId]);
  deal.bank = await addDeal(acmeId, { name: 'Acme Bank – Warehouse', stage: 'Proposal/Price Quote', accountId: rows[0].id, products: ['Warehouse'], competitors: ['Snowflake Inc.'] });
  deal.bare = await addDeal(acmeId, { name: 'No match', stage: 'Prospecting', products: ['Nothing'] });
  deal.other = await addDeal(otherId, { name: 'Other deal', stage: 'Proposal' });
});
afterAll(async () => h?.close());

describe('ranking', () => {
  it('finds a misspelled title first ("pricng" → "Pricing sheet")', async () => {
    const r = await search({ q: 'pricng' });
    expect(titles(r)[0]).toBe('Pricing sheet');
    // closer word by word than "price in" (which whole-extent trigram similarity preferred)
    expect(titles(r).indexOf('Talk track: holding price in negotiation')).toBeGreaterThan(0);
    expect(r.items[0]!.highlight.title).toEqual([
      { text: 'Pricing', match: true },
      { text: ' sheet', match: false },
    ]);
  });

  it('forgives a typo in each of several words of a title ("snowflke batlecard", "intgration guide")', async () => {
    expect(titles(await search({ q: 'snowflke batlecard' }))[0]).toBe('Snowflake battlecard');
    expect(titles(await search({ q: 'databriks battlecards' }))[0]).toBe('Databricks battlecards');
    expect(titles(await search({ q: 'intgration guide' }))[0]).toBe('Integration guide');
    // Every word must come close: one word of the title is not enough.
    expect(titles(await search({ q: 'pricng zebra' }))).toEqual([]);
  });

  it('finds stemmed words ("integrations" → "Integration guide")', async () => {
    const r = await search({ q: 'integrations' });
    expect(titles(r)[0]).toBe('Integration guide');
  });

  it('matches the last word as a prefix while it is typed ("batt" → battlecards)', async () => {
    const r = await search({ q: 'batt' });
    expect(titles(r).slice(0, 2).sort()).toEqual(['Databricks battlecards', 'Snowflake battlecard']);
    // "snowflake batt": both words, the unfinished one as a prefix
    expect(titles(await search({ q: 'snowflake batt' }))[0]).toBe('Snowflake battlecard');
  });

  it('ranks a title match above a tag match above a body match', async () => {
    const r = await search({ q: 'pricing' });
    const order = titles(r);
    expect(order[0]).toBe('Pricing sheet');
    expect(order.indexOf('Discount approvals')).toBeGreaterThan(order.indexOf('Pricing sheet'));
    expect(order.indexOf('Security overview')).toBeGreaterThan(order.indexOf('Discount approvals'));
    expect(order).toContain('Pricing FAQ (draft)');
  });

  it('highlights matching words in the excerpt around the first match, as plain text segments', async () => {
    const r = await search({ q: 'pricing' });
    const security = r.items.find((i) => i.title === 'Security overview')!;
    expect(security.highlight.excerpt.filter((s) => s.match).map((s) => s.text)).toEqual(['pricing', 'pricing', 'pricing']);
    expect(security.highlight.excerpt.map((s) => s.text).join('')).toContain('does not change');
  });

  it('never finds another workspace’s assets', async () => {
    const r = await search({ q: 'pricing sheet' });
    expect(titles(r)).not.toContain('Pricing sheet of another company');
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/other/assets', headers: { cookie: rep.client.cookie! } });
    expect(res.statusCode).toBe(404);
  });
});

describe('filters and facets', () => {
  it('sales never see drafts or archived assets, whatever they ask for', async () => {
    const r = await search({ q: 'pricing', status: ['draft', 'archived'] }, rep.client);
    expect(r.items.every((i) => i.status === 'published')).toBe(true);
    expect(titles(r)).not.toContain('Pricing FAQ (draft)');
    expect(titles(r)).not.toContain('Old pricing sheet');
  });

  it('writers see drafts and published by default, archived only when asked', async () => {
    expect(titles(await search({ q: 'pricing' }))).not.toContain('Old pricing sheet');
    expect(titles(await search({ q: 'pricing', status: 'archived' }))).toEqual(['Old pricing sheet']);
  });

  it('filters by type, tag facets (any of within one, all facets together), owner and overdue', async () => {
    expect(titles(await search({ type: 'battlecard' })).sort()).toEqual(['Databricks battlecards', 'Snowflake battlecard']);
    expect(titles(await search({ segments: ['Enterprise', 'Mid-market'] })).length).toBe(4);
    expect(titles(await search({ segments: 'Enterprise', type: 'battlecard' }))).toEqual(['Snowflake battlecard']);
    expect(titles(await search({ competitors: comp.Databricks! }))).toEqual(['Databricks battlecards']);
    expect(titles(await search({ owner: 'me' })).sort()).toEqual(['Pricing FAQ (draft)', 'Pricing sheet']);
    expect(titles(await search({ overdue: 'true' }))).toEqual(['Enterprise case study']);
  });

  it('counts each facet under the other filters', async () => {
    const r = await search({ segments: 'Enterprise' });
    expect(r.total).toBe(3);
    // The segment facet ignores the segment filter: every segment with its count among all assets.
    expect(r.facets!.segments).toEqual(
      expect.arrayContaining([
        { value: 'Enterprise', label: 'Enterprise', count: 3 },
        { value: 'Mid-market', label: 'Mid-market', count: 1 },
      ]),
    );
    // Other facets count within Enterprise only.
    expect(r.facets!.type).toEqual(expect.arrayContaining([{ value: 'battlecard', label: 'battlecard', count: 1 }]));
    expect(r.facets!.competitors).toEqual([{ value: comp.Snowflake, label: 'Snowflake', count: 1 }]);
    expect(r.facets!.regions).toEqual([{ value: 'EMEA', label: 'EMEA', count: 1 }]);
  });

  it('counts again once an asset changes (counts without words are kept between changes)', async () => {
    const before = await search({ segments: 'Mid-market' });
    expect(before.total).toBe(1);
    await pool().query(`update assets set segments = '{Mid-market}', updated_at = clock_timestamp() where id = $1`, [asset.integration]);
    const after = await search({ segments: 'Mid-market' });
    expect(after.total).toBe(2);
    expect(after.facets!.segments).toEqual(expect.arrayContaining([{ value: 'Mid-market', label: 'Mid-market', count: 2 }]));
    await pool().query(`update assets set segments = '{}', updated_at = clock_timestamp() where id = $1`, [asset.integration]);
    expect((await search({ segments: 'Mid-market' })).total).toBe(1);
  });

  it('counts a query with words again once the library changes (its counts are kept until then)', async () => {
    const before = await search({ q: 'quarterly' });
    expect(before.total).toBe(30);
    expect((await search({ q: 'quarterly' })).total).toBe(30); // kept
    const extra = await addAsset(acmeId, { title: 'Quarterly kickoff', body: 'Plans.', segments: ['SMB'] });
    const after = await search({ q: 'quarterly' });
    expect(after.total).toBe(31);
    expect(after.facets!.segments).toEqual([{ value: 'SMB', label: 'SMB', count: 1 }]);
    await pool().query('update assets set segments = $2 where id = $1', [extra, ['Enterprise']]);
    expect((await search({ q: 'quarterly' })).facets!.segments).toEqual([{ value: 'Enterprise', label: 'Enterprise', count: 1 }]);
    await pool().query('delete from assets where id = $1', [extra]);
    expect((await search({ q: 'quarterly' })).total).toBe(30);
  });
});

describe('the side table search reads (asset_search)', () => {
  it('follows every write of an asset: insert, a change of title, tags, body or status, and delete', async () => {
    const id = await addAsset(acmeId, { title: 'Zephyr rollout plan', body: 'Steps.' });
    expect(titles(await search({ q: 'zephyr' }))).toEqual(['Zephyr rollout plan']);
    await pool().query(`update assets set title = 'Quokka rollout plan', updated_at = clock_timestamp() where id = $1`, [id]);
    expect(titles(await search({ q: 'zephyr' }))).toEqual([]);
    expect(titles(await search({ q: 'quokka' }))).toEqual(['Quokka rollout plan']);
    await pool().query(`update assets set body = 'Wombat steps.', tag_text = 'Marsupial', personas = '{Marsupial}' where id = $1`, [id]);
    expect(titles(await search({ q: 'wombat' }))).toEqual(['Quokka rollout plan']);
    expect(titles(await search({ q: 'marsupial' }))).toEqual(['Quokka rollout plan']);
    expect((await search({ q: 'quokka', personas: 'Marsupial' })).total).toBe(1);
    await pool().query(`update assets set status = 'draft' where id = $1`, [id]);
    expect(titles(await search({ q: 'quokka' }, rep.client))).toEqual([]);
    expect(titles(await search({ q: 'quokka' }))).toEqual(['Quokka rollout plan']);
    const row = async () => (await pool().query('select title, status, personas from asset_search where asset_id = $1', [id])).rows[0];
    expect(await row()).toEqual({ title: 'Quokka rollout plan', status: 'draft', personas: ['Marsupial'] });
    await pool().query('delete from assets where id = $1', [id]);
    expect(await row()).toBeUndefined();
    expect(titles(await search({ q: 'quokka' }))).toEqual([]);
  });

  it('is read through library_search_rows: the confined workspace only, and never written through it', async () => {
    const seen = await h.services.deps.database.withTenant(otherId, async (tx) => {
      const r = await tx.execute<{ n: number; others: number }>(
        sql`select count(*)::int as n, count(*) filter (where workspace_id <> ${otherId})::int as others from library_search_rows`,
      );
      return r.rows[0]!;
    });
    expect(seen.others).toBe(0);
    const { rows } = await pool().query('select count(*)::int as n from asset_search where workspace_id = $1', [acmeId]);
    expect(rows[0].n).toBeGreaterThan(30);
    const wrote = await h.services.deps.database
      .withTenant(acmeId, (tx) => tx.execute(sql`update library_search_rows set title = 'x' where asset_id = ${asset.pricing}`))
      .then(
        () => 'written',
        (e: { cause?: { code?: string } }) => e.cause?.code,
      );
    expect(wrote).toBe('42501');
    const outside = await h.services.deps.database.pool.query('select count(*)::int as n from library_search_rows');
    expect(outside.rows[0].n).toBe(0); // not confined to a workspace: nothing
  });

  it('names a library change in asset_search_stamps, once per statement that writes assets', async () => {
    const stamp = async () => (await pool().query('select changes from asset_search_stamps where workspace_id = $1', [acmeId])).rows[0].changes as string;
    const before = Number(await stamp());
    await pool().query(`update assets set updated_at = clock_timestamp() where workspace_id = $1 and title like 'Quarterly update%'`, [acmeId]);
    expect(Number(await stamp())).toBe(before + 1);
    await pool().query(`update assets set updated_at = updated_at where false`);
    expect(Number(await stamp())).toBe(before + 1);
  });
});

describe('filters and facets, continued', () => {
  it('names the field of a bad filter', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/acme/assets?type=poster', headers: { cookie: pmm.client.cookie! } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('type');
    const cur = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/acme/assets?cursor=abc', headers: { cookie: pmm.client.cookie! } });
    expect(cur.statusCode).toBe(400);
    expect(cur.json().code).toBe('INVALID_CURSOR');
  });
});

describe('pagination', () => {
  async function all(query: Record<string, string>) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await search({ ...query, limit: '7', ...(cursor ? { cursor } : {}) });
      if (cursor) expect(r.facets).toBeNull();
      seen.push(...r.items.map((i) => i.id));
      cursor = r.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    return seen;
  }

  it('walks every result exactly once, newest first without a query', async () => {
    const first = await search({ limit: '7' });
    const ids = await all({});
    expect(ids.length).toBe(first.total);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('walks every result exactly once by relevance', async () => {
    const first = await search({ q: 'quarterly' });
    expect(first.total).toBe(30);
    const ids = await all({ q: 'quarterly' });
    expect(ids.length).toBe(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('scores the best candidates in full and the rest by the cheap score: one order, every result once', async () => {
    const text = parseQuery('quarterly')!;
    const filter = { statuses: ['published' as const], tags: {}, today: '2026-12-07' };
    const walk = (head: number) =>
      h.services.deps.database.readTenant(acmeId, async (db) => {
        const rows: { id: string; score: string | null }[] = [];
        let after: SearchCursor | undefined;
        for (let i = 0; i < 20; i++) {
          const page = await searchRepository.search(db, acmeId, text, filter, { sort: 'relevance', limit: 4, after, facets: false, head });
          rows.push(...page.rows.slice(0, 4));
          const last = page.rows[3];
          if (page.rows.length <= 4 || !last) break;
          after = { sort: 'relevance', score: last.score!, id: last.id };
        }
        return rows;
      });
    const full = await walk(HEAD);
    const headed = await walk(5);
    expect(full.length).toBe(30);
    expect(headed.length).toBe(30);
    expect(new Set(headed.map((r) => r.id)).size).toBe(30);
    // The score never rises along the walk, and the head's five are the full ranking's best among them.
    const scores = headed.map((r) => Number(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(headed.map((r) => r.id))).toEqual(new Set(full.map((r) => r.id)));
  });

  it('takes a ranked page from the title, tag and body tiers in turn: the same pages as ranking every match', async () => {
    // "pricing": title, tag (a persona) and body matches, drafts too for a writer; "quarterly": 30 title matches. A head
    // fills a page when it holds more than the page after the cursor (or every match).
    const cases = [
      { q: 'pricing', statuses: ['draft', 'published'] as const, heads: [2, 3, HEAD], limit: 1 },
      { q: 'pricing', statuses: ['published'] as const, heads: [3, HEAD], limit: 2 },
      { q: 'quarterly', statuses: ['published'] as const, heads: [5, 9, HEAD], limit: 4 },
    ];
    for (const c of cases) {
      const text = parseQuery(c.q)!;
      const filter = { statuses: [...c.statuses], tags: {}, today: '2026-12-07' };
      for (const head of c.heads) {
        const walk = (tiers: boolean) =>
          h.services.deps.database.readTenant(acmeId, async (db) => {
            const rows: { id: string; score: string | null }[] = [];
            let after: SearchCursor | undefined;
            let headed = 0;
            for (let i = 0; i < 40; i++) {
              const tiered = tiers ? await searchRepository.headPage(db, acmeId, text, filter, { limit: c.limit, after, head }) : null;
              if (tiered) headed++;
              const page = tiered ?? (await searchRepository.search(db, acmeId, text, filter, { sort: 'relevance', limit: c.limit, after, facets: false, head })).rows;
              rows.push(...page.slice(0, c.limit).map((r) => ({ id: r.id, score: r.score })));
              const last = page[c.limit - 1];
              if (page.length <= c.limit || !last) break;
              after = { sort: 'relevance', score: last.score!, id: last.id };
            }
            return { rows, headed };
          });
        const [full, tiered] = [await walk(false), await walk(true)];
        expect(tiered.rows, `${c.q}, head ${head}`).toEqual(full.rows);
        expect(tiered.headed, `${c.q}, head ${head}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('for this deal', () => {
  type DealAnswer = { items: { asset: { title: string; freshness: { state: string } }; why: string; score: number }[]; deal: { competitors: { name: string; competitorId: string | null }[] } };
  const forDeal = async (dealId: string, who: Client = rep.client) =>
    h.app.inject({ method: 'GET', url: `/api/v1/workspaces/acme/deals/${dealId}/assets`, headers: { cookie: who.cookie! } });

  it("ranks published assets by the deal's competitor, stage, products, segment and region, saying why", async () => {
    const res = await forDeal(deal.bank!);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DealAnswer;
    expect(body.deal.competitors).toEqual([{ name: 'Snowflake', competitorId: comp.Snowflake }]);
    const list = body.items.map((i) => i.asset.title);
    expect(list[0]).toBe('Snowflake battlecard');
    expect(body.items[0]!.why).toBe('Competitor: Snowflake · Stage: Proposal · Segment: Enterprise');
    // Stage + segment (4) outranks product alone (2); the overdue case study is flagged
    const caseStudy = body.items.find((i) => i.asset.title === 'Enterprise case study')!;
    expect(caseStudy.asset.freshness.state).toBe('overdue');
    expect(list.indexOf('Enterprise case study')).toBeLessThan(list.indexOf('Pricing sheet'));
    expect(body.items.find((i) => i.asset.title === 'Security overview')!.why).toBe('Segment: Enterprise · Region: EMEA');
    expect(list).not.toContain('Pricing FAQ (draft)');
    expect(list).not.toContain('Databricks battlecards');
  });

  it('answers an empty list for a deal nothing fits, and 404 for a deal of another workspace', async () => {
    expect((await forDeal(deal.bare!)).json().items).toEqual([]);
    const res = await forDeal(deal.other!);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('LIBRARY_DEAL_NOT_FOUND');
  });
});
