import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, login, type Client, type Harness } from '../../../test/app-harness.ts';
import { cliActor } from '../../lib/context.ts';
import { createDispatcher } from '../notifications/index.ts';
import { attributionRecurringJobs } from './index.ts';

let h: Harness;
let admin: Client;
let workspaceId: string;
let pmm: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let bravo: Client;
let wonDeal: string;
let openDeal: string;
let bravoDeal: string;
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const pool = () => h.services.deps.database.pool;
const MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'j_shaped', 'inverse_j'];

type Method = 'GET' | 'POST';
async function send(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  return { code: res.statusCode, json: res.body ? res.json() : null };
}
async function ok(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await send(who, method, path, body, slug);
  expect(res.code, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json;
}
async function insertDeal(ws: string, name: string, stage: string, category: string, amount: string, closeDate: string, owner: string | null = null) {
  return (
    await pool().query(
      `insert into deals (workspace_id, source, external_id, name, amount, currency, amount_base, stage, stage_category, close_date, created_date, owner_user_id)
       values ($1, 'crm', $2, $2, $3, 'USD', $3, $4, $5, $6, '2026-01-10 00:00:00', $7) returning id`,
      [ws, name, amount, stage, category, closeDate, owner],
    )
  ).rows[0].id as string;
}
const tp = (externalId: string, dealId: string, occurredAt: string, team: string, extra: Record<string, unknown> = {}) => ({
  source: 'salesforce',
  externalId,
  dealId,
  occurredAt,
  team,
  kind: 'campaign_response',
  campaign: 'Spring webinar',
  ...extra,
});
async function dispatchAll() {
  const dispatcher = createDispatcher(h.services.deps, { send: async () => null });
  while ((await dispatcher.dispatchBatch()) > 0);
}
const inbox = async (userId: string, type: string) => (await pool().query('select title, body from inbox_items where user_id = $1 and type = $2', [userId, type])).rows as { title: string; body: string }[];
const cents = (s: string) => Math.round(Number(s) * 100);

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  workspaceId = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  wonDeal = await insertDeal(workspaceId, 'Globex expansion', 'Closed Won', 'won', '10000.01', '2026-03-20', rep.userId);
  openDeal = await insertDeal(workspaceId, 'Initech new', 'Proposal', 'open', '5000', '2099-06-30');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
  bravoDeal = await insertDeal(b.id, 'Bravo deal', 'Closed Won', 'won', '100', '2026-03-01');
}, 120_000);
afterAll(async () => h?.close());

describe('touchpoints upsert', () => {
  it('creates a batch, is idempotent by source and externalId, and answers ids by index', async () => {
    const batch = {
      touchpoints: [
        tp('SF-1', wonDeal, '2026-01-05T10:00:00Z', 'marketing'),
        tp('SF-2', wonDeal, '2026-02-01T10:00:00Z', 'sales', { kind: 'demo', campaign: null, ownerUserId: rep.userId }),
        tp('SF-3', wonDeal, '2026-03-10T10:00:00Z', 'partner', { kind: 'meeting' }),
      ],
    };
    const first = await ok(pmm.client, 'POST', 'touchpoints/upsert', batch);
    expect(first).toMatchObject({ created: 3, updated: 0 });
    const again = await ok(lead.client, 'POST', 'touchpoints/upsert', batch);
    expect(again).toMatchObject({ created: 0, updated: 3 });
    expect(again.touchpoints.map((t: { touchpointId: string }) => t.touchpointId)).toEqual(first.touchpoints.map((t: { touchpointId: string }) => t.touchpointId));
    expect((await pool().query('select count(*)::int as n from touchpoints where workspace_id = $1', [workspaceId])).rows[0].n).toBe(3);
  });

  it('refuses with 400 naming index and field: another workspace’s deal, a future time after the close, an unknown team; nothing written', async () => {
    const bad = await send(admin, 'POST', 'touchpoints/upsert', {
      touchpoints: [tp('OK-1', wonDeal, '2026-01-06T10:00:00Z', 'sales'), tp('X-1', bravoDeal, '2026-01-06T10:00:00Z', 'sales'), tp('X-2', wonDeal, '2099-01-01T00:00:00Z', 'sales')],
    });
    expect(bad.code).toBe(400);
    expect(bad.json.errors).toEqual([
      { path: 'body.touchpoints[1].dealId', message: `no deal ${bravoDeal} in this workspace` },
      { path: 'body.touchpoints[2].occurredAt', message: expect.stringContaining("is in the future and after the deal's close (2026-03-20)") },
    ]);
    const team = await send(admin, 'POST', 'touchpoints/upsert', { touchpoints: [tp('X-3', wonDeal, '2026-01-06T10:00:00Z', 'finance')] });
    expect(team.code).toBe(400);
    expect(team.json.errors[0].path).toBe('body.touchpoints[0].team');
    expect(team.json.errors[0].message).toContain('marketing, sales, partner');
    expect((await pool().query("select count(*)::int as n from touchpoints where external_id in ('OK-1', 'X-1', 'X-2', 'X-3')")).rows[0].n).toBe(0);
    // A future touchpoint before an open deal's expected close is allowed (a planned meeting).
    await ok(admin, 'POST', 'touchpoints/upsert', { touchpoints: [tp('O-1', openDeal, '2026-02-01T00:00:00Z', 'marketing'), tp('O-2', openDeal, '2099-01-01T00:00:00Z', 'sales')] });
  });

  it('role matrix: sales reps cannot send touchpoints; another workspace cannot reach this one', async () => {
    expect((await send(rep.client, 'POST', 'touchpoints/upsert', { touchpoints: [tp('R-1', wonDeal, '2026-01-06T10:00:00Z', 'sales')] })).code).toBe(403);
    expect((await send(bravo, 'POST', 'touchpoints/upsert', { touchpoints: [tp('R-1', wonDeal, '2026-01-06T10:00:00Z', 'sales')] }, 'acme')).code).toBe(404);
  });
});

describe("a deal's credit", () => {
  it('answers every model in the issue’s shape, decimal strings summing exactly to the amount', async () => {
    const credit = await ok(rep.client, 'GET', `attribution/deals/${wonDeal}`);
    expect(credit).toMatchObject({ amount: '10000.01', currency: 'USD', modelOfRecord: null, unattributed: false });
    expect(Object.keys(credit.models)).toEqual(MODELS);
    for (const m of MODELS) {
      const lines = credit.models[m] as { touchpointId: string; externalId: string; team: string; credit: string }[];
      expect(lines).toHaveLength(3);
      expect(lines.reduce((a, l) => a + cents(l.credit), 0)).toBe(1000001);
      for (const l of lines) expect(l.credit).toMatch(/^\d+\.\d{2}$/);
    }
    expect(credit.models.first_touch.map((l: { credit: string }) => l.credit)).toEqual(['10000.01', '0.00', '0.00']);
    expect(credit.models.linear.map((l: { credit: string }) => l.credit)).toEqual(['3333.35', '3333.33', '3333.33']);
    expect(credit.models.last_touch[2]).toMatchObject({ externalId: 'SF-3', team: 'partner', credit: '10000.01' });
    expect(credit.byTeam.linear).toEqual({ marketing: '3333.35', sales: '3333.33', partner: '3333.33' });
  });

  it('404 for a deal of another workspace', async () => {
    expect((await send(admin, 'GET', `attribution/deals/${bravoDeal}`)).code).toBe(404);
    expect((await send(bravo, 'GET', `attribution/deals/${wonDeal}`, undefined, 'bravo')).code).toBe(404);
  });
});

describe('model of record', () => {
  it('only an admin sets it, with a rationale; the history keeps every choice', async () => {
    expect((await send(pmm.client, 'POST', 'attribution/model-of-record', { model: 'linear', rationale: 'Fair to both teams', effectiveFrom: '2026-01-01' })).code).toBe(403);
    const short = await send(admin, 'POST', 'attribution/model-of-record', { model: 'linear', rationale: 'ok', effectiveFrom: '2026-01-01' });
    expect(short.code).toBe(400);
    expect(short.json.errors[0].path).toBe('body.rationale');
    await ok(admin, 'POST', 'attribution/model-of-record', { model: 'linear', rationale: 'Fair to both teams while we learn', effectiveFrom: '2026-01-01' });
    const set = await ok(admin, 'POST', 'attribution/model-of-record', { model: 'w_shaped', rationale: 'Lead and opportunity creation matter most', effectiveFrom: '2026-02-01' });
    expect(set.current).toMatchObject({ model: 'w_shaped', rationale: 'Lead and opportunity creation matter most' });
    expect(set.history.map((e: { model: string }) => e.model)).toEqual(['w_shaped', 'linear']);
    expect(set.rules).toHaveLength(9);
    const read = await ok(rep.client, 'GET', 'attribution/model-of-record');
    expect(read.current.model).toBe('w_shaped');
    expect((await ok(rep.client, 'GET', `attribution/deals/${wonDeal}`)).modelOfRecord).toBe('w_shaped');
  });
});

describe('disputes', () => {
  it('a rep disputes the split, the admins hear it; an admin accepts with an adjustment; both sides hear the outcome', async () => {
    expect((await send(rep.client, 'POST', 'attribution/disputes', { dealId: bravoDeal, target: 'split', reason: 'Not ours at all' })).json.errors[0].path).toBe('body.dealId');
    const raised = await ok(rep.client, 'POST', 'attribution/disputes', { dealId: wonDeal, target: 'split', reason: 'Sales ran the whole cycle' });
    expect(raised.dispute).toMatchObject({ status: 'open', target: 'split', raisedBy: { userId: rep.userId, name: 'Rae Rep' } });
    expect(raised.notified.map((n: { name: string }) => n.name)).toEqual(['Ada Admin']);
    const id = raised.dispute.id as string;

    expect((await send(pmm.client, 'POST', `attribution/disputes/${id}/resolve`, { decision: 'reject', reason: 'Marketing sourced it' })).code).toBe(403);
    expect((await send(bravo, 'POST', `attribution/disputes/${id}/resolve`, { decision: 'reject', reason: 'Marketing sourced it' }, 'bravo')).code).toBe(404);
    const noAdjustment = await send(admin, 'POST', `attribution/disputes/${id}/resolve`, { decision: 'accept', reason: 'Fair point here' });
    expect(noAdjustment.code).toBe(400);
    expect(noAdjustment.json.errors[0].path).toBe('body.excludeTouchpointIds');

    const resolved = await ok(admin, 'POST', `attribution/disputes/${id}/resolve`, { decision: 'accept', reason: 'Sales led; marketing sourced', teamSplitPercent: { marketing: 30, sales: 70, partner: 0 } });
    expect(resolved.dispute).toMatchObject({ status: 'accepted', resolution: 'Sales led; marketing sourced', teamSplitPercent: { marketing: 30, sales: 70, partner: 0 } });
    expect(resolved.notified.map((n: { name: string }) => n.name)).toEqual(['Rae Rep']);
    expect((await send(admin, 'POST', `attribution/disputes/${id}/resolve`, { decision: 'reject', reason: 'Changed my mind' })).code).toBe(409);

    const credit = await ok(rep.client, 'GET', `attribution/deals/${wonDeal}`);
    expect(credit.adjusted).toMatchObject({ model: 'w_shaped', byTeam: { marketing: '3000.00', sales: '7000.01', partner: '0.00' } });
    expect(credit.byTeam.w_shaped).not.toEqual(credit.adjusted.byTeam); // unadjusted kept beside it
    expect(credit.disputes).toHaveLength(1);

    await dispatchAll();
    const adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
    expect((await inbox(adminId, 'attribution.dispute_raised')).map((i) => i.title)).toEqual(['Credit disputed: Globex expansion']);
    expect((await inbox(rep.userId, 'attribution.dispute_resolved')).map((i) => i.title)).toEqual(['Dispute accepted: Globex expansion']);
    const list = await ok(lead.client, 'GET', 'attribution/disputes?status=accepted');
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await ok(bravo, 'GET', 'attribution/disputes', undefined, 'bravo')).items).toEqual([]);
  });

  it('a touchpoint dispute names the touchpoint; an excluded touchpoint leaves the adjusted lines', async () => {
    const credit = await ok(rep.client, 'GET', `attribution/deals/${wonDeal}`);
    const partner = credit.touchpoints.find((t: { externalId: string }) => t.externalId === 'SF-3').touchpointId as string;
    expect((await send(rep.client, 'POST', 'attribution/disputes', { dealId: wonDeal, target: 'touchpoint', reason: 'Partner meeting never happened' })).json.errors[0].path).toBe('body.touchpointId');
    const raised = await ok(lead.client, 'POST', 'attribution/disputes', { dealId: wonDeal, target: 'touchpoint', touchpointId: partner, reason: 'Partner meeting never happened' });
    const wrong = await send(admin, 'POST', `attribution/disputes/${raised.dispute.id}/resolve`, { decision: 'accept', reason: 'Checked the calendar', excludeTouchpointIds: ['999999'] });
    expect(wrong.json.errors).toEqual([{ path: 'body.excludeTouchpointIds[0]', message: 'no touchpoint 999999 on this deal' }]);
    await ok(admin, 'POST', `attribution/disputes/${raised.dispute.id}/resolve`, { decision: 'accept', reason: 'Checked the calendar', excludeTouchpointIds: [partner] });
    const after = await ok(rep.client, 'GET', `attribution/deals/${wonDeal}`);
    expect(after.adjusted.lines.map((l: { externalId: string }) => l.externalId)).toEqual(['SF-1', 'SF-2']);
    expect(after.touchpoints.find((t: { externalId: string }) => t.externalId === 'SF-3').excluded).toBe(true);
  });
});

describe('ledger and reports', () => {
  it('a full recompute fills the ledger; the report shows every model with the spread; an upsert is picked up incrementally', async () => {
    expect((await send(lead.client, 'POST', 'attribution/recompute', { mode: 'full' })).code).toBe(403);
    const full = await ok(admin, 'POST', 'attribution/recompute', { mode: 'full' });
    expect(full).toMatchObject({ mode: 'full', deals: 2, touchpoints: 5 });
    const report = await ok(pmm.client, 'GET', 'attribution/report?from=2026-01-01&to=2026-03-31&status=won&groupBy=team');
    expect(report).toMatchObject({ deals: 1, attributedDeals: 1, total: '10000.01', modelOfRecord: 'w_shaped', currency: 'USD' });
    const partner = report.rows.find((r: { team: string }) => r.team === 'partner');
    expect(partner).toMatchObject({ byModel: { first_touch: '0.00', last_touch: '10000.01' }, min: '0.00', max: '10000.01', spread: '10000.01' });
    for (const m of MODELS) expect(report.rows.reduce((a: number, r: { byModel: Record<string, string> }) => a + cents(r.byModel[m]!), 0)).toBe(1000001);
    // The deal's accepted disputes (a 30/70 split, a touchpoint left out): the adjusted figure beside the unadjusted, as on the deal's page.
    const credit = await ok(rep.client, 'GET', `attribution/deals/${wonDeal}`);
    expect(report.adjustedDeals).toBe(1);
    expect(Object.fromEntries(report.rows.map((r: { team: string; adjusted: string }) => [r.team, r.adjusted]))).toEqual(credit.adjusted.byTeam);
    expect(Object.fromEntries(report.rows.map((r: { team: string; modelOfRecord: string }) => [r.team, r.modelOfRecord]))).toEqual(credit.byTeam.w_shaped);

    await ok(admin, 'POST', 'touchpoints/upsert', { touchpoints: [tp('SF-4', wonDeal, '2026-03-15T10:00:00Z', 'sales', { campaign: 'Exec dinner' })] });
    const changed = await ok(admin, 'POST', 'attribution/recompute', { mode: 'changed' });
    expect(changed).toMatchObject({ mode: 'changed', deals: 1, touchpoints: 4 });
    const byCampaign = await ok(rep.client, 'GET', 'attribution/report?from=2026-01-01&to=2026-03-31&groupBy=campaign');
    expect(byCampaign.rows.map((r: { label: string }) => r.label)).toEqual(['No campaign', 'Exec dinner', 'Spring webinar']);
    expect(byCampaign.rows.find((r: { label: string }) => r.label === 'Exec dinner').byModel.last_touch).toBe('10000.01');
    expect(byCampaign.adjustedDeals).toBe(1);
    expect(byCampaign.rows.reduce((a: number, r: { adjusted: string }) => a + cents(r.adjusted), 0)).toBe(1000001);
    expect(byCampaign.rows.map((r: { adjusted: string }) => r.adjusted)).not.toEqual(byCampaign.rows.map((r: { modelOfRecord: string }) => r.modelOfRecord));
    const pipeline = await ok(rep.client, 'GET', 'attribution/report?from=2099-01-01&to=2099-12-31&status=open');
    expect(pipeline).toMatchObject({ deals: 1, total: '5000.00' });
    expect((await send(bravo, 'GET', 'attribution/report?from=2026-01-01&to=2026-03-31', undefined, 'acme')).code).toBe(404);
  });

  it('the five-minute job recomputes the changed deals of every workspace', async () => {
    await ok(admin, 'POST', 'touchpoints/upsert', { touchpoints: [tp('SF-5', wonDeal, '2026-03-16T10:00:00Z', 'marketing')] });
    expect((await pool().query('select count(*)::int as n from attribution_dirty_deals')).rows[0].n).toBe(1);
    const [job] = attributionRecurringJobs(h.services.deps);
    expect(await job!.run()).toBe(1);
    const row = (await pool().query('select cardinality(touchpoint_ids) as n from attribution_ledger where deal_id = $1', [wonDeal])).rows[0];
    expect(row.n).toBe(5);
    expect((await pool().query('select count(*)::int as n from attribution_dirty_deals')).rows[0].n).toBe(0);
  });
});
