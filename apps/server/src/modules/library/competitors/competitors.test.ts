import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Competitor, CompetitorList, CompetitorPage, UnlinkedCompetitorNames } from '@tandem/contracts';
import { call, type Client } from '../../../../test/app-harness.ts';
import { account, asset, deal, feedback, makeWorld, theme, type World } from '../influence/test-fixtures.ts';

let w: World;
const api = (p = '', slug = 'acme') => `/api/v1/workspaces/${slug}/competitors${p}`;
const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

async function create(body: Record<string, unknown>, who: Client = w.clients.marketing) {
  const res = await call(w.h.app, who, 'POST', api(), { body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Competitor;
}
async function page(id: string, who: Client = w.clients.sales) {
  const res = await call(w.h.app, who, 'GET', api(`/${id}`));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CompetitorPage;
}

let snow: Competitor;
let ent: string;

beforeAll(async () => {
  w = await makeWorld();
  ent = await account(w, 'Ent Co', 'Enterprise');
});
afterAll(async () => w?.h.close());

describe('competitor records and aliases', () => {
  it('links "SNOW", "Snowflake Inc." and "snowflake" in deals and feedback to one record, and a new alias links past data at once', async () => {
    await deal(w, { accountId: ent, status: 'won', closeDate: '2025-02-01', amount: '1000', competitors: ['SNOW'] });
    await deal(w, { accountId: ent, status: 'lost', closeDate: '2025-02-02', amount: '2000', competitors: ['Snowflake Inc.'] });
    // Two spellings of one competitor on one deal: the deal counts once.
    await deal(w, { accountId: ent, status: 'open', amount: '3000', competitors: ['snowflake', 'SNOW', 'Databricks'] });
    await deal(w, { accountId: ent, status: 'lost', closeDate: '2025-02-03', amount: '4000', competitors: ['Snowflake Computing'] });
    await deal(w, { accountId: ent, status: 'open', competitors: ['Acme DB', 'ACME-DB'] }); // one key, one deal
    await feedback(w, { text: 'They pitched SNOW credits', competitor: 'SNOW' });
    await feedback(w, { text: 'Snowflake Inc. undercut us', competitor: 'Snowflake Inc.' });
    await feedback(w, { text: 'Databricks demo went well', competitor: 'Databricks' });

    const before = (await call(w.h.app, w.clients.sales, 'GET', api('/unlinked'))).json() as UnlinkedCompetitorNames;
    // "SNOW" is one key, "snowflake" another (the same as "Snowflake Inc."): the list groups by key.
    expect(before.items).toEqual(
      expect.arrayContaining([
        { name: 'SNOW', spellings: ['SNOW'], deals: 2, feedback: 1 },
        { name: 'Snowflake Inc.', spellings: ['Snowflake Inc.', 'snowflake'], deals: 2, feedback: 1 },
        { name: 'Databricks', spellings: ['Databricks'], deals: 1, feedback: 1 },
        { name: 'Snowflake Computing', spellings: ['Snowflake Computing'], deals: 1, feedback: 0 },
      ]),
    );

    expect(before.items.find((i) => i.spellings.includes('Acme DB'))).toMatchObject({ deals: 1, feedback: 0 });
    expect(before.items.find((i) => i.spellings.includes('Acme DB'))!.spellings).toHaveLength(2);

    snow = await create({ name: 'Snowflake', aliases: ['SNOW', 'snow', ' Snowflake Inc. '], website: 'https://www.snowflake.com' });
    expect(snow.aliases).toEqual(['SNOW', 'Snowflake Inc.']); // "snow" repeats "SNOW"
    let p = await page(snow.id);
    expect(p.linked).toEqual({ deals: 3, feedback: 2 });
    expect(p.winRate).toMatchObject({ won: 1, closed: 2 });

    const after = (await call(w.h.app, w.clients.sales, 'GET', api('/unlinked'))).json() as UnlinkedCompetitorNames;
    expect(after.items.flatMap((i) => i.spellings).sort()).toEqual(['ACME-DB', 'Acme DB', 'Databricks', 'Snowflake Computing']);

    // "Add as alias" from the unlinked list.
    const patched = await call(w.h.app, w.clients.marketing, 'PATCH', api(`/${snow.id}`), { body: { aliases: [...snow.aliases, 'Snowflake Computing'] } });
    expect(patched.statusCode, patched.body).toBe(200);
    p = await page(snow.id);
    expect(p.linked).toEqual({ deals: 4, feedback: 2 });
    expect(p.winRate).toMatchObject({ won: 1, closed: 3 });
  });

  it('refuses with 409 a name or alias whose key belongs to another competitor, naming it and the field', async () => {
    const dup = await call(w.h.app, w.clients.marketing, 'POST', api(), { body: { name: 'Databricks', aliases: ['Delta', 'snowflake, inc'] } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'COMPETITOR_NAME_TAKEN', errors: [{ path: 'body.aliases[1]', message: '"snowflake, inc" already means Snowflake' }] });
    const byName = await call(w.h.app, w.clients.marketing, 'POST', api(), { body: { name: 'Snow' } });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().detail).toMatch(/already means Snowflake/);
    const blank = await call(w.h.app, w.clients.marketing, 'POST', api(), { body: { name: 'Databricks', aliases: ['Inc.'] } });
    expect(blank.statusCode).toBe(201); // "Inc." alone is a word, not a legal form after a name
    const db = blank.json() as Competitor;
    const empty = await call(w.h.app, w.clients.marketing, 'PATCH', api(`/${db.id}`), { body: { aliases: ['---'] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.aliases[0]');
    // Renaming onto another's alias is refused too; keeping its own keys is not a clash with itself.
    expect((await call(w.h.app, w.clients.marketing, 'PATCH', api(`/${db.id}`), { body: { name: 'SNOW' } })).statusCode).toBe(409);
    expect((await call(w.h.app, w.clients.marketing, 'PATCH', api(`/${snow.id}`), { body: { name: 'Snowflake Inc' } })).statusCode).toBe(200);
    const missing = await call(w.h.app, w.clients.marketing, 'POST', api(), { body: { name: '' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toMatch(/name/);
  });
});

describe('the competitor page', () => {
  it('gives win rate by quarter (not enough data under 10), lost revenue, pipeline, themes, battlecards and field intel', async () => {
    const oracle = await create({ name: 'Oracle', aliases: ['ORCL', 'Oracle Corporation'] });
    // 2025-Q3: 12 closed, 7 won and 5 lost (lost 10,000 each); 2025-Q4: 4 closed, 1 won and 3 lost (lost 1,000 each, one without an amount).
    for (let i = 0; i < 7; i++) await deal(w, { accountId: ent, status: 'won', closeDate: '2025-08-01', amount: '5000', competitors: ['Oracle'] });
    for (let i = 0; i < 5; i++) await deal(w, { accountId: ent, status: 'lost', closeDate: '2025-09-01', amount: '10000', competitors: ['ORCL'] });
    await deal(w, { accountId: ent, status: 'won', closeDate: '2025-10-01', amount: '5000', competitors: ['oracle corp'] });
    for (let i = 0; i < 2; i++) await deal(w, { accountId: ent, status: 'lost', closeDate: '2025-12-01', amount: '1000', competitors: ['Oracle Corporation'] });
    await deal(w, { accountId: ent, status: 'lost', closeDate: '2025-12-02', amount: null, competitors: ['Oracle'] });
    // 2026-Q2 after an empty quarter.
    await deal(w, { accountId: ent, status: 'won', closeDate: '2026-04-02', amount: '5000', competitors: ['Oracle'] });
    await deal(w, { accountId: ent, status: 'open', amount: '25000', competitors: ['Oracle', 'SNOW'] });
    await deal(w, { accountId: ent, status: 'open', amount: '5000', competitors: ['ORCL'] });

    const pricing = await theme(w, 'Pricing pressure');
    const licensing = await theme(w, 'Licensing audits', 'planned');
    await feedback(w, { text: 'Oracle discounts 60%', competitor: 'Oracle', themeId: pricing, observedAt: '2025-09-01T10:00:00Z' });
    await feedback(w, { text: 'ORCL bundle price', competitor: 'ORCL', themeId: pricing, observedAt: '2025-09-02T10:00:00Z' });
    await feedback(w, { text: 'Audit threats', competitor: 'Oracle Corporation', themeId: licensing, observedAt: '2025-09-03T10:00:00Z' });
    await feedback(w, { kind: 'competitor_intel', text: 'Heard ORCL is dropping support for v11', observedAt: '2025-09-04T10:00:00Z' });
    await feedback(w, { kind: 'competitor_intel', text: 'Oracles of pricing: nothing to do with them', observedAt: '2025-09-05T10:00:00Z' });
    await feedback(w, { kind: 'objection', text: 'Oracle is cheaper (but no competitor field)', observedAt: '2025-09-06T10:00:00Z' });

    const card = await asset(w, 'Oracle battlecard', { type: 'battlecard', competitorIds: [oracle.id], reviewBy: '2020-01-01' });
    const freshCard = await asset(w, 'Oracle battlecard (licensing)', { type: 'battlecard', competitorIds: [oracle.id], reviewBy: '2999-01-01' });
    await asset(w, 'Draft battlecard', { type: 'battlecard', status: 'draft', competitorIds: [oracle.id] });
    const story = await asset(w, 'Migration case study', { type: 'case_study', competitorIds: [oracle.id, snow.id] });

    const p = await page(oracle.id);
    expect(p.baseCurrency).toBe('USD');
    // Overall: won 7 + 1 + 1 = 9, closed 12 + 4 + 1 = 17.
    // Wilson: p = 9/17 = 0.529412, z²/n = 0.225976; centre = (0.529412 + 0.112988) / 1.225976 = 0.523990;
    //   half = 1.96 × √(0.529412 × 0.470588 / 17 + 3.8416 / 1156) / 1.225976 = 1.96 × √(0.014655 + 0.003323) / 1.225976 = 0.214362
    //   → [0.523990 − 0.214362, 0.523990 + 0.214362] = [0.3096, 0.7384]
    expect(p.winRate).toMatchObject({ won: 9, closed: 17, reason: null });
    expect([r4(p.winRate.rate), r4(p.winRate.low), r4(p.winRate.high)]).toEqual([0.5294, 0.3096, 0.7384]);
    expect(p.quarters.map((q) => [q.quarter, q.start, q.won, q.closed, r4(q.rate)])).toEqual([
      ['2025-Q3', '2025-07-01', 7, 12, 0.5833],
      ['2025-Q4', '2025-10-01', 1, 4, null],
      ['2026-Q1', '2026-01-01', 0, 0, null],
      ['2026-Q2', '2026-04-01', 1, 1, null],
    ]);
    // 2025-Q3: p = 7/12; centre = (0.583333 + 0.160067) / 1.320133 = 0.563127; half = 1.96 × √(0.020255 + 0.006669) / 1.320133 = 0.243694
    expect([r4(p.quarters[0]!.low), r4(p.quarters[0]!.high)]).toEqual([0.3195, 0.8067]);
    expect(p.quarters[1]!.reason).toBe('Not enough data: 4 closed deals; a rate needs at least 10.');
    expect(p.lostRevenue).toEqual({ deals: 8, amount: '52000.0000', withoutAmount: 1 }); // 5 × 10,000 + 2 × 1,000
    expect(p.openPipeline).toEqual({ deals: 2, amount: '30000.0000' });
    expect(p.themes).toEqual([
      { id: pricing, name: 'Pricing pressure', status: 'new', items: 2 },
      { id: licensing, name: 'Licensing audits', status: 'planned', items: 1 },
    ]);
    expect(p.battlecards.map((b) => [b.id, b.freshness.state])).toEqual([
      [freshCard, 'fresh'],
      [card, 'overdue'],
    ]);
    expect(p.assets.map((a) => a.id)).toEqual([story]);
    // Linked items of any kind, and competitor intel whose text names it as a word ("Oracles" does not).
    expect(p.fieldIntel.map((i) => i.text)).toEqual(['Heard ORCL is dropping support for v11', 'Audit threats', 'ORCL bundle price', 'Oracle discounts 60%']);
    expect(p.fieldIntel[1]).toMatchObject({ submittedBy: { name: 'Rae Rep' }, competitor: 'Oracle Corporation' });

    const list = (await call(w.h.app, w.clients.sales, 'GET', api())).json() as CompetitorList;
    const row = list.items.find((i) => i.id === oracle.id)!;
    expect(row.winRate).toMatchObject({ won: 9, closed: 17 });
    expect(row.openPipeline).toEqual({ deals: 2, amount: '30000.0000' });
    expect(row.battlecards).toEqual({ count: 2, overdue: 1, worst: 'overdue' });
    const snowRow = list.items.find((i) => i.id === snow.id)!;
    expect(snowRow.winRate).toMatchObject({ won: 1, closed: 3, rate: null });
    expect(snowRow.openPipeline).toEqual({ deals: 2, amount: '28000.0000' });
    expect(list.items.map((i) => i.name)).toEqual(['Databricks', 'Oracle', 'Snowflake Inc']);
    const searched = (await call(w.h.app, w.clients.sales, 'GET', api(), { query: { q: 'orcl' } })).json() as CompetitorList;
    expect(searched.items.map((i) => i.name)).toEqual(['Oracle']);
  });

  it('refuses to delete a competitor assets are tagged with; deletes another, its names then unlinked', async () => {
    const list = (await call(w.h.app, w.clients.sales, 'GET', api())).json() as CompetitorList;
    const oracle = list.items.find((i) => i.name === 'Oracle')!;
    const refused = await call(w.h.app, w.clients.marketing, 'DELETE', api(`/${oracle.id}`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'COMPETITOR_IN_USE' });
    const db = list.items.find((i) => i.name === 'Databricks')!;
    expect((await call(w.h.app, w.clients.marketing, 'DELETE', api(`/${db.id}`))).statusCode).toBe(204);
    expect((await call(w.h.app, w.clients.sales, 'GET', api(`/${db.id}`))).statusCode).toBe(404);
    const unlinked = (await call(w.h.app, w.clients.sales, 'GET', api('/unlinked'))).json() as UnlinkedCompetitorNames;
    expect(unlinked.items.map((i) => i.name)).toContain('Databricks');
  });
});

describe('who may call', () => {
  it('lets every member read and only admins and marketing write; another workspace gets 404, nobody 401', async () => {
    const id = (await create({ name: 'Role Matrix Co' })).id;
    const { admin, marketing, sales_lead, sales, other } = w.clients;
    for (const who of [admin, marketing, sales_lead, sales]) {
      expect((await call(w.h.app, who, 'GET', api())).statusCode).toBe(200);
      expect((await call(w.h.app, who, 'GET', api('/unlinked'))).statusCode).toBe(200);
      expect((await call(w.h.app, who, 'GET', api(`/${id}`))).statusCode).toBe(200);
    }
    for (const who of [sales_lead, sales]) {
      expect((await call(w.h.app, who, 'POST', api(), { body: { name: 'Nope' } })).statusCode).toBe(403);
      expect((await call(w.h.app, who, 'PATCH', api(`/${id}`), { body: { website: 'https://x.test' } })).statusCode).toBe(403);
      expect((await call(w.h.app, who, 'DELETE', api(`/${id}`))).statusCode).toBe(403);
    }
    expect((await call(w.h.app, admin, 'PATCH', api(`/${id}`), { body: { website: 'https://x.test' } })).statusCode).toBe(200);
    // Another workspace's admin: 404 on A's paths, and A's competitor is not found from B's either.
    for (const [method, path] of [
      ['GET', api()],
      ['GET', api('/unlinked')],
      ['GET', api(`/${id}`)],
      ['PATCH', api(`/${id}`)],
      ['DELETE', api(`/${id}`)],
    ] as const) {
      expect((await call(w.h.app, other, method, path, method === 'PATCH' ? { body: { name: 'x' } } : {})).statusCode).toBe(404);
      expect((await call(w.h.app, null, method, path, method === 'PATCH' ? { body: { name: 'x' } } : {})).statusCode).toBe(401);
    }
    expect((await call(w.h.app, other, 'GET', api(`/${id}`, 'bravo'))).statusCode).toBe(404);
    expect((await call(w.h.app, other, 'PATCH', api(`/${id}`, 'bravo'), { body: { name: 'x' } })).statusCode).toBe(404);
    expect((await call(w.h.app, admin, 'DELETE', api(`/${id}`))).statusCode).toBe(204);
  });
});
