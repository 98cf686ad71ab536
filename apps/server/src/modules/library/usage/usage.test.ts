import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, type Client, type Harness } from '../../../../test/app-harness.ts';
import type { TenantContext } from '../../../lib/context.ts';
import { insertAsset, insertDeal, insertUsage, twoWorkspaces } from './usage.fixtures.ts';
import { mondayOf } from './usage.service.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let m: Awaited<ReturnType<typeof twoWorkspaces>>['m'];
let adminB: Client;
let wsA: string;
let wsB: string;
const ids = {} as Record<'asset' | 'draft' | 'dealA' | 'dealA2' | 'dealB', string>;

const A = (path: string) => `/api/v1/workspaces/acme/${path}`;
const db = () => h.services.deps.database.db;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await createHarness();
  ({ admin, m, wsA, wsB, adminB } = await twoWorkspaces(h));
  adminId = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user.id;
  const database = h.services.deps.database;
  ids.asset = await insertAsset(database, wsA, { title: 'Pricing one-pager', versions: [{ title: 'Pricing one-pager', body: 'Prices' }] });
  ids.draft = await insertAsset(database, wsA, { title: 'Secret draft' });
  ids.dealA = await insertDeal(database, wsA, 'Globex expansion');
  ids.dealA2 = await insertDeal(database, wsA, 'Initech renewal');
  ids.dealB = await insertDeal(database, wsB, 'Bravo deal');
});
afterAll(async () => h?.close());

describe('recording usage', () => {
  it('records events from a client, with a deal and a time', async () => {
    const res = await call(h.app, m.sales.client, 'POST', A(`assets/${ids.asset}/usage`), {
      body: { kind: 'copied', dealId: ids.dealA, occurredAt: '2026-03-01T10:00:00+01:00' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'copied', occurredAt: '2026-03-01T09:00:00.000Z', recorded: true });
    const row = await db().execute(sql`select kind, user_id, deal_id from asset_usage_events where id = ${res.json().id}`);
    expect(row.rows[0]).toEqual({ kind: 'copied', user_id: m.sales.userId, deal_id: ids.dealA });
  });

  it('refuses share_opened (the public page records those), attachments without a deal, the future, and foreign deals', async () => {
    const post = (body: unknown) => call(h.app, m.sales.client, 'POST', A(`assets/${ids.asset}/usage`), { body });
    const cases: [unknown, string][] = [
      [{ kind: 'share_opened' }, 'body.kind'],
      [{ kind: 'attached' }, 'body.dealId'],
      [{ kind: 'viewed', occurredAt: new Date(Date.now() + 3_600_000).toISOString() }, 'body.occurredAt'],
      [{ kind: 'viewed', occurredAt: '2026-02-30T10:00:00Z' }, 'body.occurredAt'],
      [{ kind: 'viewed', dealId: ids.dealB }, 'body.dealId'],
    ];
    for (const [body, path] of cases) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
  });

  it('attaches a deal once however often it is asked, and lists attached deals', async () => {
    const first = await call(h.app, m.sales.client, 'POST', A(`assets/${ids.asset}/deals`), { body: { dealId: ids.dealA } });
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toMatchObject([{ deal: { id: ids.dealA, name: 'Globex expansion', stageCategory: 'open' }, attachedBy: { name: 'Ravi Rep' } }]);
    expect((await call(h.app, m.sales_lead.client, 'POST', A(`assets/${ids.asset}/deals`), { body: { dealId: ids.dealA } })).json().total).toBe(1);
    const again = await call(h.app, m.sales.client, 'POST', A(`assets/${ids.asset}/usage`), { body: { kind: 'attached', dealId: ids.dealA } });
    expect(again.statusCode).toBe(201);
    expect(again.json().recorded).toBe(false);
    const n = await db().execute(sql`select count(*)::int as n from asset_usage_events where asset_id = ${ids.asset} and kind = 'attached'`);
    expect(n.rows[0]!.n).toBe(1);
    expect((await call(h.app, m.sales.client, 'GET', A(`assets/${ids.asset}/deals`))).json().total).toBe(1);
    const foreign = await call(h.app, m.sales.client, 'POST', A(`assets/${ids.asset}/deals`), { body: { dealId: ids.dealB } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('body.dealId');
  });

  it('keeps one vote per person: a second replaces the first; delete takes it back', async () => {
    const put = (who: Client, body: unknown) => call(h.app, who, 'PUT', A(`assets/${ids.asset}/vote`), { body });
    expect((await put(m.sales.client, { helpful: false, comment: 'Too long' })).json()).toMatchObject({ helpful: false, comment: 'Too long' });
    const replaced = await put(m.sales.client, { helpful: true, comment: '  Won us the Globex call  ' });
    expect(replaced.json()).toMatchObject({ helpful: true, comment: 'Won us the Globex call' });
    await put(m.sales_lead.client, { helpful: false });
    await put(m.marketing.client, { helpful: true, comment: 'Clear' });
    const rows = await db().execute(sql`select count(*)::int as n from asset_votes where asset_id = ${ids.asset}`);
    expect(rows.rows[0]!.n).toBe(3);
    const usage = (await call(h.app, m.sales.client, 'GET', A(`assets/${ids.asset}/usage`))).json();
    expect(usage.votes).toMatchObject({ helpful: 2, notHelpful: 1, mine: { helpful: true, comment: 'Won us the Globex call' } });
    expect(usage.votes.recentComments.map((c: { by: { name: string }; comment: string }) => `${c.by.name}: ${c.comment}`).sort()).toEqual([
      'Maya Marketing: Clear',
      'Ravi Rep: Won us the Globex call',
    ]);
    expect((await call(h.app, m.sales_lead.client, 'DELETE', A(`assets/${ids.asset}/vote`))).statusCode).toBe(204);
    const after = (await call(h.app, m.sales_lead.client, 'GET', A(`assets/${ids.asset}/usage`))).json();
    expect(after.votes).toMatchObject({ helpful: 2, notHelpful: 0, mine: null });
    const tooLong = await put(m.sales.client, { helpful: true, comment: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe('body.comment');
  });
});

describe('usage over time', () => {
  it('counts views and distinct viewers per week exactly as a hand-made fixture says', async () => {
    const asset = await insertAsset(h.services.deps.database, wsA, { title: 'Series fixture', versions: [{ title: 'Series fixture', body: 'x' }] });
    const at = (s: string) => new Date(s);
    const u1 = m.sales.userId;
    const u2 = m.sales_lead.userId;
    const ev = (kind: 'viewed' | 'downloaded' | 'copied' | 'shared' | 'share_opened', when: string, userId: string | null = u1, dealId: string | null = null) => ({
      workspaceId: wsA,
      assetId: asset,
      kind,
      userId,
      dealId,
      occurredAt: at(when),
    });
    await insertUsage(h.services.deps.database, [
      ev('viewed', '2026-02-15T23:59:59Z'), // Sunday before the window's first Monday: not counted
      ev('viewed', '2026-02-16T00:00:00Z'), // week of 16 Feb
      ev('viewed', '2026-02-18T09:00:00Z'),
      ev('viewed', '2026-02-22T23:59:59Z', u2),
      ev('viewed', '2026-03-03T12:00:00Z', u2), // week of 2 Mar
      ev('viewed', '2026-03-16T08:00:00Z'), // week of 16 Mar (this week)
      ev('viewed', '2026-03-17T08:00:00Z', u2),
      ev('viewed', '2026-03-17T09:00:00Z', null), // an API client naming nobody: a view, no viewer
      ev('downloaded', '2026-02-20T10:00:00Z'),
      ev('downloaded', '2026-03-10T10:00:00Z'),
      ev('downloaded', '2026-01-10T10:00:00Z'), // before the window
      ev('copied', '2026-03-11T10:00:00Z'),
      ev('shared', '2026-03-12T10:00:00Z', u1, ids.dealA),
      ev('share_opened', '2026-03-12T11:00:00Z', null, ids.dealA),
      ev('share_opened', '2026-03-13T11:00:00Z', null, ids.dealA),
      { ...ev('viewed', '2026-03-01T10:00:00Z'), workspaceId: wsA, assetId: ids.asset }, // another asset
    ]);
    await call(h.app, m.sales.client, 'POST', A(`assets/${asset}/deals`), { body: { dealId: ids.dealA } });
    await call(h.app, m.sales.client, 'POST', A(`assets/${asset}/deals`), { body: { dealId: ids.dealA2 } });
    const ctx: TenantContext = { workspaceId: wsA, slug: 'acme', role: 'sales', actor: { userId: u1, name: 'Ravi Rep', via: 'session', ip: null, requestId: null } };
    // Wednesday 18 March 2026, 28 days: from Wednesday 18 February back to Monday 16 February.
    const usage = await h.services.assetUsage.get(ctx, asset, { days: 28 }, at('2026-03-18T12:00:00Z'));
    expect(usage.from).toBe('2026-02-16');
    expect(usage.weeks).toEqual([
      { weekStart: '2026-02-16', views: 3, viewers: 2 },
      { weekStart: '2026-02-23', views: 0, viewers: 0 },
      { weekStart: '2026-03-02', views: 1, viewers: 1 },
      { weekStart: '2026-03-09', views: 0, viewers: 0 },
      { weekStart: '2026-03-16', views: 3, viewers: 2 },
    ]);
    // The attachments were made now (after the fixed clock), so they count among neither views nor the period's events.
    expect(usage.totals).toEqual({ views: 7, viewers: 2, downloads: 2, copies: 1, shares: 1, shareOpens: 2, dealsAttached: 2 });
  });

  it('answers a year by default over the API, every week present', async () => {
    const res = await call(h.app, m.sales.client, 'GET', A(`assets/${ids.asset}/usage`));
    expect(res.statusCode).toBe(200);
    const u = res.json();
    expect(u.days).toBe(365);
    const today = new Date().toISOString().slice(0, 10);
    expect(u.weeks.at(-1).weekStart).toBe(mondayOf(today));
    expect(u.weeks[0].weekStart).toBe(u.from);
    expect(u.weeks).toHaveLength(Math.round((Date.parse(mondayOf(today)) - Date.parse(u.from)) / (7 * DAY)) + 1);
    const bad = await call(h.app, m.sales.client, 'GET', A(`assets/${ids.asset}/usage`), { query: { days: '3' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.days');
  });
});

describe('the library report', () => {
  it('lists unused in 90 days, most used, most shared and overdue, each with its number', async () => {
    const database = h.services.deps.database;
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY);
    const pub = (title: string, days: number, reviewBy: string | null = null) =>
      insertAsset(database, wsA, { title, reviewBy, versions: [{ title, body: 'b', publishedAt: ago(days) }] });
    const neverUsed = await pub('R never used', 200);
    const longAgo = await pub('R used 100 days ago', 300);
    const fresh = await pub('R published last week', 7);
    const busy = await pub('R busy', 200);
    const shared = await pub('R shared', 200);
    const overdue = await pub('R overdue', 400, new Date(now - 10 * DAY).toISOString().slice(0, 10));
    const ev = (assetId: string, kind: 'viewed' | 'shared' | 'share_opened', days: number) => ({ workspaceId: wsA, assetId, kind, userId: adminId, occurredAt: ago(days) });
    await insertUsage(database, [
      ev(longAgo, 'viewed', 100),
      ev(busy, 'viewed', 5),
      ev(busy, 'viewed', 4),
      ev(busy, 'viewed', 3),
      ev(busy, 'shared', 3),
      ev(shared, 'shared', 2),
      ev(shared, 'shared', 1),
      ev(shared, 'share_opened', 1),
      ev(overdue, 'viewed', 1),
    ]);
    const res = await call(h.app, m.marketing.client, 'GET', A('library/report'));
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const named = (list: { asset: { id: string; title: string }; value: number }[]) =>
      list.filter((e) => e.asset.title.startsWith('R ')).map((e) => [e.asset.title, e.value]);
    expect(r.unused[0].asset.id).toBe(neverUsed);
    expect(named(r.unused)).toEqual([
      ['R never used', 200],
      ['R used 100 days ago', 100],
    ]);
    expect(r.unused.map((e: { asset: { id: string } }) => e.asset.id)).not.toContain(fresh);
    expect(named(r.mostUsed)).toEqual([
      ['R busy', 4],
      ['R shared', 2],
      ['R overdue', 1],
    ]);
    expect(named(r.mostShared)).toEqual([
      ['R shared', 2],
      ['R busy', 1],
    ]);
    expect(named(r.overdue)).toEqual([['R overdue', 10]]);
    expect(r.overdue[0].asset).toMatchObject({ id: overdue, freshness: { state: 'overdue' } });
    expect(r.windowDays).toBe(90);
    expect(r.overdueTotal).toBe(1);
    // Drafts are never listed.
    expect(JSON.stringify(r)).not.toContain('Secret draft');
  });
});

describe('who may call', () => {
  const routes = (assetId: string): [string, string, unknown?][] => [
    ['POST', `assets/${assetId}/usage`, { kind: 'viewed' }],
    ['GET', `assets/${assetId}/usage`],
    ['POST', `assets/${assetId}/deals`, { dealId: ids.dealA }],
    ['GET', `assets/${assetId}/deals`],
    ['PUT', `assets/${assetId}/vote`, { helpful: true }],
    ['DELETE', `assets/${assetId}/vote`],
  ];

  it('lets every member use published material; the report is for those who keep the library', async () => {
    for (const who of [admin, m.marketing.client, m.sales_lead.client, m.sales.client]) {
      for (const [method, path, body] of routes(ids.asset)) {
        const res = await call(h.app, who, method as 'GET', A(path), body === undefined ? {} : { body });
        expect(res.statusCode, `${method} ${path}`).toBeLessThan(300);
      }
    }
    for (const [who, status] of [
      [admin, 200],
      [m.marketing.client, 200],
      [m.sales_lead.client, 403],
      [m.sales.client, 403],
      [adminB, 404],
      [{}, 401],
    ] as const) {
      expect((await call(h.app, who, 'GET', A('library/report'))).statusCode).toBe(status);
    }
  });

  it('hides drafts from those who cannot edit, and everything from other workspaces (404)', async () => {
    for (const [method, path, body] of routes(ids.draft)) {
      const opts = body === undefined ? {} : { body };
      expect((await call(h.app, m.sales.client, method as 'GET', A(path), opts)).statusCode, `${method} ${path}`).toBe(404);
      expect((await call(h.app, m.marketing.client, method as 'GET', A(path), opts)).statusCode, `${method} ${path}`).toBeLessThan(300);
    }
    for (const [method, path, body] of routes(ids.asset)) {
      const opts = body === undefined ? {} : { body };
      expect((await call(h.app, adminB, method as 'GET', A(path), opts)).statusCode).toBe(404);
      expect((await call(h.app, adminB, method as 'GET', `/api/v1/workspaces/bravo/${path}`, opts)).statusCode).toBe(404);
      expect((await call(h.app, {}, method as 'GET', A(path), opts)).statusCode).toBe(401);
    }
  });
});
