/**
 * Marketing hears that feedback arrived: `feedback.item_added` for a theme one owns or follows, and a daily summary
 * of feedback waiting for triage (in the inbox and the digest), once per workspace and day however often it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import type { ChannelSender, DeliveryEvent, DigestSender } from '../channels/channel.ts';
import { createDispatcher } from '../outbox/dispatcher.ts';
import { createDeliveryRunner } from './delivery.ts';
import { emitUntriagedSummaries } from './untriaged-summary.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const noJobs = { send: async () => null };
const q = async (text: string, values: unknown[] = []) => (await h.services.deps.database.pool.query(text, values)).rows;
const inboxOf = (userId: string, type: string) => q('select * from inbox_items where user_id = $1 and type = $2 order by created_at', [userId, type]);
const drain = async () => {
  const d = createDispatcher(h.services.deps, noJobs);
  while ((await d.dispatchBatch()) > 0);
};
async function log(who: Client, text: string, extra: Record<string, unknown> = {}) {
  const res = await call(h.app, who, 'POST', api('feedback'), { body: { kind: 'feature_request', text, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().item as { id: string; theme: { id: string } | null };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user.id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
});
afterAll(async () => h?.close());

describe('new feedback in a theme one owns or follows', () => {
  it('tells the owner and the marketing followers, once per change, never the actor nor the reps who reported into it', async () => {
    const first = await log(rep.client, 'Bulk edit for opportunities, please');
    const t = (await call(h.app, admin, 'POST', api('themes'), { body: { name: 'Bulk edit', itemIds: [first.id] } })).json();
    expect((await call(h.app, admin, 'PATCH', api(`themes/${t.id}`), { body: { ownerUserId: pmm.userId } })).statusCode).toBe(200);
    await drain();

    // Logged as "the same as" an item of the theme: it joins the theme, and Pia (owner) hears of it.
    await log(rep.client, 'Customer asks again for bulk edit', { sameAsId: first.id });
    await drain();
    const [note] = await inboxOf(pmm.userId, 'feedback.item_added');
    expect(note).toMatchObject({ title: 'Bulk edit: new feedback', link: `/w/acme/feedback/themes/${t.id}` });
    expect(note.body).toContain('Customer asks again for bulk edit');
    expect(note.body).toContain('logged by Rae Rep');
    // The rep follows as a reporter but does not triage: not told. The admin neither owns nor follows yet.
    expect(await inboxOf(rep.userId, 'feedback.item_added')).toHaveLength(0);
    expect(await inboxOf(adminId, 'feedback.item_added')).toHaveLength(0);

    // The admin follows; Pia moves two untriaged items in: one event for both, the admin told, Pia (actor) not again.
    expect((await call(h.app, admin, 'POST', api(`themes/${t.id}/follow`))).statusCode).toBe(200);
    const a = await log(rep.client, 'Mass update of close dates');
    const b = await log(rep.client, 'Edit twenty deals at once');
    expect((await call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: [a.id, b.id, first.id], themeId: t.id } })).statusCode).toBe(200);
    await drain();
    const events = await q(`select payload from events where type = 'feedback.item_added' and payload->>'how' = 'moved'`);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ added: 2, items: 4, recipientUserIds: [adminId] });
    const [moved] = await inboxOf(adminId, 'feedback.item_added');
    expect(moved.title).toBe('Bulk edit: 2 new items');
    expect(await inboxOf(pmm.userId, 'feedback.item_added')).toHaveLength(1);

    // Preferences apply: with in-app off, the admin gets no inbox item for the next one.
    const put = await call(h.app, admin, 'PUT', api('notification-preferences'), { body: { items: [{ type: 'feedback.item_added', channels: [] }] } });
    expect(put.statusCode, put.body).toBe(200);
    await log(rep.client, 'Bulk edit from the list view', { sameAsId: first.id });
    await drain();
    expect(await inboxOf(adminId, 'feedback.item_added')).toHaveLength(1);
    expect(await inboxOf(pmm.userId, 'feedback.item_added')).toHaveLength(2);
  });

  it('is offered only to the roles that can receive it; a rep cannot choose it', async () => {
    const asRep = (await call(h.app, rep.client, 'GET', api('notification-preferences'))).json().items.map((i: { type: string }) => i.type);
    expect(asRep).not.toContain('feedback.item_added');
    expect(asRep).not.toContain('feedback.untriaged_summary');
    expect(asRep).not.toContain('import.completed');
    expect(asRep).not.toContain('webhook.disabled');
    expect(asRep).toContain('feedback.theme_status_changed');
    const asPmm = (await call(h.app, pmm.client, 'GET', api('notification-preferences'))).json().items;
    expect(asPmm.map((i: { type: string }) => i.type)).toEqual(expect.arrayContaining(['feedback.item_added', 'feedback.untriaged_summary']));
    expect(asPmm.find((i: { type: string }) => i.type === 'feedback.untriaged_summary')).toMatchObject({ channels: ['in_app', 'email'], digest: true });
    const refused = await call(h.app, rep.client, 'PUT', api('notification-preferences'), { body: { items: [{ type: 'import.completed', channels: ['email'] }] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('NOTIFICATIONS_TYPE_NOT_PERSONAL');
  });
});

describe('the daily summary of feedback waiting for triage', () => {
  it('once per workspace and day, to marketing and admins by their preferences, in the inbox and in the digest', async () => {
    // A day with nothing waiting is recorded and tells nobody.
    await q(`update feedback_items set theme_id = (select id from themes limit 1) where theme_id is null`);
    expect(await emitUntriagedSummaries(h.services.deps, 0)).toBe(0);
    expect(await q('select untriaged, event_id from untriaged_summaries')).toEqual([{ untriaged: 0, event_id: null }]);
    expect(await q(`select 1 from events where type = 'feedback.untriaged_summary'`)).toHaveLength(0);
    // The next day (the row of "today" gone), three items wait.
    await q('delete from untriaged_summaries');
    for (const text of ['Need SAML for contractors', 'Export to Google Sheets', 'Dark mode for the mobile app']) await log(rep.client, text);
    // The admin wants it by email only, not in the digest.
    await call(h.app, admin, 'PUT', api('notification-preferences'), { body: { items: [{ type: 'feedback.untriaged_summary', channels: ['email'], digest: false }] } });

    // Two runs at once and a third later: one summary.
    const runs = await Promise.all([emitUntriagedSummaries(h.services.deps, 0), emitUntriagedSummaries(h.services.deps, 0)]);
    expect(runs[0]! + runs[1]!).toBe(1);
    expect(await emitUntriagedSummaries(h.services.deps, 0)).toBe(0);
    const events = await q(`select id, payload from events where type = 'feedback.untriaged_summary'`);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ untriaged: 3, lastDay: 3 });
    expect([...events[0].payload.recipientUserIds].sort()).toEqual([adminId, pmm.userId].sort());
    // Before the summary hour nothing is due.
    await q('delete from untriaged_summaries');
    expect(await emitUntriagedSummaries(h.services.deps, 25)).toBe(0);
    await q(`insert into untriaged_summaries (workspace_id, day, untriaged, event_id) select workspace_id, (now() at time zone 'UTC')::date, 3, id from events where type = 'feedback.untriaged_summary'`);

    await drain();
    const [pia] = await inboxOf(pmm.userId, 'feedback.untriaged_summary');
    expect(pia).toMatchObject({ title: '3 items wait for triage', link: '/w/acme/feedback?theme=none' });
    expect(pia.body).toContain('3 arrived in the last day');
    expect(await inboxOf(rep.userId, 'feedback.untriaged_summary')).toHaveLength(0);
    expect(await inboxOf(adminId, 'feedback.untriaged_summary')).toHaveLength(0);
    const lines = await q(`select channel, target from deliveries where event_id = $1 order by target`, [events[0].id]);
    expect(lines).toEqual([
      { channel: 'email', target: 'ada@acme.test' },
      { channel: 'digest', target: 'pia@acme.test' },
    ]);

    // Pia's digest carries it at her 08:00 (her time zone is UTC: the hour it is now).
    const digests: { to: string; events: DeliveryEvent[] }[] = [];
    const email: ChannelSender & DigestSender = {
      send: async () => ({ ok: true, statusCode: null, durationMs: 0 }),
      sendDigest: async (to, evs) => (digests.push({ to: to.email, events: evs }), { ok: true, statusCode: null, durationMs: 0 }),
    };
    const runner = createDeliveryRunner(h.services.deps, { senders: { email, slack: email, webhook: email }, jobs: noJobs });
    await runner.sendDueDigests(new Date().getUTCHours());
    const mine = digests.find((d) => d.to === 'pia@acme.test');
    expect(mine?.events.map((e) => e.envelope.type)).toContain('feedback.untriaged_summary');
    expect(mine?.events.find((e) => e.envelope.type === 'feedback.untriaged_summary')?.envelope.data).toMatchObject({ untriaged: 3 });
  });
});
