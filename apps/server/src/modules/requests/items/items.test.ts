import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { cliActor } from '../../../lib/context.ts';
import { createDispatcher } from '../../notifications/index.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let rep2: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let bravo: Client;
const deals: Record<string, string> = {};
let bravoDeal: string;
let assetId: string;
let bravoAssetId: string;
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const pool = () => h.services.deps.database.pool;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
async function ok(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
}
async function status(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  return { code: res.statusCode, json: res.body ? res.json() : null };
}
async function file(who: Client, body: Record<string, unknown>) {
  const res = await call(h.app, who, 'POST', api('requests'), { body: { type: 'new_asset', description: 'For the Q3 pipeline review', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function upsertDeals(who: Client, slug: string, items: Record<string, unknown>[]) {
  const res = await ok(who, 'POST', 'deals/upsert', { source: 'crm', deals: items }, slug);
  return (res.results as { externalId: string; dealId: string }[]).reduce<Record<string, string>>((m, r) => ((m[r.externalId] = r.dealId), m), {});
}
async function dispatchAll() {
  const dispatcher = createDispatcher(h.services.deps, { send: async () => null });
  while ((await dispatcher.dispatchBatch()) > 0);
}
const inbox = async (userId: string) =>
  (await pool().query("select title from inbox_items where user_id = $1 and type = 'request.changed' order by created_at", [userId])).rows.map((r) => r.title as string);

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  rep2 = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Rep');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  Object.assign(
    deals,
    await upsertDeals(admin, 'acme', [
      { externalId: 'big', name: 'Big deal', account: 'Globex', stage: 'Negotiation', amount: 500_000, probability: 60, closeDate: inDays(20) },
      { externalId: 'small', name: 'Small deal', account: 'Initech', stage: 'Prospecting', amount: 10_000, probability: 10, closeDate: inDays(60) },
      { externalId: 'mid', name: 'Mid deal', account: 'Umbrella', stage: 'Proposal', amount: 100_000, probability: 40 },
      { externalId: 'won', name: 'Won deal', account: 'Hooli', stage: 'Closed Won', amount: 900_000, probability: 100 },
    ]),
  );
  assetId = (await ok(pmm.client, 'POST', 'assets', { type: 'battlecard', title: 'Globex battlecard', body: 'We win on price.' })).asset.id;

  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
  bravoDeal = (await upsertDeals(bravo, 'bravo', [{ externalId: 'b1', name: 'Bravo deal', stage: 'Prospecting', amount: 1000 }])).b1!;
  bravoAssetId = (await ok(bravo, 'POST', 'assets', { type: 'battlecard', title: 'Bravo card', body: 'x' }, 'bravo')).asset.id;
}, 120_000);
afterAll(async () => h?.close());

describe('filing and the lifecycle', () => {
  it('a rep files from a deal; a PMM triages, starts and delivers a library asset; the rep accepts; every step is told and logged', async () => {
    const filed = await file(rep.client, { title: 'Globex pricing one-pager', dealIds: [deals.big], neededBy: inDays(14) });
    const id = filed.request.id as string;
    expect(filed.request).toMatchObject({ status: 'new', number: 1, dealCount: 1, accountCount: 1, isRequester: true, rank: 1 });
    expect(filed.request.requesters).toEqual([{ userId: rep.userId, name: 'Rae Rep' }]);
    expect(filed.request.pipelineAtStake).toBe(300_000);
    expect(filed.request.sla.state).toMatch(/on_track|due_soon|breached/);
    expect(filed.request.permissions).toMatchObject({ accept: false, triage: false, edit: true, plusOne: false });
    // A new request waits for triage: the workspace's PMM hears of it.
    expect(filed.notified).toEqual([{ userId: pmm.userId, name: 'Pia Marketing' }]);

    // Sales may not triage; the PMM may, and the rep is told.
    expect((await status(rep.client, 'POST', `requests/${id}/triage`, { estimateHours: 6, assigneeUserId: pmm.userId })).code).toBe(403);
    const triaged = await ok(pmm.client, 'POST', `requests/${id}/triage`, { estimateHours: 6, assigneeUserId: pmm.userId });
    expect(triaged.request).toMatchObject({ status: 'triaged', estimateHours: 6, assignee: { userId: pmm.userId, name: 'Pia Marketing' } });
    expect(triaged.request.firstRespondedAt).not.toBeNull();
    expect(triaged.notified).toEqual([{ userId: rep.userId, name: 'Rae Rep' }]);

    const started = await ok(pmm.client, 'POST', `requests/${id}/start`);
    expect(started.request.status).toBe('in_progress');
    // Another workspace's asset is not this workspace's library: 400 naming the item.
    const foreign = await status(pmm.client, 'POST', `requests/${id}/deliver`, { assetIds: [assetId, bravoAssetId] });
    expect(foreign.code).toBe(400);
    expect(foreign.json.errors).toEqual([{ path: 'body.assetIds.1', message: `no library asset ${bravoAssetId} in this workspace` }]);
    const delivered = await ok(pmm.client, 'POST', `requests/${id}/deliver`, { assetIds: [assetId], note: 'Page 2 has the discount table' });
    expect(delivered.request.status).toBe('delivered');
    expect(delivered.request.delivery).toMatchObject({ assets: [{ assetId, title: 'Globex battlecard', type: 'battlecard' }], note: 'Page 2 has the discount table' });
    expect(delivered.request.rank).toBeNull();

    // Only a requester (or an admin) accepts.
    expect((await status(rep2.client, 'POST', `requests/${id}/accept`)).code).toBe(403);
    expect((await status(pmm.client, 'POST', `requests/${id}/accept`)).code).toBe(403);
    const accepted = await ok(rep.client, 'POST', `requests/${id}/accept`);
    expect(accepted.request.status).toBe('accepted');
    expect(accepted.notified).toEqual([{ userId: pmm.userId, name: 'Pia Marketing' }]);

    const activity = (await ok(rep.client, 'GET', `requests/${id}/activity`)).items.map((a: { kind: string; text: string }) => `${a.kind}: ${a.text}`);
    expect(activity).toEqual([
      `filed: Rae Rep filed it with 1 deal, needed by ${inDays(14)}`,
      'triaged: Pia Marketing triaged it: 6 h, assigned to Pia Marketing',
      'started: Pia Marketing started work on it',
      'delivered: Pia Marketing delivered “Globex battlecard” and a note: please accept it or reopen it',
      'accepted: Rae Rep accepted the delivery',
    ]);
    await dispatchAll();
    expect(await inbox(rep.userId)).toEqual([
      '#1 Globex pricing one-pager: Pia Marketing triaged it: 6 h, assigned to Pia Marketing',
      '#1 Globex pricing one-pager: Pia Marketing started work on it',
      '#1 Globex pricing one-pager: Pia Marketing delivered “Globex battlecard” and a note: please accept it or reopen it',
    ]);
    expect(await inbox(pmm.userId)).toEqual([
      '#1 Globex pricing one-pager: Rae Rep filed it with 1 deal, needed by ' + inDays(14),
      '#1 Globex pricing one-pager: Rae Rep accepted the delivery',
    ]);
  });

  it('a requester reopens a delivery with a reason; a PMM declines with a reason the requesters see', async () => {
    const { request } = await file(rep.client, { title: 'Initech case study' });
    await ok(pmm.client, 'POST', `requests/${request.id}/triage`, { estimateHours: 2, assigneeUserId: pmm.userId });
    await ok(pmm.client, 'POST', `requests/${request.id}/deliver`, { note: 'Draft in the shared folder' });
    expect((await status(rep.client, 'POST', `requests/${request.id}/reopen`, { reason: '' })).json.errors[0].path).toBe('body.reason');
    const reopened = await ok(rep.client, 'POST', `requests/${request.id}/reopen`, { reason: 'Needs the 2025 numbers' });
    expect(reopened.request).toMatchObject({ status: 'in_progress', delivery: null });
    await ok(pmm.client, 'POST', `requests/${request.id}/decline`, { reason: 'test request' });

    const { request: other } = await file(rep2.client, { title: 'Training on the new pricing', type: 'training' });
    expect((await status(rep.client, 'POST', `requests/${other.id}/decline`, { reason: 'Not mine' })).code).toBe(403);
    const declined = await ok(pmm.client, 'POST', `requests/${other.id}/decline`, { reason: 'The enablement team runs this in May' });
    expect(declined.request).toMatchObject({ status: 'declined', declineReason: 'The enablement team runs this in May', rank: null });
    expect(declined.notified).toEqual([{ userId: rep2.userId, name: 'Sam Rep' }]);
    const audit = await pool().query("select details from audit_log where action = 'request.declined' and target_id = $1", [other.id]);
    expect(audit.rows[0].details).toMatchObject({ reason: 'The enablement team runs this in May', from: 'new' });
    // Closed: nothing more to decline.
    expect((await status(pmm.client, 'POST', `requests/${other.id}/decline`, { reason: 'again' })).json.code).toBe('REQUESTS_WRONG_STATUS');
  });
});

describe('bad input: a 400 naming the field', () => {
  it('needed-by in the past, an estimate of −3 hours, a deal of another workspace, an assignee who cannot work requests', async () => {
    const past = await status(rep.client, 'POST', 'requests', { type: 'other', title: 'x', description: 'y', neededBy: inDays(-2) });
    expect(past.code).toBe(400);
    expect(past.json.errors[0].path).toBe('body.neededBy');
    expect(past.json.errors[0].message).toMatch(/is in the past \(today is \d{4}-\d\d-\d\d in UTC\)/);

    const foreignDeal = await status(rep.client, 'POST', 'requests', { type: 'other', title: 'x', description: 'y', dealIds: [deals.big, bravoDeal] });
    expect(foreignDeal.code).toBe(400);
    expect(foreignDeal.json.errors).toEqual([{ path: 'body.dealIds.1', message: `no deal ${bravoDeal} in this workspace` }]);

    const missing = await status(rep.client, 'POST', 'requests', { type: 'other', description: 'y' });
    expect(missing.code).toBe(400);
    expect(missing.json.errors[0].path).toBe('body.title');
    const badType = await status(rep.client, 'POST', 'requests', { type: 'favour', title: 'x', description: 'y' });
    expect(badType.json.errors[0].path).toBe('body.type');

    const { request } = await file(rep.client, { title: 'Estimate me' });
    const negative = await status(pmm.client, 'POST', `requests/${request.id}/triage`, { estimateHours: -3, assigneeUserId: pmm.userId });
    expect(negative.code).toBe(400);
    expect(negative.json.errors[0]).toEqual({ path: 'body.estimateHours', message: 'an estimate is at least 0.25 hours' });
    const notPmm = await status(pmm.client, 'POST', `requests/${request.id}/triage`, { estimateHours: 3, assigneeUserId: rep.userId });
    expect(notPmm.json.errors[0].path).toBe('body.assigneeUserId');
    const boost = await status(admin, 'POST', `requests/${request.id}/boost`, { points: 'lots', reason: 'board ask' });
    expect(boost.json.errors[0].path).toBe('body.points');
    await ok(pmm.client, 'POST', `requests/${request.id}/decline`, { reason: 'test request' });
  });
});

describe('who may do what, and other workspaces', () => {
  it('another workspace sees no request of this one (404 on every route), and cannot list them', async () => {
    const { request } = await file(rep.client, { title: 'Secret ask' });
    for (const [method, p, body] of [
      ['GET', `requests/${request.id}`],
      ['GET', `requests/${request.id}/comments`],
      ['GET', `requests/${request.id}/activity`],
      ['PATCH', `requests/${request.id}`, { title: 'mine now' }],
      ['POST', `requests/${request.id}/triage`, { estimateHours: 1, assigneeUserId: adminId }],
      ['POST', `requests/${request.id}/plus-one`, {}],
      ['POST', `requests/${request.id}/comments`, { body: 'hi' }],
      ['POST', `requests/${request.id}/boost`, { points: 5, reason: 'because' }],
      ['POST', `requests/${request.id}/override`, { kind: 'pin', reason: 'because' }],
    ] as [Method, string, unknown?][]) {
      const r = await status(bravo, method, p, body, 'bravo');
      expect(r.code, `${method} ${p}`).toBe(404);
    }
    expect((await ok(bravo, 'GET', 'requests', undefined, 'bravo')).total).toBe(0);
    await ok(pmm.client, 'POST', `requests/${request.id}/decline`, { reason: 'test request' });
  });

  it('a non-requester may not edit; +1 joins with deals; merge keeps every requester and deal', async () => {
    const a = (await file(rep.client, { title: 'Umbrella deck', dealIds: [deals.mid] })).request;
    const b = (await file(rep2.client, { title: 'Umbrella presentation', dealIds: [deals.small] })).request;
    expect((await status(lead.client, 'PATCH', `requests/${a.id}`, { title: 'x' })).code).toBe(403);
    const edited = await ok(rep.client, 'PATCH', `requests/${a.id}`, { title: 'Umbrella deck v2', dealIds: [deals.mid, deals.big] });
    expect(edited.request).toMatchObject({ title: 'Umbrella deck v2', dealCount: 2 });

    const plus = await ok(lead.client, 'POST', `requests/${a.id}/plus-one`, { dealIds: [deals.won] });
    expect(plus.request.requesters.map((p: { name: string }) => p.name)).toEqual(['Rae Rep', 'Lee Lead']);
    expect(plus.request.dealCount).toBe(3);
    expect(plus.notified).toEqual([{ userId: rep.userId, name: 'Rae Rep' }]);
    expect((await status(lead.client, 'POST', `requests/${a.id}/plus-one`, {})).json.code).toBe('REQUESTS_ALREADY_A_REQUESTER');

    expect((await status(rep.client, 'POST', `requests/${a.id}/merge`, { intoRequestId: b.id })).code).toBe(403);
    expect((await status(pmm.client, 'POST', `requests/${a.id}/merge`, { intoRequestId: a.id })).json.errors[0].path).toBe('body.intoRequestId');
    const merged = await ok(pmm.client, 'POST', `requests/${a.id}/merge`, { intoRequestId: b.id });
    expect(merged.request).toMatchObject({ status: 'merged', mergedInto: { id: b.id, number: b.number } });
    expect(merged.notified.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep', 'Sam Rep']);
    const target = await ok(rep2.client, 'GET', `requests/${b.id}`);
    expect(target.requesters.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep', 'Sam Rep']);
    expect(target.deals.map((d: { name: string }) => d.name).sort()).toEqual(['Big deal', 'Mid deal', 'Small deal', 'Won deal']);
    expect(target.deals.find((d: { name: string }) => d.name === 'Won deal').isOpen).toBe(false);
    expect(target.accountCount).toBe(4);
    expect((await pool().query("select count(*)::int as n from audit_log where action = 'request.merged'")).rows[0].n).toBe(1);
    await ok(pmm.client, 'POST', `requests/${b.id}/decline`, { reason: 'test request' });
  });
});

describe('the queue', () => {
  it('orders pins first, then placed requests at their position, then the score; the score adds up; clearing restores the order', async () => {
    const low = (await file(rep.client, { title: 'Low: small deal', dealIds: [deals.small] })).request;
    const high = (await file(rep.client, { title: 'High: big deal soon', dealIds: [deals.big], neededBy: inDays(3) })).request;
    const mid = (await file(rep2.client, { title: 'Mid: mid deal', dealIds: [deals.mid] })).request;
    const none = (await file(rep2.client, { title: 'None: no deal' })).request;
    const order = async () => (await ok(rep.client, 'GET', 'requests')).items.map((r: { title: string; rank: number }) => `${r.rank}. ${r.title}`);

    const q = await ok(rep.client, 'GET', 'requests');
    for (const r of q.items) {
      const sum = r.score.parts.reduce((s: number, p: { value: number; weight: number }) => s + p.value * p.weight, 0);
      expect(r.score.total).toBeCloseTo(sum, 6);
      expect(r.score.parts.map((p: { name: string }) => p.name)).toEqual(['pipeline', 'urgency', 'reach', 'strategic']);
    }
    expect(await order()).toEqual(['1. High: big deal soon', '2. Mid: mid deal', '3. Low: small deal', '4. None: no deal']);

    expect((await status(rep.client, 'POST', `requests/${none.id}/override`, { kind: 'pin', reason: 'CEO ask' })).code).toBe(403);
    await ok(pmm.client, 'POST', `requests/${none.id}/override`, { kind: 'pin', reason: 'Board meeting on Friday' });
    await ok(pmm.client, 'POST', `requests/${low.id}/override`, { kind: 'position', position: 2, reason: 'Renewal at risk' });
    expect(await order()).toEqual(['1. None: no deal', '2. Low: small deal', '3. High: big deal soon', '4. Mid: mid deal']);
    const pinned = await ok(rep.client, 'GET', `requests/${none.id}`);
    expect(pinned.override).toMatchObject({ kind: 'pin', reason: 'Board meeting on Friday', by: { userId: pmm.userId, name: 'Pia Marketing' } });

    // An admin's boost moves a request by its score; sales may not boost.
    expect((await status(pmm.client, 'POST', `requests/${mid.id}/boost`, { points: 100, reason: 'Strategic logo' })).code).toBe(403);
    const boosted = await ok(admin, 'POST', `requests/${mid.id}/boost`, { points: 100, reason: 'Strategic logo' });
    expect(boosted.request.strategicBoost).toMatchObject({ points: 100, reason: 'Strategic logo' });
    expect(boosted.request.score.parts.find((p: { name: string }) => p.name === 'strategic').value).toBe(100);

    await ok(pmm.client, 'POST', `requests/${none.id}/override`, { kind: 'clear' });
    await ok(pmm.client, 'POST', `requests/${low.id}/override`, { kind: 'clear' });
    const after = await order();
    expect(after.indexOf('4. None: no deal')).toBe(3);
    expect((await pool().query("select action from audit_log where action like 'request.%'")).rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['request.overridden', 'request.override_cleared', 'request.boosted']),
    );

    // Filters, sort and the cursor.
    const page1 = await ok(rep.client, 'GET', 'requests?limit=2');
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(4);
    const page2 = await ok(rep.client, 'GET', `requests?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((r: { rank: number }) => r.rank)).toEqual([3, 4]);
    expect(page2.nextCursor).toBeNull();
    expect((await ok(rep.client, 'GET', 'requests?requester=me')).items.map((r: { title: string }) => r.title).sort()).toEqual(['High: big deal soon', 'Low: small deal']);
    expect((await ok(rep.client, 'GET', `requests?dealId=${deals.mid}`)).total).toBe(1);
    expect((await ok(rep.client, 'GET', 'requests?status=accepted')).items.map((r: { title: string }) => r.title)).toEqual(['Globex pricing one-pager']);
    expect((await ok(rep.client, 'GET', 'requests?sort=created&limit=1')).items[0].title).toBe('None: no deal');
    expect((await status(rep.client, 'GET', 'requests?cursor=bogus')).code).toBe(400);
    for (const r of [low, high, mid, none]) await ok(pmm.client, 'POST', `requests/${r.id}/decline`, { reason: 'test request' });
  });
});

describe('similar requests, comments and attachments', () => {
  it('offers open requests like the text being typed', async () => {
    // An index kept from before the two are filed must not hide them (it is rebuilt when the requests' stamp moves).
    await ok(rep2.client, 'GET', `requests/similar?text=${encodeURIComponent('globex battlecards for pricing')}`);
    const a = (await file(rep.client, { title: 'Battlecard against Globex', description: 'Competitive battlecard: how we win against Globex on pricing' })).request;
    const b = (await file(rep.client, { title: 'Customer onboarding training', type: 'training', description: 'A session for new reps' })).request;
    const res = await ok(rep2.client, 'GET', `requests/similar?text=${encodeURIComponent('globex battlecards for pricing')}`);
    expect(res.items[0].request.id).toBe(a.id);
    expect(res.items.map((x: { request: { id: string } }) => x.request.id)).not.toContain(b.id);
    expect((await status(rep2.client, 'GET', 'requests/similar?text=ab')).json.errors[0].path).toBe('query.text');
    for (const r of [a, b]) await ok(pmm.client, 'POST', `requests/${r.id}/decline`, { reason: 'test request' });
    // Declined: no longer open, no longer offered.
    const after = await ok(rep2.client, 'GET', `requests/similar?text=${encodeURIComponent('globex battlecards for pricing')}`);
    expect(after.items.map((x: { request: { id: string } }) => x.request.id)).not.toContain(a.id);
  });

  it("the queue's search finds words of the description as well as the title, and a request by its number", async () => {
    const { request } = await file(rep.client, { title: 'Talk track', description: 'For the Zanzibar_Telecom renewal, 100% of the seats' });
    const found = async (q: string) => (await ok(rep.client, 'GET', `requests?q=${encodeURIComponent(q)}`)).items.map((x: { id: string }) => x.id);
    expect(await found('zanzibar_telecom')).toEqual([request.id]);
    expect(await found('TALK TRACK')).toContain(request.id);
    expect(await found('100%')).toEqual([request.id]);
    expect(await found('zanzibar%telecom')).toEqual([]);
    expect(await found(`#${request.number}`)).toEqual([request.id]);
    await ok(pmm.client, 'POST', `requests/${request.id}/decline`, { reason: 'test request' });
  });

  it('comments tell the requesters, the assignee and earlier commenters; a PMM comment is a first response; files are checked by content', async () => {
    const { request } = await file(rep.client, { title: 'Talk track for Hooli' });
    const c1 = await call(h.app, pmm.client, 'POST', api(`requests/${request.id}/comments`), { body: { body: 'Which product line?' } });
    expect(c1.statusCode).toBe(201);
    expect(c1.json().notified).toEqual([{ userId: rep.userId, name: 'Rae Rep' }]);
    expect((await ok(rep.client, 'GET', `requests/${request.id}`)).firstRespondedAt).not.toBeNull();
    const c2 = await call(h.app, lead.client, 'POST', api(`requests/${request.id}/comments`), { body: { body: 'Core, please' } });
    expect(c2.json().notified.map((p: { name: string }) => p.name).sort()).toEqual(['Pia Marketing', 'Rae Rep']);
    expect((await ok(rep.client, 'GET', `requests/${request.id}/comments`)).items.map((c: { body: string }) => c.body)).toEqual(['Which product line?', 'Core, please']);

    const upload = async (bytes: Buffer, name: string, who = rep.client) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const req = new Request('http://tandem.test', { method: 'POST', body: form });
      return call(h.app, who, 'POST', api(`requests/${request.id}/attachments`), {
        body: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')! },
      });
    };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const up = await upload(pdf, 'brief.pdf');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'brief.pdf', contentType: 'application/pdf', sizeBytes: pdf.length });
    const html = await upload(Buffer.from('<!doctype html><script>alert(1)</script>'), 'brief.pdf');
    expect(html.statusCode).toBe(415);
    const fileId = up.json().fileId as string;
    const down = await call(h.app, lead.client, 'GET', api(`requests/${request.id}/attachments/${fileId}`));
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-disposition']).toContain('attachment');
    expect((await ok(rep.client, 'GET', `requests/${request.id}`)).attachments).toHaveLength(1);
    expect((await status(lead.client, 'DELETE', `requests/${request.id}/attachments/${fileId}`)).code).toBe(403);
    expect((await status(rep.client, 'DELETE', `requests/${request.id}/attachments/${fileId}`)).code).toBe(204);
    expect((await status(rep.client, 'GET', `requests/${request.id}/attachments/${fileId}`)).code).toBe(404);
    await ok(pmm.client, 'POST', `requests/${request.id}/decline`, { reason: 'test request' });
  });
});
