/**
 * A theme status change says whom it will tell before it is sent, and can be undone for a few seconds: its event
 * is held for the undo window, so an undo withdraws it and nobody hears of either; once it went out, undo is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { createDispatcher } from '../../notifications/index.ts';

let h: Harness;
let admin: Client;
let pmm: { client: Client; userId: string };
let rae: { client: Client; userId: string };
let sam: { client: Client; userId: string };
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const noJobs = { send: async () => null };
const q = async (text: string, values: unknown[] = []) => (await h.services.deps.database.pool.query(text, values)).rows;
const inboxOf = (userId: string) => q(`select * from inbox_items where user_id = $1 and type = 'feedback.theme_status_changed'`, [userId]);
const drain = async () => {
  const dispatcher = createDispatcher(h.services.deps, noJobs);
  while ((await dispatcher.dispatchBatch()) > 0);
};

async function themeWithItems(name: string) {
  const ids: string[] = [];
  for (const [who, text] of [
    [rae, `${name}: asked twice`],
    [sam, `${name}: asked again`],
  ] as const) {
    const res = await call(h.app, who.client, 'POST', api('feedback'), { body: { kind: 'feature_request', text } });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().item.id);
  }
  const res = await call(h.app, pmm.client, 'POST', api('themes'), { body: { name, itemIds: ids } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const setStatus = (themeId: string, status: string, message?: string) =>
  call(h.app, pmm.client, 'POST', api(`themes/${themeId}/status`), { body: { status, ...(message ? { message } : {}) } });
const undo = (who: Client, themeId: string, changeId: string) => call(h.app, who, 'POST', api(`themes/${themeId}/status/undo`), { body: { changeId } });

beforeAll(async () => {
  h = await createHarness({ TANDEM_UNDO_SECONDS: '60' });
  admin = await setupAdmin(h.app);
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rae = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  sam = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales_lead', 'Sam Lead');
});
afterAll(async () => h?.close());

describe('whom a status change tells', () => {
  it('the theme names, before anything is sent, the people who reported items and the other followers; never the caller', async () => {
    const t = await themeWithItems('Audience check');
    // The admin follows on their own: a follower who reported nothing.
    expect((await call(h.app, admin, 'POST', api(`themes/${t.id}/follow`))).statusCode).toBe(200);
    const seen = (await call(h.app, pmm.client, 'GET', api(`themes/${t.id}`))).json();
    expect(seen.audience.reporters.map((p: { name: string }) => p.name)).toEqual(['Rae Rep', 'Sam Lead']);
    expect(seen.audience.followers.map((p: { name: string }) => p.name)).toEqual(['Ada Admin']);
    // Rae does not hear of her own change.
    const asRae = (await call(h.app, rae.client, 'GET', api(`themes/${t.id}`))).json();
    expect(asRae.audience.reporters.map((p: { name: string }) => p.name)).toEqual(['Sam Lead']);
    // Someone who stopped following is not told.
    expect((await call(h.app, sam.client, 'DELETE', api(`themes/${t.id}/follow`))).statusCode).toBe(200);
    const after = (await call(h.app, pmm.client, 'GET', api(`themes/${t.id}`))).json();
    expect(after.audience.reporters.map((p: { name: string }) => p.name)).toEqual(['Rae Rep']);
  });
});

describe('undoing a status change', () => {
  it('holds the notification for the undo window; an undo restores status and response and nobody is ever told', async () => {
    const t = await themeWithItems('Undo within the window');
    const first = await setStatus(t.id, 'planned', 'On the roadmap for Q3.');
    expect(first.statusCode, first.body).toBe(200);
    // The first change is left to go out (its window made to have passed).
    // A second back, not now(): the column keeps milliseconds, so now() may round up past the dispatcher's clock.
    await q(`update events set available_at = now() - interval '1 second' where type = 'feedback.theme_status_changed'`);
    await q(`update theme_status_changes set undo_until = now() where theme_id = $1`, [t.id]);
    await drain();
    expect(await inboxOf(rae.userId)).toHaveLength(1);

    const res = await setStatus(t.id, 'addressed', 'Shipped in 4.2: see the release notes.');
    expect(res.statusCode, res.body).toBe(200);
    const change = res.json().history[0];
    expect(change).toMatchObject({ from: 'planned', to: 'addressed', notified: 2 });
    expect(Date.parse(change.undoUntil)).toBeGreaterThan(Date.now());
    expect(res.json().history[1].undoUntil).toBeNull();
    // Held: a dispatch pass tells nobody yet.
    await drain();
    expect(await inboxOf(rae.userId)).toHaveLength(1);
    expect(await inboxOf(sam.userId)).toHaveLength(1);

    // A rep may not undo; an older change cannot be undone.
    expect((await undo(rae.client, t.id, change.id)).statusCode).toBe(403);
    const older = await undo(pmm.client, t.id, first.json().history[0].id);
    expect(older.statusCode).toBe(409);
    expect(older.json().code).toBe('FEEDBACK_THEME_UNDO_NOT_NEWEST');

    const undone = await undo(pmm.client, t.id, change.id);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'planned', response: 'On the roadmap for Q3.' });
    expect(undone.json().history.map((x: { to: string }) => x.to)).toEqual(['planned']);
    const items = await q(`select responded_at, acknowledged_at from feedback_items where theme_id = $1`, [t.id]);
    expect(items.every((i) => i.responded_at && i.acknowledged_at)).toBe(true);
    expect(await q(`select 1 from events where type = 'feedback.theme_status_changed' and payload->>'to' = 'addressed' and payload->>'themeId' = $1`, [t.id])).toHaveLength(0);
    const audit = await q(`select details from audit_log where action = 'theme.status_change_undone' and target_id = $1`, [t.id]);
    expect(audit).toHaveLength(1);

    // Nothing goes out afterwards, and a second undo finds nothing to undo.
    await drain();
    expect(await inboxOf(rae.userId)).toHaveLength(1);
    expect(await inboxOf(sam.userId)).toHaveLength(1);
    expect((await undo(pmm.client, t.id, change.id)).statusCode).toBe(404);
  });

  it('undoing a first response clears it and the items’ answered marks', async () => {
    const t = await themeWithItems('Undo the first answer');
    const res = await setStatus(t.id, 'acknowledged', 'We hear you.');
    const undone = await undo(pmm.client, t.id, res.json().history[0].id);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'new', response: null, respondedAt: null, history: [] });
    const items = await q(`select responded_at, acknowledged_at from feedback_items where theme_id = $1`, [t.id]);
    expect(items.every((i) => !i.responded_at && !i.acknowledged_at)).toBe(true);
  });

  it('once the people were told, undo is refused and nothing is sent twice or taken back', async () => {
    const t = await themeWithItems('Undo too late');
    const before = (await inboxOf(rae.userId)).length;
    const res = await setStatus(t.id, 'in_progress');
    const change = res.json().history[0];
    // The dispatcher got there first (the window is still open by the theme's clock).
    // A second back, not now(): the column keeps milliseconds, so now() may round up past the dispatcher's clock.
    await q(`update events set available_at = now() - interval '1 second' where type = 'feedback.theme_status_changed' and payload->>'themeId' = $1`, [
      t.id,
    ]);
    await drain();
    expect(await inboxOf(rae.userId)).toHaveLength(before + 1);
    const late = await undo(pmm.client, t.id, change.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('FEEDBACK_THEME_UNDO_TOO_LATE');
    const now = (await call(h.app, pmm.client, 'GET', api(`themes/${t.id}`))).json();
    expect(now.status).toBe('in_progress');
    // And after the window, the theme no longer offers it.
    await q(`update theme_status_changes set undo_until = now() - interval '1 second' where theme_id = $1`, [t.id]);
    expect((await call(h.app, pmm.client, 'GET', api(`themes/${t.id}`))).json().history[0].undoUntil).toBeNull();
    expect((await undo(pmm.client, t.id, change.id)).statusCode).toBe(409);
    await drain();
    expect(await inboxOf(rae.userId)).toHaveLength(before + 1);
  });
});

describe('undoing an accepted suggestion', () => {
  async function suggestion(label: string) {
    const ids: string[] = [];
    for (const text of [`${label}: one`, `${label}: two`]) {
      const res = await call(h.app, rae.client, 'POST', api('feedback'), { body: { kind: 'objection', text } });
      ids.push(res.json().item.id);
    }
    const [row] = await q(
      `insert into theme_suggestions (workspace_id, label, key_phrases, item_ids, representative_ids)
       select workspace_id, $1, '{}', $2::uuid[], $2::uuid[] from feedback_items where id = $3 returning id`,
      [label, ids, ids[0]],
    );
    return { id: row.id as string, ids };
  }
  const undoAccept = (who: Client, id: string) => call(h.app, who, 'POST', api(`theme-suggestions/${id}/undo`));

  it('puts the items back in triage, removes the theme and offers the suggestion again', async () => {
    const s = await suggestion('Procurement wants annual invoicing');
    const accepted = await call(h.app, pmm.client, 'POST', api(`theme-suggestions/${s.id}/accept`), { body: { name: 'Annual invoicing' } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const themeId = accepted.json().id;
    expect((await undoAccept(rae.client, s.id)).statusCode).toBe(403);
    const undone = await undoAccept(pmm.client, s.id);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().items.map((x: { id: string }) => x.id)).toContain(s.id);
    expect(await q('select theme_id from feedback_items where id = any($1::uuid[])', [s.ids])).toEqual([{ theme_id: null }, { theme_id: null }]);
    expect(await q('select 1 from themes where id = $1', [themeId])).toHaveLength(0);
    expect((await undoAccept(pmm.client, s.id)).json().code).toBe('FEEDBACK_SUGGESTION_NOT_ACCEPTED');
    // Accepting it again works as the first time.
    expect((await call(h.app, pmm.client, 'POST', api(`theme-suggestions/${s.id}/accept`), { body: {} })).statusCode).toBe(201);
  });

  it('is refused once the theme changed: a status change told people, so its items are moved instead', async () => {
    const s = await suggestion('Needs a Salesforce sandbox');
    const themeId = (await call(h.app, pmm.client, 'POST', api(`theme-suggestions/${s.id}/accept`), { body: {} })).json().id;
    expect((await setStatus(themeId, 'acknowledged')).statusCode).toBe(200);
    const late = await undoAccept(pmm.client, s.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('FEEDBACK_SUGGESTION_UNDO_TOO_LATE');
    expect(await q('select 1 from themes where id = $1', [themeId])).toHaveLength(1);
  });
});
