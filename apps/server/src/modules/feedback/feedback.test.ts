import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { createDispatcher } from '../notifications/index.ts';
import { dealsSeed } from './test-support.ts';

let h: Harness;
let admin: Client;
let pmm: { client: Client; userId: string };
let reps: { client: Client; userId: string }[];
let ws: string;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const noJobs = { send: async () => null };
const pool = () => h.services.deps.database.pool;
const inboxOf = async (userId: string, type = 'feedback.theme_status_changed') =>
  (await pool().query('select * from inbox_items where user_id = $1 and type = $2', [userId, type])).rows;

async function log(who: Client, body: Record<string, unknown>) {
  const res = await call(h.app, who, 'POST', api('feedback'), { body: { kind: 'objection', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { item: { id: string; theme: { id: string } | null }; autoAssigned: { theme: { id: string }; confidence: number } | null };
}

async function theme(name: string, itemIds: string[]) {
  const res = await call(h.app, pmm.client, 'POST', api('themes'), { body: { name, itemIds } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  reps = [];
  for (const name of ['Rae', 'Sam', 'Tom', 'Uma']) reps.push(await addMember(h.app, admin, 'acme', `${name.toLowerCase()}@acme.test`, 'sales', `${name} Rep`));
});
afterAll(async () => h?.close());

describe('revenue at stake', () => {
  it('sums open, lost and won deals behind a theme, each deal once; account-only items bring their account’s deals', async () => {
    const db = h.services.deps.database.db;
    const [a1, a2, a3] = await dealsSeed.insertAccounts(db, [
      { workspaceId: ws, name: 'Acc One' },
      { workspaceId: ws, name: 'Acc Two' },
      { workspaceId: ws, name: 'Acc Three' },
    ]);
    const deal = (externalId: string, accountId: string | null, stageCategory: 'open' | 'won' | 'lost', amountBase: string | null) => ({
      workspaceId: ws,
      source: 'fixture',
      externalId,
      name: externalId,
      accountId,
      stage: stageCategory,
      stageCategory,
      amount: amountBase,
      currency: amountBase ? 'USD' : null,
      amountBase,
    });
    const rows = await dealsSeed.insertDeals(db, [
      deal('d1', a1!.id, 'open', '100000'),
      deal('d2', a1!.id, 'open', '50000'),
      deal('d3', a1!.id, 'lost', '30000'),
      deal('d4', a2!.id, 'open', '20000'),
      deal('d5', a2!.id, 'won', '40000'),
      deal('d6', a3!.id, 'lost', '10000'),
      deal('d7', null, 'open', '5000'),
      deal('d8', a3!.id, 'open', null),
    ]);
    // Ids come back in insert order.
    const d = Object.fromEntries(rows.map((r, i) => [`d${i + 1}`, r.id]));
    const rep = reps[0]!.client;
    // Theme one: d1 twice and through A1 (once), d2 and d3 through A1, d4 alone (not A2's won d5), d7, and an item without links.
    const one = [
      await log(rep, { text: 'one a', dealId: d.d1 }),
      await log(rep, { text: 'one b', dealId: d.d1 }),
      await log(rep, { text: 'one c', accountId: a1!.id }),
      await log(rep, { text: 'one d', dealId: d.d4 }),
      await log(rep, { text: 'one e', dealId: d.d7 }),
      await log(rep, { text: 'one f' }),
    ];
    // Theme two: A3 brings lost d6 and open d8 (no amount), d5 won, d1 again (a deal counts once per theme, in each theme).
    const two = [await log(rep, { text: 'two a', accountId: a3!.id }), await log(rep, { text: 'two b', dealId: d.d5 }), await log(rep, { text: 'two c', dealId: d.d1 })];
    const t1 = await theme('Revenue one', one.map((x) => x.item.id));
    const t2 = await theme('Revenue two', two.map((x) => x.item.id));

    const board = (await call(h.app, reps[1]!.client, 'GET', api('themes'))).json();
    const byId = Object.fromEntries(board.items.map((t: { id: string }) => [t.id, t]));
    const m1 = byId[t1.id].metrics;
    expect(Number(m1.openPipeline)).toBe(175_000); // d1 100k + d2 50k + d4 20k + d7 5k
    expect(m1.openDeals).toBe(4);
    expect(Number(m1.lostRevenue)).toBe(30_000); // d3
    expect(m1.lostDeals).toBe(1);
    expect(Number(m1.wonRevenue)).toBe(0);
    expect(m1.wonDeals).toBe(0);
    expect(m1.items).toBe(6);
    expect(m1.accounts).toBe(2); // A1 and A2 (d7 has none, one item names nothing)
    const m2 = byId[t2.id].metrics;
    expect(Number(m2.openPipeline)).toBe(100_000); // d1; d8 has no amount
    expect(m2.openDeals).toBe(2);
    expect(Number(m2.lostRevenue)).toBe(10_000);
    expect(Number(m2.wonRevenue)).toBe(40_000);
    expect(m2.accounts).toBe(3);
    // Default sort: open pipeline at stake, largest first.
    expect(board.items.map((t: { id: string }) => t.id)).toEqual([t1.id, t2.id]);

    const detail = (await call(h.app, reps[1]!.client, 'GET', api(`themes/${t1.id}`))).json();
    expect(detail.deals.map((x: { name: string; via: string }) => `${x.name}:${x.via}`).sort()).toEqual(['d1:item', 'd2:account', 'd3:account', 'd4:item', 'd7:item']);
    expect(detail.metrics.trend).toHaveLength(12);
    expect(detail.metrics.trend.at(-1).items).toBe(6);
  });
});

describe('near-duplicates', () => {
  it('finds what other reps reported in the last 90 days, and "add yours to it" joins its theme', async () => {
    const a = await log(reps[0]!.client, { kind: 'feature_request', text: 'Customer needs SCIM provisioning with Okta before they can roll out to 2,000 seats' });
    const b = await log(reps[1]!.client, { kind: 'feature_request', text: 'Prospect asked for SCIM provisioning via Okta before rollout' });
    await log(reps[2]!.client, { kind: 'pain_point', text: 'The usage dashboard takes forever to load for big warehouses' });
    const old = await log(reps[3]!.client, {
      kind: 'feature_request',
      text: 'Customer needs SCIM provisioning with Okta before they can roll out',
      observedAt: new Date(Date.now() - 120 * 86_400_000).toISOString(),
    });

    const res = await call(h.app, reps[3]!.client, 'POST', api('feedback/similar'), { body: { text: 'They need SCIM provisioning with Okta before rolling out' } });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids, res.body).toContain(a.item.id);
    expect(ids).toContain(b.item.id);
    expect(ids).not.toContain(old.item.id); // older than 90 days
    expect(ids, res.body).toHaveLength(2);
    expect(res.json().reporters).toBe(2);
    expect(res.json().items[0].similarity).toBeGreaterThan(0.5);

    const t = await theme('SCIM', [a.item.id]);
    const mine = await log(reps[3]!.client, { kind: 'feature_request', text: 'Same SCIM ask', sameAsId: a.item.id });
    expect(mine.item.theme?.id).toBe(t.id);
    const bad = await call(h.app, reps[3]!.client, 'POST', api('feedback'), { body: { kind: 'objection', text: 'x', sameAsId: t.id } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.sameAsId');
  });
});

describe('closing the loop', () => {
  it('a status change with a response reaches each submitter once, however many items they logged; the actor is not told', async () => {
    const rae = reps[0]!;
    const sam = reps[1]!;
    const items = [
      await log(rae.client, { text: 'Security review wants SOC 2 Type II report' }),
      await log(rae.client, { text: 'SOC 2 report requested again by procurement' }),
      await log(rae.client, { text: 'Need the SOC 2 bridge letter' }),
      await log(sam.client, { text: 'Their CISO asked for our SOC 2 Type II' }),
    ];
    const t = await theme('SOC 2 evidence', items.map((i) => i.item.id));
    const before = { rae: (await inboxOf(rae.userId)).length, sam: (await inboxOf(sam.userId)).length };

    const refused = await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/status`), { body: { status: 'addressed' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('body.message');
    const forbidden = await call(h.app, sam.client, 'POST', api(`themes/${t.id}/status`), { body: { status: 'acknowledged' } });
    expect(forbidden.statusCode).toBe(403);

    const res = await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/status`), {
      body: { status: 'addressed', message: 'The SOC 2 Type II report and bridge letter are in the trust portal now.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().history[0]).toMatchObject({ from: 'new', to: 'addressed', notified: 2 });

    const dispatcher = createDispatcher(h.services.deps, noJobs);
    await dispatcher.dispatchBatch();
    await dispatcher.dispatchBatch();
    expect((await inboxOf(rae.userId)).length - before.rae).toBe(1);
    expect((await inboxOf(sam.userId)).length - before.sam).toBe(1);
    expect(await inboxOf(pmm.userId)).toHaveLength(0);
    const [note] = (await inboxOf(sam.userId)).slice(-1);
    expect(note.title).toBe('SOC 2 evidence: Addressed');
    expect(note.body).toContain('trust portal');

    // The rep reads it on "my feedback", and the metrics count it.
    const mine = (await call(h.app, sam.client, 'GET', api('feedback?submittedBy=me'))).json();
    const soc = mine.items.find((i: { id: string }) => i.id === items[3]!.item.id);
    expect(soc.response).toMatchObject({ status: 'addressed', by: { userId: pmm.userId } });
    expect(soc.response.message).toContain('trust portal');
    const summary = (await call(h.app, sam.client, 'GET', api('feedback/mine/summary'))).json();
    expect(summary.byStatus.addressed).toBeGreaterThanOrEqual(1);
    expect(summary.withResponse).toBeGreaterThanOrEqual(1);
    const metrics = (await call(h.app, sam.client, 'GET', api('feedback/metrics'))).json();
    const pia = metrics.byPerson.find((p: { person: { userId: string } }) => p.person.userId === pmm.userId);
    expect(pia.acknowledged).toBe(4);
    expect(pia.responded).toBe(4);
    expect(metrics.overall.items).toBeGreaterThanOrEqual(4);
    expect(metrics.overall.responseRate).toBeGreaterThan(0);
  });

  it('a merge keeps every submitter and follower of both themes subscribed; the merged theme refuses changes', async () => {
    const [rae, sam, tom, uma] = reps as [(typeof reps)[number], (typeof reps)[number], (typeof reps)[number], (typeof reps)[number]];
    const x = await theme('Snowflake credits objection', [(await log(rae.client, { text: 'Snowflake credits look cheaper on paper' })).item.id]);
    const y = await theme('Price vs Snowflake', [
      (await log(sam.client, { text: 'They compare our list price with Snowflake credits' })).item.id,
      (await log(tom.client, { text: 'Snowflake pricing objection again' })).item.id,
    ]);
    expect((await call(h.app, uma.client, 'POST', api(`themes/${y.id}/follow`))).json()).toEqual({ following: true });
    // Tom stops following: the merge must not sign him up again.
    expect((await call(h.app, tom.client, 'DELETE', api(`themes/${y.id}/follow`))).json()).toEqual({ following: false });

    const merged = await call(h.app, pmm.client, 'POST', api(`themes/${x.id}/merge`), { body: { sourceThemeIds: [y.id] } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().metrics.items).toBe(3);
    expect(merged.json().subscribers).toBe(3); // Rae, Sam, Uma

    const gone = (await call(h.app, sam.client, 'GET', api(`themes/${y.id}`))).json();
    expect(gone.mergedInto).toMatchObject({ id: x.id });
    expect((await call(h.app, pmm.client, 'POST', api(`themes/${y.id}/status`), { body: { status: 'planned' } })).statusCode).toBe(409);
    const board = (await call(h.app, sam.client, 'GET', api('themes'))).json();
    expect(board.items.some((t: { id: string }) => t.id === y.id)).toBe(false);

    const before = await Promise.all(reps.map(async (r) => (await inboxOf(r.userId)).length));
    await call(h.app, pmm.client, 'POST', api(`themes/${x.id}/status`), { body: { status: 'planned', message: 'A pricing calculator is planned for Q3.' } });
    await createDispatcher(h.services.deps, noJobs).dispatchBatch();
    const after = await Promise.all(reps.map(async (r) => (await inboxOf(r.userId)).length));
    expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 0, 1]); // Rae, Sam, (not Tom), Uma
  });

  it('split moves the chosen items to a new theme; items may move back to triage', async () => {
    const items = [
      (await log(reps[0]!.client, { text: 'Wants Terraform provider' })).item.id,
      (await log(reps[1]!.client, { text: 'Terraform provider for warehouses' })).item.id,
      (await log(reps[2]!.client, { text: 'Pulumi support please' })).item.id,
    ];
    const t = await theme('Infrastructure as code', items);
    const all = await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/split`), { body: { name: 'Everything', itemIds: items } });
    expect(all.statusCode).toBe(400);
    const split = await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/split`), { body: { name: 'Pulumi', itemIds: [items[2]] } });
    expect(split.statusCode, split.body).toBe(201);
    expect(split.json().metrics.items).toBe(1);
    const taken = await call(h.app, pmm.client, 'POST', api('themes'), { body: { name: 'pulumi' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('FEEDBACK_THEME_NAME_TAKEN');
    const moved = await call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: [items[0]], themeId: null } });
    expect(moved.json()).toEqual({ moved: 1 });
    const triage = (await call(h.app, pmm.client, 'GET', api('feedback?theme=none&q=Terraform'))).json();
    expect(triage.items.map((i: { id: string }) => i.id)).toEqual([items[0]]);
  });
});

describe('capture', () => {
  it('links the deal’s account by default, refuses unknown links with the field named, and lets only the submitter or marketing edit', async () => {
    const db = h.services.deps.database.db;
    const [acc, other] = await dealsSeed.insertAccounts(db, [
      { workspaceId: ws, name: 'Linked Co', segment: 'Enterprise' },
      { workspaceId: ws, name: 'Other Co' },
    ]);
    const [deal] = await dealsSeed.insertDeals(db, [
      { workspaceId: ws, source: 'fixture', externalId: 'cap-1', name: 'Cap deal', accountId: acc!.id, stage: 'open', stageCategory: 'open' },
    ]);
    const made = await log(reps[0]!.client, { text: 'Wants a bigger discount', dealId: deal!.id, competitor: 'Snowflake' });
    const item = (await call(h.app, reps[1]!.client, 'GET', api(`feedback/${made.item.id}`))).json();
    expect(item.account).toMatchObject({ id: acc!.id, segment: 'Enterprise' });
    expect(item.submittedBy.name).toBe('Rae Rep');
    expect(item.source).toBe('call');

    const bySegment = (await call(h.app, reps[1]!.client, 'GET', api('feedback?segment=enterprise&competitor=snowflake'))).json();
    expect(bySegment.items.map((i: { id: string }) => i.id)).toEqual([made.item.id]);

    const unknown = await call(h.app, reps[0]!.client, 'POST', api('feedback'), { body: { kind: 'objection', text: 'x', dealId: acc!.id } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.dealId');
    const mismatch = await call(h.app, reps[0]!.client, 'POST', api('feedback'), { body: { kind: 'objection', text: 'x', dealId: deal!.id, accountId: other!.id } });
    expect(mismatch.statusCode).toBe(400);
    const empty = await call(h.app, reps[0]!.client, 'POST', api('feedback'), { body: { kind: 'objection', text: '   ' } });
    expect(empty.statusCode).toBe(400);

    expect((await call(h.app, reps[1]!.client, 'PATCH', api(`feedback/${made.item.id}`), { body: { text: 'mine now' } })).statusCode).toBe(403);
    const edited = await call(h.app, reps[0]!.client, 'PATCH', api(`feedback/${made.item.id}`), { body: { kind: 'pain_point' } });
    expect(edited.json().kind).toBe('pain_point');
    expect((await call(h.app, reps[1]!.client, 'DELETE', api(`feedback/${made.item.id}`))).statusCode).toBe(403);
    expect((await call(h.app, pmm.client, 'DELETE', api(`feedback/${made.item.id}`))).statusCode).toBe(204);
    expect((await call(h.app, pmm.client, 'GET', api(`feedback/${made.item.id}`))).statusCode).toBe(404);
  });

  it('filters by days in the reader’s time zone when given instants, by UTC days when given dates', async () => {
    // 6 pm on 12 March in Los Angeles is 02:00 UTC on the 13th.
    const made = await log(reps[1]!.client, { text: 'Evening call in Los Angeles', observedAt: '2026-03-12T18:00:00-08:00' });
    const found = async (query: string) =>
      (await call(h.app, reps[1]!.client, 'GET', api(`feedback?submittedBy=me&${query}`))).json().items.map((i: { id: string }) => i.id);
    expect(await found('from=2026-03-12T08:00:00.000Z&to=2026-03-13T08:00:00.000Z')).toEqual([made.item.id]);
    expect(await found('from=2026-03-12&to=2026-03-12')).toEqual([]);
    expect(await found('from=2026-03-13&to=2026-03-13')).toEqual([made.item.id]);
    expect((await call(h.app, reps[1]!.client, 'GET', api('feedback?from=yesterday'))).statusCode).toBe(400);
  });

  it('keeps feedback when its deal is deleted (an undone CRM import): only the deal link goes', async () => {
    const db = h.services.deps.database.db;
    const [acc] = await dealsSeed.insertAccounts(db, [{ workspaceId: ws, name: 'Undone Co' }]);
    const [deal] = await dealsSeed.insertDeals(db, [
      { workspaceId: ws, source: 'fixture', externalId: 'undo-1', name: 'Undone deal', accountId: acc!.id, stage: 'open', stageCategory: 'open' },
    ]);
    const made = await log(reps[0]!.client, { text: 'Said on a deal that an import brought', dealId: deal!.id });
    await pool().query('delete from deals where id = $1', [deal!.id]);
    const item = (await call(h.app, reps[0]!.client, 'GET', api(`feedback/${made.item.id}`))).json();
    expect(item.deal).toBeNull();
    expect(item.account).toMatchObject({ id: acc!.id });
  });

  it('new feedback joins a theme it clearly belongs to, with its confidence, and unrelated feedback waits for triage', async () => {
    const texts = [
      'Needs EU data residency: data must stay in Frankfurt for GDPR',
      'GDPR: customer requires EU data residency in the Frankfurt region',
      'Legal blocked us on EU data residency, they need data kept in the EU',
      'EU data residency requirement from their DPO, Frankfurt region only',
    ];
    const ids = [];
    for (const text of texts) ids.push((await log(reps[0]!.client, { kind: 'objection', text })).item.id);
    const t = await theme('EU data residency', ids);
    const joined = await log(reps[1]!.client, { kind: 'objection', text: 'Their DPO wants EU data residency, Frankfurt region, for GDPR' });
    expect(joined.autoAssigned?.theme.id).toBe(t.id);
    expect(joined.autoAssigned!.confidence).toBeGreaterThan(0);
    const item = (await call(h.app, reps[1]!.client, 'GET', api(`feedback/${joined.item.id}`))).json();
    expect(item.assignment).toMatchObject({ by: 'auto' });
    const apart = await log(reps[1]!.client, { kind: 'praise', text: 'Loved the onboarding webinar, very clear' });
    expect(apart.autoAssigned).toBeNull();
    expect(apart.item.theme).toBeNull();
  });
});

describe('suggested themes', () => {
  it('groups untriaged feedback; accepting makes a theme of the items still untriaged; a decided suggestion cannot be decided again', async () => {
    const topics = [
      ['Wants a native dbt Cloud integration', 'dbt Cloud integration would save them a week', 'Asked when the dbt Cloud integration ships', 'dbt Cloud jobs should trigger our pipelines'],
      ['Tableau connector keeps timing out', 'Tableau connector times out on large extracts', 'Their Tableau extracts time out through our connector', 'Tableau connector timeout again on dashboards'],
    ];
    for (const group of topics) for (const text of group) await log(reps[2]!.client, { kind: 'pain_point', text });
    const res = await call(h.app, pmm.client, 'POST', api('theme-suggestions/refresh'));
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.computedAt).not.toBeNull();
    const dbt = list.items.find((s: { representatives: { text: string }[] }) => s.representatives.some((r) => r.text.includes('dbt Cloud')));
    expect(dbt, JSON.stringify(list.items.map((s: { label: string }) => s.label))).toBeDefined();
    expect(dbt.representatives.length).toBeLessThanOrEqual(3);
    expect(dbt.label.toLowerCase()).toContain('dbt');

    const accepted = await call(h.app, pmm.client, 'POST', api(`theme-suggestions/${dbt.id}/accept`), { body: { name: 'dbt Cloud integration' } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().name).toBe('dbt Cloud integration');
    expect(accepted.json().metrics.items).toBe(dbt.itemIds.length);
    const again = await call(h.app, pmm.client, 'POST', api(`theme-suggestions/${dbt.id}/discard`));
    expect(again.statusCode).toBe(409);
    const after = (await call(h.app, pmm.client, 'GET', api('theme-suggestions'))).json();
    expect(after.items.some((s: { id: string }) => s.id === dbt.id)).toBe(false);
  });
});

describe('at the same moment', () => {
  it('two PMMs creating one name get one theme and a 409, not a server error', async () => {
    const res = await Promise.all([1, 2, 3].map(() => call(h.app, pmm.client, 'POST', api('themes'), { body: { name: 'Race to the name' } })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of res.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('FEEDBACK_THEME_NAME_TAKEN');
  });

  it('two "Find themes" runs at once leave one set of suggestions', async () => {
    const [a, b] = await Promise.all([
      call(h.app, pmm.client, 'POST', api('theme-suggestions/refresh')),
      call(h.app, pmm.client, 'POST', api('theme-suggestions/refresh')),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    // Each run's groups once: duplicated rows would repeat their labels.
    const pending = await pool().query(
      "select count(*)::int as n, count(distinct label)::int as labels from theme_suggestions where workspace_id = $1 and status = 'pending'",
      [ws],
    );
    expect(pending.rows[0].n).toBeGreaterThan(0);
    expect(pending.rows[0].n).toBe(pending.rows[0].labels);
    expect(b.json().items.map((x: { id: string }) => x.id).sort()).toEqual(a.json().items.map((x: { id: string }) => x.id).sort());
  });

  it('a status change nobody follows still reaches Slack and webhooks (one event, no person)', async () => {
    const t = await theme('Followed by nobody', []);
    await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/status`), { body: { status: 'planned', message: 'On the roadmap.' } });
    const events = await pool().query("select payload from events where type = 'feedback.theme_status_changed' and payload->>'themeId' = $1", [t.id]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].payload.recipientUserIds).toEqual([]);
  });

  it('refuses a day that is not on the calendar, naming the parameter', async () => {
    for (const from of ['2024-13-01', '2024-02-31', '0000-00-00']) {
      const res = await call(h.app, reps[0]!.client, 'GET', api(`feedback?from=${from}`));
      expect(res.statusCode, from).toBe(400);
      expect(res.json().errors[0].path).toContain('from');
    }
  });
});

