import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { cliActor, type TenantContext } from '../../../lib/context.ts';
import { createDispatcher } from '../../notifications/index.ts';
import { localDay } from './evaluate.ts';
import type { MetricsPort } from './metrics-port.ts';
import { createObjectivesService } from './objectives.service.ts';
import { snapshotGoals } from './snapshot-job.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let rep2: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let bravo: Client;
let wsId: string;
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const pool = () => h.services.deps.database.pool;
const today = () => localDay(new Date(), 'UTC');
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
async function req(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  return { code: res.statusCode, json: res.body ? res.json() : null };
}
async function ok(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const r = await req(who, method, path, body, slug);
  expect(r.code, JSON.stringify(r.json)).toBeLessThan(300);
  return r.json;
}
async function dispatchAll() {
  const dispatcher = createDispatcher(h.services.deps, { send: async () => null });
  while ((await dispatcher.dispatchBatch()) > 0);
}
const inbox = async (userId: string) =>
  (await pool().query("select title from inbox_items where user_id = $1 and type = 'goal.status_changed' order by created_at", [userId])).rows.map((r) => r.title as string);

/** A period with today exactly half way: 10 days before and after. */
const halfWay = () => ({ kind: 'custom', start: shift(today(), -10), end: shift(today(), 10) });
const manual = (over: Record<string, unknown> = {}) => ({ title: 'Reference customers signed', kind: 'manual', baseline: 0, target: 10, ...over });

/** The catalogue, stubbed: win rate answers whatever `winRate` holds. */
let winRate: { value: number | null; noData: boolean } = { value: 0.25, noData: false };
const calls: unknown[] = [];
const stub: MetricsPort = {
  listMetrics: () => [
    { name: 'win-rate', kind: 'proportion', unit: 'fraction', higherIsBetter: true, filters: ['period', 'segment', 'owner', 'team', 'product', 'competitor'], byAmount: true },
    { name: 'pipeline-created', kind: 'currency', unit: 'USD', higherIsBetter: true, filters: ['period', 'segment'], byAmount: false },
  ],
  evaluateMetric: async (_ctx, q) => {
    calls.push(q);
    return { total: { value: winRate.value, numerator: winRate.value === null ? null : winRate.value * 100, denominator: 100, noData: winRate.noData } };
  },
};

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
  wsId = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  rep2 = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Rep');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
}, 120_000);
afterAll(async () => h?.close());

describe('the owners rule', () => {
  it('a goal with owners from marketing only is refused, saying sales is missing and who was given', async () => {
    const r = await req(admin, 'POST', 'goals', { title: 'Win mid-market', period: halfWay(), ownerIds: [pmm.userId] });
    expect(r.code).toBe(400);
    expect(r.json.errors).toEqual([
      { path: 'body.ownerIds', message: 'A shared goal needs an owner from sales (a sales rep or sales lead); owners given: Pia Marketing (Marketing (PMM))' },
    ]);
  });
  it('sales only: marketing is missing; an admin counts for neither team', async () => {
    const r = await req(admin, 'POST', 'goals', { title: 'Win mid-market', period: halfWay(), ownerIds: [lead.userId, adminId] });
    expect(r.code).toBe(400);
    expect(r.json.detail).toContain('needs an owner from marketing (a PMM); owners given:');
    expect(r.json.detail).toContain('(Admin: counts for neither team)');
    const none = await req(admin, 'POST', 'goals', { title: 'X', period: halfWay(), ownerIds: [adminId] });
    expect(none.json.detail).toContain('an owner from marketing (a PMM) and an owner from sales (a sales rep or sales lead)');
  });
  it('a sales lead counts as sales; someone of another workspace is refused naming the field', async () => {
    const created = await ok(pmm.client, 'POST', 'goals', { title: 'Lead and PMM', period: halfWay(), ownerIds: [pmm.userId, lead.userId] });
    expect(created.goal.owners.map((o: { name: string }) => o.name)).toEqual(['Lee Lead', 'Pia Marketing']);
    const bea = (await pool().query("select id from users where email = 'bea@bravo.test'")).rows[0].id;
    const r = await req(admin, 'POST', 'goals', { title: 'X', period: halfWay(), ownerIds: [pmm.userId, rep.userId, bea] });
    expect(r.code).toBe(400);
    expect(r.json.errors[0].path).toBe('body.ownerIds.2');
  });
  it('editing owners keeps the rule', async () => {
    const { goal } = await ok(admin, 'POST', 'goals', { title: 'Edit owners', period: halfWay(), ownerIds: [pmm.userId, rep.userId] });
    const r = await req(admin, 'PATCH', `goals/${goal.id}`, { ownerIds: [rep.userId, rep2.userId] });
    expect(r.code).toBe(400);
    expect(r.json.detail).toContain('needs an owner from marketing');
    const after = await ok(admin, 'GET', `goals/${goal.id}`);
    expect(after.owners).toHaveLength(2);
  });
});

describe('bad input', () => {
  it('period end before start, a malformed quarter, a target equal to the baseline, an unknown metric: 400 naming the field', async () => {
    const base = { title: 'Bad', ownerIds: [pmm.userId, rep.userId] };
    const cases: [unknown, string][] = [
      [{ ...base, period: { kind: 'custom', start: '2027-01-31', end: '2026-11-01' } }, 'body.period.end'],
      [{ ...base, period: { kind: 'quarter', label: 'Q1 2027' } }, 'body.period.label'],
      [{ ...base, period: halfWay(), keyResults: [manual({ target: 0 })] }, 'body.keyResults.0.target'],
      [{ ...base, period: halfWay(), keyResults: [manual(), { title: 'Win rate', kind: 'metric', metric: 'win-ratio', baseline: 0.2, target: 0.3 }] }, 'body.keyResults.1.metric'],
      [{ ...base, period: halfWay(), keyResults: [manual({ direction: 'decrease' })] }, 'body.keyResults.0.direction'],
      [{ ...base, period: halfWay(), keyResults: [{ title: 'No metric', kind: 'metric', baseline: 0, target: 1 }] }, 'body.keyResults.0.metric'],
    ];
    for (const [body, path] of cases) {
      const r = await req(admin, 'POST', 'goals', body);
      expect(r.code, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await pool().query("select count(*)::int as n from goals where title = 'Bad'")).rows[0].n).toBe(0);
  });
  it('a fiscal quarter takes its dates from the workspace fiscal year', async () => {
    await pool().query('update workspaces set fiscal_year_start_month = 2 where id = $1', [wsId]);
    const { goal } = await ok(admin, 'POST', 'goals', { title: 'Quarter goal', period: { kind: 'quarter', label: 'FY2027 Q4' }, ownerIds: [pmm.userId, rep.userId] });
    expect(goal.period).toEqual({ kind: 'quarter', label: 'FY2027 Q4', start: '2026-11-01', end: '2027-01-31' });
    await pool().query('update workspaces set fiscal_year_start_month = 1 where id = $1', [wsId]);
  });
});

describe('manual key results, check-ins, comments, history', () => {
  it('status follows check-ins against the path; owners are told of a change, not the person who caused it', async () => {
    const { goal } = await ok(pmm.client, 'POST', 'goals', {
      title: 'Ten reference customers',
      why: 'Reps need proof',
      period: halfWay(),
      ownerIds: [pmm.userId, rep.userId],
      keyResults: [manual()],
    });
    expect(goal.status).toBe('no_data');
    const kr = goal.keyResults[0];
    expect(kr.expected).toBeCloseTo(5);
    // A rep owner may check in (goals.write is not theirs); another rep may not.
    expect((await req(rep2.client, 'POST', `goals/${goal.id}/key-results/${kr.id}/check-ins`, { value: 5 })).code).toBe(403);
    expect((await req(rep.client, 'POST', `goals/${goal.id}/key-results/${kr.id}/check-ins`, { note: 'no number' })).json.errors[0].path).toBe('body.value');
    await ok(rep.client, 'POST', `goals/${goal.id}/key-results/${kr.id}/check-ins`, { value: 5, note: 'Half way: exactly on the path' });
    let now = await ok(rep2.client, 'GET', `goals/${goal.id}`);
    expect(now.status).toBe('on_track');
    expect(now.can).toEqual({ edit: false, checkIn: false, comment: true });
    await ok(rep.client, 'POST', `goals/${goal.id}/key-results/${kr.id}/check-ins`, { value: 4.5 });
    now = await ok(rep.client, 'GET', `goals/${goal.id}`);
    expect(now.status).toBe('at_risk');
    const last = await ok(pmm.client, 'POST', `goals/${goal.id}/key-results/${kr.id}/check-ins`, { value: 2, note: 'Two pulled out' });
    expect(last).toMatchObject({ value: 2, goalStatus: 'off_track', notified: [{ name: 'Rae Rep', role: 'sales' }] });
    expect((await ok(rep.client, 'GET', `goals/${goal.id}`)).status).toBe('off_track');
    await dispatchAll();
    // no_data → on_track and on_track → at_risk were the rep's doing (the PMM told); at_risk → off_track the PMM's (the rep told).
    expect(await inbox(pmm.userId)).toEqual(['“Ten reference customers” is now on track (was no data)', '“Ten reference customers” is now at risk (was on track)']);
    expect(await inbox(rep.userId)).toEqual(['“Ten reference customers” is now off track (was at risk)']);
    expect(await inbox(rep2.userId)).toEqual([]);
    const audits = (await pool().query("select details from audit_log where action = 'goal.status_changed' and target_id = $1 order by created_at", [goal.id])).rows;
    expect(audits.map((a) => a.details.to)).toEqual(['on_track', 'at_risk', 'off_track']);

    const history = await ok(rep2.client, 'GET', `goals/${goal.id}/key-results/${kr.id}/history`);
    expect(history.path).toEqual([
      { day: goal.period.start, value: 0 },
      { day: goal.period.end, value: 10 },
    ]);
    expect(history.points).toEqual([{ day: today(), value: 2, status: 'off_track' }]);
    expect(history.checkins.map((c: { value: number }) => c.value)).toEqual([2, 4.5, 5]);

    // Anyone who reads goals comments.
    const c = await ok(rep2.client, 'POST', `goals/${goal.id}/comments`, { body: 'I can introduce two more' });
    expect(c.comment.author.name).toBe('Sam Rep');
    expect((await ok(admin, 'GET', `goals/${goal.id}/comments`)).items).toHaveLength(1);
    expect((await req(rep2.client, 'POST', `goals/${goal.id}/comments`, { body: '  ' })).code).toBe(400);
  });

  it('the list filters by owner, mine and status; archived goals leave it', async () => {
    const { goal } = await ok(admin, 'POST', 'goals', { title: 'To archive', period: halfWay(), ownerIds: [pmm.userId, rep2.userId] });
    const mine = await ok(rep2.client, 'GET', 'goals?mine=true');
    expect(mine.items.map((g: { title: string }) => g.title)).toEqual(['To archive']);
    expect((await ok(admin, 'GET', 'goals?status=off_track')).items.map((g: { title: string }) => g.title)).toEqual(['Ten reference customers']);
    await ok(admin, 'DELETE', `goals/${goal.id}`);
    expect((await ok(rep2.client, 'GET', 'goals?mine=true')).items).toEqual([]);
    expect((await req(admin, 'GET', `goals/${goal.id}`)).code).toBe(404);
  });

  it('the list pages by keyset: every goal once, newest period first, total of all; a tampered cursor or a bad limit is a 400', async () => {
    for (const [i, days] of [[1, 30], [2, 60], [3, 60]] as const) {
      await ok(admin, 'POST', 'goals', { title: `Paged ${i}`, period: { kind: 'custom', start: shift(today(), -10), end: shift(today(), days) }, ownerIds: [pmm.userId, rep2.userId] });
    }
    const whole = await ok(admin, 'GET', 'goals');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null; total: number } = await ok(admin, 'GET', `goals?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(whole.total);
      seen.push(...page.items.map((g) => g.title));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(whole.items.map((g: { title: string }) => g.title));
    expect(seen.slice(0, 2)).toEqual(['Paged 2', 'Paged 3']);
    expect(pages).toBe(Math.ceil(whole.total / 2));
    const bad = await req(admin, 'GET', 'goals?cursor=bm90LWEtY3Vyc29y');
    expect(bad.code).toBe(400);
    expect(JSON.stringify(bad.json)).toMatch(/query\.cursor/);
    const big = await req(admin, 'GET', 'goals?limit=500');
    expect(big.code).toBe(400);
    expect(JSON.stringify(big.json)).toMatch(/limit/);
  });
});

describe('other workspaces and roles', () => {
  it("another workspace's goal, key result and comments answer 404", async () => {
    const { goal } = await ok(admin, 'POST', 'goals', { title: 'Acme only', period: halfWay(), ownerIds: [pmm.userId, rep.userId], keyResults: [manual()] });
    const kr = goal.keyResults[0]!.id;
    for (const [m, p, body] of [
      ['GET', `goals/${goal.id}`],
      ['PATCH', `goals/${goal.id}`, { title: 'Mine now' }],
      ['DELETE', `goals/${goal.id}`],
      ['GET', `goals/${goal.id}/comments`],
      ['POST', `goals/${goal.id}/comments`, { body: 'hi' }],
      ['POST', `goals/${goal.id}/key-results`, manual()],
      ['GET', `goals/${goal.id}/key-results/${kr}/history`],
      ['POST', `goals/${goal.id}/key-results/${kr}/check-ins`, { value: 1 }],
      ['PATCH', `goals/${goal.id}/key-results/${kr}`, { target: 20 }],
      ['DELETE', `goals/${goal.id}/key-results/${kr}`],
    ] as [Method, string, unknown?][]) {
      expect((await req(bravo, m, p, body, 'bravo')).code, `${m} ${p}`).toBe(404);
      expect((await req(bravo, m, p, body)).code, `${m} ${p} via acme`).toBe(404);
    }
    expect((await ok(bravo, 'GET', 'goals', undefined, 'bravo')).items).toEqual([]);
    expect((await ok(admin, 'GET', `goals/${goal.id}`)).title).toBe('Acme only');
  });
  it('a rep reads but may not create or edit goals', async () => {
    expect((await req(rep.client, 'POST', 'goals', { title: 'Rep goal', period: halfWay(), ownerIds: [pmm.userId, rep.userId] })).code).toBe(403);
    expect((await req(rep.client, 'GET', 'goals')).code).toBe(200);
  });
});

describe('metric key results (the catalogue stubbed)', () => {
  const ctx = (): TenantContext => ({ workspaceId: wsId, slug: 'acme', role: 'admin', actor: { userId: adminId, name: 'Ada', via: 'session', ip: null, requestId: null } });
  const service = () => createObjectivesService(h.services.deps, stub);

  it('computes the value over period start → today with the filters, validates filters, and snapshots once a day', async () => {
    const s = service();
    const bad = s.create(ctx(), {
      title: 'Bad filter',
      period: halfWay() as { kind: 'custom'; start: string; end: string },
      ownerIds: [pmm.userId, rep.userId],
      keyResults: [{ title: 'Pipeline', kind: 'metric', metric: 'pipeline-created', filters: { competitor: 'Acme' }, baseline: 0, target: 1e6 }],
    });
    await expect(bad).rejects.toMatchObject({ status: 400, extra: { errors: [{ path: 'body.keyResults.0.filters.competitor' }] } });

    winRate = { value: 0.25, noData: false };
    const { goal } = await s.create(ctx(), {
      title: 'Win more enterprise',
      period: halfWay() as { kind: 'custom'; start: string; end: string },
      ownerIds: [pmm.userId, lead.userId],
      keyResults: [{ title: 'Enterprise win rate', kind: 'metric', metric: 'win-rate', filters: { segment: 'Enterprise' }, baseline: 0.2, target: 0.3 }],
    });
    expect(calls.at(-1)).toEqual({ metric: 'win-rate', from: goal.period.start, to: today(), filters: { segment: 'Enterprise' }, byAmount: false });
    expect(goal.status).toBe('on_track');
    expect(goal.keyResults[0]).toMatchObject({ unit: 'fraction', direction: 'increase', current: { value: 0.25, numerator: 25, denominator: 100 }, expected: 0.25, progress: 0.5 });
    expect((await req(admin, 'POST', `goals/${goal.id}/key-results/${goal.keyResults[0]!.id}/check-ins`, { value: 0.3 })).json.errors[0].path).toBe('body.value');

    // The daily job: twice in a day leaves one row, the later value; a drop tells the owners.
    winRate = { value: 0.2499, noData: false };
    const evaluator = s.evaluator;
    await snapshotGoals(h.services.deps, evaluator);
    await snapshotGoals(h.services.deps, evaluator);
    const rows = (await pool().query('select day::text, value::float8 as value, status from key_result_snapshots where key_result_id = $1', [goal.keyResults[0]!.id])).rows;
    expect(rows).toEqual([{ day: today(), value: 0.2499, status: 'at_risk' }]);
    await dispatchAll();
    expect(await inbox(lead.userId)).toContain('“Win more enterprise” is now at risk (was on track)');
    expect(await inbox(pmm.userId)).toContain('“Win more enterprise” is now at risk (was on track)');
    const told = (await pool().query("select count(*)::int as n from events where type = 'goal.status_changed' and payload->>'goalId' = $1", [goal.id])).rows[0].n;
    expect(told).toBe(1);

    // An empty period so far is no data, never 0 %.
    winRate = { value: null, noData: true };
    await snapshotGoals(h.services.deps, evaluator);
    const after = await s.get(ctx(), goal.id);
    expect(after.keyResults[0]).toMatchObject({ status: 'no_data', current: { value: null, noData: true } });
  });
});
