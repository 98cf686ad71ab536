import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { seedDemo } from '../../demo.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { dealsRepository } from './deals.repository.ts';
import type { deals as dealsTable } from './tables.ts';

let h: Harness;
let admin: Client;
let rep: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let acmeId: string;
let bulkId: string;
const ids: Record<string, string> = {};
const accountIds: Record<string, string> = {};

type DealInsert = typeof dealsTable.$inferInsert;
const db = () => h.services.deps.database.db;

async function insertDeal(workspaceId: string, d: Omit<DealInsert, 'workspaceId' | 'source' | 'externalId'> & { externalId?: string }) {
  const [row] = await dealsRepository.insertDeals(db(), [{ workspaceId, source: 'test', externalId: d.externalId ?? randomUUID(), ...d }]);
  return row!.id;
}

const acme = (path: string) => `/api/v1/workspaces/acme/${path}`;
const get = async (path: string, query: Record<string, string | string[]> = {}, who: Client = admin) => {
  const res = await h.app.inject({ method: 'GET', url: acme(path), query, headers: { cookie: who.cookie! } });
  return res;
};
const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((d) => d.name).sort();

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  rep = await addMember(h.app, admin, 'acme', 'ravi@acme.test', 'sales', 'Ravi Rep');
  lead = await addMember(h.app, admin, 'acme', 'lena@acme.test', 'sales_lead', 'Lena Lead');
  acmeId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  bulkId = (await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Bulk', slug: 'bulk' } })).json().id;

  const [bank, shop] = await dealsRepository.insertAccounts(db(), [
    { workspaceId: acmeId, name: 'Acme Bank', segment: 'Enterprise', industry: 'Financial Services', region: 'EMEA', ownerUserId: rep.userId },
    { workspaceId: acmeId, name: 'Beta Shop', segment: 'SMB', domain: 'beta.example', ownerName: 'Someone Else' },
  ]);
  accountIds.bank = bank!.id;
  accountIds.shop = shop!.id;
  await dealsRepository.insertAccountSources(db(), [{ workspaceId: acmeId, source: 'salesforce', externalId: '001000000000001AAA', accountId: bank!.id }]);

  const common = { products: ['Warehouse'], competitors: [] as string[] };
  ids.alpha = await insertDeal(acmeId, { ...common, name: 'Alpha', accountId: bank!.id, amount: '1000', currency: 'USD', stage: 'Closed Won', stageCategory: 'won', probability: 100, closeDate: '2025-03-10', createdDate: '2025-01-05 09:30:00', ownerUserId: rep.userId, competitors: ['Snowflake'] });
  ids.bravo = await insertDeal(acmeId, { ...common, name: 'Bravo', accountId: bank!.id, amount: '2000', currency: 'EUR', stage: 'Negotiation/Review', stageCategory: 'open', probability: 90, closeDate: '2025-04-15', ownerName: 'Ghost Owner' });
  ids.charlie = await insertDeal(acmeId, { ...common, name: 'Charlie', accountId: shop!.id, stage: 'Closed Lost', stageCategory: 'lost', probability: 0, closeDate: '2025-02-01', ownerUserId: rep.userId, reason: 'Price' });
  ids.delta = await insertDeal(acmeId, { ...common, name: 'Delta', amount: '500', currency: 'GBP', stage: 'Verbal Commit', stageCategory: 'open', createdDate: '2025-02-20 00:00:00', ownerUserId: lead.userId });
  ids.echo = await insertDeal(acmeId, { ...common, name: 'Echo', accountId: shop!.id, amount: '300', currency: 'USD', stage: 'Prospecting', stageCategory: 'open', probability: 10, closeDate: '2025-03-31', ownerUserId: rep.userId });
  ids.foxtrot = await insertDeal(acmeId, { ...common, name: 'Foxtrot', accountId: bank!.id, amount: '700', currency: 'USD', stage: 'Closed Won', stageCategory: 'won', closeDate: '2025-03-15' });
  await dealsRepository.markRemoved(db(), acmeId, [ids.foxtrot]);
  await dealsRepository.insertHistory(db(), [
    { workspaceId: acmeId, dealId: ids.alpha, stage: 'Closed Won', stageCategory: 'won', amount: '1000', currency: 'USD', changedAt: new Date('2025-03-10T12:00:00Z') },
    { workspaceId: acmeId, dealId: ids.alpha, stage: 'Prospecting', stageCategory: 'open', amount: '800', currency: 'USD', changedAt: new Date('2025-01-05T09:30:00Z') },
  ]);
  await dealsRepository.recomputeAmountBase(db(), acmeId, 'USD');
});
afterAll(async () => h?.close());

describe('deal list filters', () => {
  it('lists live deals only, with amounts as decimal strings and the exact total', async () => {
    const res = await get('deals');
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    expect(res.json().total).toBe(5);
    const alpha = res.json().items.find((d: { name: string }) => d.name === 'Alpha');
    expect(alpha).toMatchObject({
      amount: '1000.0000',
      currency: 'USD',
      amountBase: '1000.0000',
      closeDate: '2025-03-10',
      createdDate: '2025-01-05T09:30:00',
      account: { id: accountIds.bank, name: 'Acme Bank', segment: 'Enterprise' },
      owner: { userId: rep.userId, name: 'Ravi Rep' },
      competitors: ['Snowflake'],
    });
    // No rate for EUR yet: the base amount is unknown rather than wrong.
    expect(res.json().items.find((d: { name: string }) => d.name === 'Bravo').amountBase).toBeNull();
  });

  it.each([
    [{ status: 'won' }, ['Alpha']],
    [{ status: ['open', 'lost'] }, ['Bravo', 'Charlie', 'Delta', 'Echo']],
    [{ stage: 'closed WON' }, ['Alpha']],
    [{ owner: 'ghost owner' }, ['Bravo']],
    [{ owner: 'Lena Lead' }, ['Delta']],
    [{ segment: 'enterprise' }, ['Alpha', 'Bravo']],
    [{ closeFrom: '2025-03-10', closeTo: '2025-03-31' }, ['Alpha', 'Echo']],
    [{ closeFrom: '2025-04-01' }, ['Bravo']],
    [{ status: 'open', segment: 'SMB' }, ['Echo']],
    [{ segment: 'Enterprise', closeTo: '2025-03-31' }, ['Alpha']],
    [{ status: ['won', 'lost'], owner: 'Ravi Rep', closeFrom: '2025-02-01' }, ['Alpha', 'Charlie']],
  ])('filters %j', async (query, expected) => {
    const res = await get('deals', query as Record<string, string | string[]>);
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res)).toEqual(expected);
    expect(res.json().total).toBe(expected.length);
  });

  it('filters by owner user id', async () => {
    expect(names(await get('deals', { owner: rep.userId }))).toEqual(['Alpha', 'Charlie', 'Echo']);
  });

  it('finds deals by words in their name or their account’s, and by account', async () => {
    expect(names(await get('deals', { q: 'lph' }))).toEqual(['Alpha']);
    expect(names(await get('deals', { q: 'beta shop' }))).toEqual(['Charlie', 'Echo']);
    expect(names(await get('deals', { q: '100%' }))).toEqual([]);
    expect(names(await get('deals', { accountId: accountIds.shop!, status: 'open' }))).toEqual(['Echo']);
  });

  it('counts the whole filtered set, not the page', async () => {
    const res = await get('deals', { status: 'open', limit: '1' });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().total).toBe(3);
    expect(res.json().nextCursor).toEqual(expect.any(String));
  });

  it('refuses bad filters with the field named', async () => {
    const bad: Record<string, string>[] = [{ status: 'maybe' }, { closeFrom: '2025-13-45x' }, { closeFrom: '2025-05-01', closeTo: '2025-04-01' }, { sort: 'owner' }];
    for (const query of bad) {
      const res = await get('deals', query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('deal paging and sorting', () => {
  const bulk: { id: string; name: string; closeDate: string | null; amount: number | null; updatedAt: string }[] = [];

  beforeAll(async () => {
    const rows: DealInsert[] = [];
    for (let i = 0; i < 45; i++) {
      const closeDate = i % 9 === 0 ? null : `2025-0${1 + (i % 6)}-1${i % 3}`; // nulls and many ties
      const amount = i % 11 === 0 ? null : String(((i * 37) % 13) * 1000); // nulls and ties
      const updatedAt = new Date(Date.UTC(2025, 0, 1 + (i % 10)));
      rows.push({
        workspaceId: bulkId,
        source: 'test',
        externalId: `b${i}`,
        name: `Deal ${String((i * 17) % 45).padStart(3, '0')}`,
        amount,
        amountBase: amount,
        currency: amount ? 'USD' : null,
        stage: 'Prospecting',
        stageCategory: 'open',
        closeDate,
        updatedAt,
      });
    }
    const inserted = await dealsRepository.insertDeals(db(), rows);
    inserted.forEach(({ id }, i) => {
      const r = rows[i]!;
      bulk.push({ id, name: r.name, closeDate: r.closeDate ?? null, amount: r.amount ? Number(r.amount) : null, updatedAt: r.updatedAt!.toISOString() });
    });
  });

  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  function expected(sort: string) {
    const desc = sort.startsWith('-');
    const field = sort.replace('-', '') as 'closeDate' | 'amount' | 'name' | 'updatedAt';
    const val = (d: (typeof bulk)[number]) => d[field];
    return [...bulk]
      .sort((x, y) => {
        const a = val(x);
        const b = val(y);
        // Missing values sort last either way; ties are broken by id in the sort's direction.
        if (a === null || b === null) {
          if (a !== b) return a === null ? 1 : -1;
        } else if (a !== b) return desc ? -cmp(a, b) : cmp(a, b);
        return desc ? -cmp(x.id, y.id) : cmp(x.id, y.id);
      })
      .map((d) => d.id);
  }

  it.each(['closeDate', '-closeDate', 'amount', '-amount', 'name', '-name', 'updatedAt', '-updatedAt'])(
    'pages through every deal once, sorted by %s',
    async (sort) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: Awaited<ReturnType<typeof h.app.inject>> = await h.app.inject({
          method: 'GET',
          url: '/api/v1/workspaces/bulk/deals',
          query: { sort, limit: '7', ...(cursor ? { cursor } : {}) },
          headers: { cookie: admin.cookie! },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().total).toBe(45);
        seen.push(...res.json().items.map((d: { id: string }) => d.id));
        cursor = res.json().nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBe(7);
      expect(new Set(seen).size).toBe(45);
      expect(seen).toEqual(expected(sort));
    },
  );

  it('refuses a cursor from another sort or a tampered one', async () => {
    const first = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/bulk/deals', query: { sort: 'name', limit: '5' }, headers: { cookie: admin.cookie! } });
    const cursor = first.json().nextCursor as string;
    const tampered = Buffer.from(JSON.stringify(['amount', "1; drop table deals", randomUUID()])).toString('base64url');
    for (const [sort, c] of [['amount', cursor], ['amount', tampered]] as const) {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/bulk/deals', query: { sort, cursor: c }, headers: { cookie: admin.cookie! } });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('INVALID_CURSOR');
    }
  });
});

describe('exchange rates', () => {
  it('converts amounts into the base currency, by the rate in effect at the close date', async () => {
    const put = await call(h.app, admin, 'PUT', acme('deal-settings/exchange-rates'), {
      body: { items: [{ currency: 'EUR', effectiveFrom: '2025-01-01', rate: '1.1' }, { currency: 'GBP', effectiveFrom: '2025-01-01', rate: '1.25' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ baseCurrency: 'USD', recomputedDeals: 2 });
    const byName = async () => Object.fromEntries((await get('deals')).json().items.map((d: { name: string; amountBase: string }) => [d.name, d.amountBase]));
    expect(await byName()).toMatchObject({ Alpha: '1000.0000', Bravo: '2200.0000', Delta: '625.0000', Echo: '300.0000', Charlie: null });

    // A new EUR rate from April applies to Bravo (closes 15 April) only.
    const again = await call(h.app, admin, 'PUT', acme('deal-settings/exchange-rates'), {
      body: {
        items: [
          { currency: 'EUR', effectiveFrom: '2025-01-01', rate: '1.1' },
          { currency: 'EUR', effectiveFrom: '2025-04-01', rate: '1.2' },
          { currency: 'GBP', effectiveFrom: '2025-01-01', rate: '1.25' },
        ],
      },
    });
    expect(again.json().recomputedDeals).toBe(1);
    expect((await byName()).Bravo).toBe('2400.0000');
    const list = await get('deal-settings/exchange-rates', {}, rep.client);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
  });

  it('refuses a rate for the base currency, duplicates, and non-admins', async () => {
    const base = await call(h.app, admin, 'PUT', acme('deal-settings/exchange-rates'), { body: { items: [{ currency: 'USD', effectiveFrom: '2025-01-01', rate: '1' }] } });
    expect(base.statusCode).toBe(400);
    expect(base.json().errors[0].path).toBe('body.items.0.currency');
    const dup = { currency: 'EUR', effectiveFrom: '2025-01-01', rate: '1.3' };
    expect((await call(h.app, admin, 'PUT', acme('deal-settings/exchange-rates'), { body: { items: [dup, dup] } })).statusCode).toBe(400);
    const denied = await call(h.app, lead.client, 'PUT', acme('deal-settings/exchange-rates'), { body: { items: [] } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('AUTH_FORBIDDEN');
    // Nothing changed.
    expect((await get('deal-settings/exchange-rates')).json().items).toHaveLength(3);
  });
});

describe('deal summary', () => {
  it('counts and sums base-currency amounts by status and by stage', async () => {
    const res = await get('deals/summary');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.baseCurrency).toBe('USD');
    expect(s.total).toEqual({ count: 5, amount: '4325.0000', withoutAmount: 1 });
    expect(s.byStatus).toEqual([
      { status: 'open', count: 3, amount: '3325.0000', withoutAmount: 0 },
      { status: 'won', count: 1, amount: '1000.0000', withoutAmount: 0 },
      { status: 'lost', count: 1, amount: '0.0000', withoutAmount: 1 },
    ]);
    expect(s.byStage).toContainEqual({ stage: 'Verbal Commit', stageCategory: 'open', count: 1, amount: '625.0000', withoutAmount: 0 });
    expect(s.byStage).toHaveLength(5);
  });

  it('takes the same filters as the list', async () => {
    const s = (await get('deals/summary', { segment: 'Enterprise' })).json();
    expect(s.total).toEqual({ count: 2, amount: '3400.0000', withoutAmount: 0 });
    expect(s.byStatus.map((x: { count: number }) => x.count)).toEqual([1, 1, 0]);
  });
});

describe('a deal page', () => {
  it('shows the deal with its account and stage history, oldest first', async () => {
    const res = await get(`deals/${ids.alpha}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ name: 'Alpha', stage: 'Closed Won', stageCategory: 'won' });
    expect(d.account).toMatchObject({ name: 'Acme Bank', segment: 'Enterprise', externalIds: [{ source: 'salesforce', externalId: '001000000000001AAA' }] });
    expect(d.history.map((x: { stage: string; amount: string }) => [x.stage, x.amount])).toEqual([
      ['Prospecting', '800.0000'],
      ['Closed Won', '1000.0000'],
    ]);
    const noAccount = (await get(`deals/${ids.delta}`)).json();
    expect(noAccount.account).toBeNull();
    expect(noAccount.owner).toEqual({ userId: lead.userId, name: 'Lena Lead' });
  });

  it('is 404 for a removed or unknown deal', async () => {
    for (const id of [ids.foxtrot, randomUUID()]) {
      const res = await get(`deals/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('DEAL_NOT_FOUND');
    }
  });
});

describe('accounts', () => {
  it('are listed by name with their deal counts on the account page', async () => {
    const list = await get('accounts');
    expect(list.json().items.map((a: { name: string }) => a.name)).toEqual(['Acme Bank', 'Beta Shop']);
    expect((await get('accounts', { segment: 'smb' })).json().total).toBe(1);
    expect((await get('accounts', { q: 'beta.ex' })).json().items[0].name).toBe('Beta Shop');
    const page1 = (await get('accounts', { limit: '1' })).json();
    const page2 = (await get('accounts', { limit: '1', cursor: page1.nextCursor })).json();
    expect([page1.items[0].name, page2.items[0].name, page2.nextCursor]).toEqual(['Acme Bank', 'Beta Shop', null]);
    const bank = await get(`accounts/${accountIds.bank}`);
    expect(bank.json()).toMatchObject({ name: 'Acme Bank', owner: { userId: rep.userId, name: 'Ravi Rep' }, deals: { open: 1, won: 1, lost: 0 } });
    expect((await get(`accounts/${accountIds.shop}`)).json().owner).toEqual({ userId: null, name: 'Someone Else' });
  });
});

describe('stage mapping', () => {
  it('shows built-in stages and the stages no mapping knows', async () => {
    const res = await get('deal-settings/stages', {}, rep.client);
    expect(res.statusCode).toBe(200);
    expect(res.json().unknownStages).toEqual([{ stage: 'Verbal Commit', count: 1 }]);
    expect(res.json().items).toContainEqual({ stage: 'Closed Won', category: 'won', probability: 100, builtIn: true });
  });

  it('re-mapping recomputes the status and probability of existing deals, with an audit entry', async () => {
    const res = await call(h.app, admin, 'PUT', acme('deal-settings/stages'), {
      body: { items: [{ stage: 'Verbal Commit', category: 'won', probability: 100 }, { stage: 'negotiation / review', category: 'open', probability: 95 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().recomputedDeals).toBe(2);
    expect(res.json().unknownStages).toEqual([]);
    expect(res.json().items).toContainEqual({ stage: 'Verbal Commit', category: 'won', probability: 100, builtIn: false });
    // The saved mapping replaces the built-in entry of the same stage.
    expect(res.json().items.filter((i: { stage: string }) => /negotiation/i.test(i.stage))).toHaveLength(1);
    expect(names(await get('deals', { status: 'won' }))).toEqual(['Alpha', 'Delta']);
    expect((await get(`deals/${ids.bravo}`)).json().probability).toBe(95);
    const audit = await call(h.app, admin, 'GET', acme('audit'));
    expect(audit.json().items[0]).toMatchObject({ action: 'deals.stage_mapping_updated', details: { recomputedDeals: 2 } });

    // Back to the built-in mapping: Delta's stage is unknown again, so open.
    const reset = await call(h.app, admin, 'PUT', acme('deal-settings/stages'), { body: { items: [] } });
    expect(reset.json().recomputedDeals).toBe(2);
    expect(names(await get('deals', { status: 'won' }))).toEqual(['Alpha']);
    expect((await get(`deals/${ids.delta}`)).json()).toMatchObject({ stageCategory: 'open', probability: null });
    expect((await get(`deals/${ids.bravo}`)).json().probability).toBe(90);
  });

  it('refuses two entries for one stage, and non-admins', async () => {
    const dup = await call(h.app, admin, 'PUT', acme('deal-settings/stages'), {
      body: { items: [{ stage: 'Verbal Commit', category: 'won' }, { stage: 'verbal-commit', category: 'lost' }] },
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0].path).toBe('body.items.1.stage');
    for (const who of [rep.client, lead.client]) {
      const res = await call(h.app, who, 'PUT', acme('deal-settings/stages'), { body: { items: [{ stage: 'Verbal Commit', category: 'won' }] } });
      expect(res.statusCode).toBe(403);
    }
    expect(names(await get('deals', { status: 'won' }))).toEqual(['Alpha']);
  });
});

describe('another workspace', () => {
  it("cannot see this workspace's deals or accounts", async () => {
    const wsOther = await h.services.workspaces.create({ userId: null, name: 'cli', via: 'cli', ip: null, requestId: null }, { name: 'Other', slug: 'other' }, null);
    await h.services.workspaces.addMember(
      { workspaceId: wsOther.id, slug: 'other', role: 'admin', actor: { userId: null, name: 'cli', via: 'cli', ip: null, requestId: null } },
      { email: 'olga@other.test', name: 'Olga Other', role: 'admin', password: PASSWORD },
    );
    const olga = await login(h.app, 'olga@other.test', PASSWORD);
    const theirs = await call(h.app, olga, 'GET', acme(`deals/${ids.alpha}`));
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('WORKSPACE_NOT_FOUND');
    const viaOwn = await call(h.app, olga, 'GET', `/api/v1/workspaces/other/deals/${ids.alpha}`);
    expect(viaOwn.json().code).toBe('DEAL_NOT_FOUND');
    expect((await call(h.app, olga, 'GET', `/api/v1/workspaces/other/accounts/${accountIds.bank}`)).statusCode).toBe(404);
    const list = await call(h.app, olga, 'GET', '/api/v1/workspaces/other/deals');
    expect(list.json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe('demo data', () => {
  it('seeds accounts and ~1,000 deals whose win rates differ by segment and competitor', async () => {
    const r = await seedDemo(h.services, pino({ level: 'silent' }));
    expect(r).toMatchObject({ accounts: 150, deals: 1000 });
    const dana = await login(h.app, 'dana@northwind.example', 'tandem-demo-2026');
    const summary = async (query: Record<string, string>) =>
      (await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/northwind/deals/summary', query, headers: { cookie: dana.cookie! } })).json();
    const all = await summary({});
    expect(all.total.count).toBe(1000);
    const winRate = async (segment: string) => {
      const s = await summary({ segment });
      const [, won, lost] = s.byStatus.map((x: { count: number }) => x.count);
      return won / (won + lost);
    };
    expect(await winRate('SMB')).toBeGreaterThan(await winRate('Enterprise'));
    // Non-USD deals got base amounts through the exchange rates.
    const eur = await h.app.inject({ method: 'GET', url: '/api/v1/workspaces/northwind/deals', query: { limit: '200' }, headers: { cookie: dana.cookie! } });
    const foreign = eur.json().items.filter((d: { currency: string | null }) => d.currency === 'EUR' || d.currency === 'GBP');
    expect(foreign.length).toBeGreaterThan(0);
    for (const d of foreign) expect(Number(d.amountBase)).toBeGreaterThan(Number(d.amount));
    const page = await h.app.inject({ method: 'GET', url: `/api/v1/workspaces/northwind/deals/${eur.json().items[0].id}`, headers: { cookie: dana.cookie! } });
    expect(page.json().history.length).toBeGreaterThan(0);
    // No deal was created in the future, and each deal's stage steps happen one after another.
    const pool = h.services.deps.database.pool;
    const future = await pool.query("select count(*)::int as n from deals d join workspaces w on w.id = d.workspace_id where w.slug = 'northwind' and d.created_date > now()");
    expect(future.rows[0].n).toBe(0);
    const ties = await pool.query(
      "select count(*)::int as n from (select deal_id, changed_at from deal_stage_history h join workspaces w on w.id = h.workspace_id where w.slug = 'northwind' group by 1, 2 having count(*) > 1) t",
    );
    expect(ties.rows[0].n).toBe(0);
  });
});

describe('changing the base currency', () => {
  it('re-expresses the exchange rates in the new base and recomputes every base amount', async () => {
    const ws = (await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Rebase', slug: 'rebase', baseCurrency: 'USD' } })).json();
    const put = await call(h.app, admin, 'PUT', '/api/v1/workspaces/rebase/deal-settings/exchange-rates', {
      body: { items: [{ currency: 'EUR', effectiveFrom: '2025-01-01', rate: '1.25' }, { currency: 'GBP', effectiveFrom: '2025-01-01', rate: '1.5' }] },
    });
    expect(put.statusCode).toBe(200);
    const usd = await insertDeal(ws.id, { name: 'In dollars', amount: '100', currency: 'USD', amountBase: '100', stage: 'Prospecting', stageCategory: 'open', closeDate: '2025-06-01' });
    const eur = await insertDeal(ws.id, { name: 'In euros', amount: '100', currency: 'EUR', amountBase: '125', stage: 'Prospecting', stageCategory: 'open', closeDate: '2025-06-01' });
    const gbp = await insertDeal(ws.id, { name: 'In pounds', amount: '100', currency: 'GBP', amountBase: '150', stage: 'Prospecting', stageCategory: 'open', closeDate: '2025-06-01' });

    const patch = await call(h.app, admin, 'PATCH', '/api/v1/workspaces/rebase', { body: { baseCurrency: 'EUR' } });
    expect(patch.statusCode).toBe(200);
    const rates = (await call(h.app, admin, 'GET', '/api/v1/workspaces/rebase/deal-settings/exchange-rates')).json();
    expect(rates).toEqual({
      baseCurrency: 'EUR',
      items: [
        { currency: 'GBP', effectiveFrom: '2025-01-01', rate: '1.2000000000' },
        { currency: 'USD', effectiveFrom: '2025-01-01', rate: '0.8000000000' },
      ],
    });
    const amount = async (id: string) => (await call(h.app, admin, 'GET', `/api/v1/workspaces/rebase/deals/${id}`)).json().amountBase;
    expect(await amount(usd)).toBe('80.0000');
    expect(await amount(eur)).toBe('100.0000');
    expect(await amount(gbp)).toBe('120.0000');
  });
});
