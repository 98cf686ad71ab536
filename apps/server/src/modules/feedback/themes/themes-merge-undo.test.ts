/**
 * A merge of themes can be undone for a few seconds (TANDEM_UNDO_SECONDS): the merged themes come back with
 * exactly the items, followers and links that moved, and nothing a person did since is lost — which is why an
 * undo is refused once the window passed, once undone, or when a moved item was moved again or deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { cliActor } from '../../../lib/context.ts';

let h: Harness;
let admin: Client;
let pmm: { client: Client; userId: string };
let rae: { client: Client; userId: string };
let sam: { client: Client; userId: string };
let lee: { client: Client; userId: string };
let outsider: Client;
let seq = 0;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const q = async (text: string, values: unknown[] = []) => (await h.services.deps.database.pool.query(text, values)).rows;

async function log(who: Client, text: string) {
  const res = await call(h.app, who, 'POST', api('feedback'), { body: { kind: 'feature_request', text } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().item.id as string;
}

/** A theme holding one item from each of `by` (distinct words, so nothing is grouped on its own). */
async function theme(name: string, by: Client[]) {
  const itemIds = [];
  for (const who of by) itemIds.push(await log(who, `${name} ${++seq}: zq${seq}x wants ${name.toLowerCase()} badly`));
  const res = await call(h.app, pmm.client, 'POST', api('themes'), { body: { name, itemIds } });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, itemIds };
}

const merge = (into: string, sourceThemeIds: string[], who = pmm.client) => call(h.app, who, 'POST', api(`themes/${into}/merge`), { body: { sourceThemeIds } });
const undo = (into: string, mergeId: string, who = pmm.client, slug = 'acme') =>
  call(h.app, who, 'POST', `/api/v1/workspaces/${slug}/themes/${into}/merges/${mergeId}/undo`);

/** Everything a merge may touch, for the themes given: items and their marks, followers, links, pointers. */
async function state(themeIds: string[]) {
  const items = await q(
    `select id, theme_id, acknowledged_at, acknowledged_by_user_id, responded_at from feedback_items where theme_id = any($1::uuid[]) order by id`,
    [themeIds],
  );
  const followers = await q(`select theme_id, user_id, following from theme_followers where theme_id = any($1::uuid[]) order by theme_id, user_id`, [themeIds]);
  const links = await q(`select id, theme_id from theme_links where theme_id = any($1::uuid[]) order by id`, [themeIds]);
  const themes = await q(`select id, name, status, owner_user_id, merged_into_id, response from themes where id = any($1::uuid[]) order by id`, [themeIds]);
  return { items, followers, links, themes };
}

/** Two sources and a target with followers on all sides, a link on a source, and a target that is past "new". */
async function scene(tag: string) {
  const target = await theme(`${tag} target`, [rae.client]);
  const s1 = await theme(`${tag} first`, [sam.client, rae.client]);
  const s2 = await theme(`${tag} second`, [pmm.client]);
  // Lee follows the target but stopped following the first source: the merge stops Lee on the target.
  expect((await call(h.app, lee.client, 'POST', api(`themes/${target.id}/follow`))).statusCode).toBe(200);
  expect((await call(h.app, lee.client, 'DELETE', api(`themes/${s1.id}/follow`))).statusCode).toBe(200);
  // The admin follows the second source only: the merge signs the admin up to the target.
  expect((await call(h.app, admin, 'POST', api(`themes/${s2.id}/follow`))).statusCode).toBe(200);
  const link = await call(h.app, pmm.client, 'POST', api(`themes/${s1.id}/links`), { body: { title: 'Battlecard', url: 'https://example.com/card' } });
  expect(link.statusCode, link.body).toBe(200);
  const status = await call(h.app, pmm.client, 'POST', api(`themes/${target.id}/status`), { body: { status: 'acknowledged', message: 'Looking at it.' } });
  expect(status.statusCode, status.body).toBe(200);
  return { target, s1, s2, all: [target.id, s1.id, s2.id] };
}

beforeAll(async () => {
  h = await createHarness({ TANDEM_UNDO_SECONDS: '60' });
  admin = await setupAdmin(h.app);
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rae = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  sam = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales_lead', 'Sam Lead');
  lee = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'marketing', 'Lee Marketing');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  outsider = await login(h.app, 'admin@bravo.test', PASSWORD);
});
afterAll(async () => h?.close());

describe('undoing a merge of themes', () => {
  it('puts back exactly the items, followers and links that moved, and nothing done since', async () => {
    const { target, s1, s2, all } = await scene('Exact');
    const before = await state(all);
    const events = async () => (await q(`select count(*)::int as n from events`))[0].n as number;
    const eventsBefore = await events();

    const res = await merge(target.id, [s1.id, s2.id]);
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    // A merge tells nobody (no event to hold for the window), and neither does its undo (below).
    expect(await events()).toBe(eventsBefore);
    expect(merged.merge).toMatchObject({ items: 3, sources: [{ id: s1.id, name: 'Exact first' }, { id: s2.id, name: 'Exact second' }] });
    expect(Date.parse(merged.merge.undoUntil) - Date.now()).toBeGreaterThan(50_000);
    const during = await state(all);
    expect(during.items.every((i) => i.theme_id === target.id)).toBe(true);
    // The target being acknowledged, the merge acknowledged the items that joined it.
    expect(during.items.every((i) => i.acknowledged_at !== null)).toBe(true);
    expect(during.followers.find((f) => f.theme_id === target.id && f.user_id === lee.userId)?.following).toBe(false);
    expect(during.links.every((l) => l.theme_id === target.id)).toBe(true);

    // Something done since that the undo must keep: an item moved into the target by hand stays there.
    const later = await log(rae.client, 'Exact later: qj77 unrelated words only');
    expect((await call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: [later], themeId: target.id } })).statusCode).toBe(200);

    const eventsBeforeUndo = await events();
    const back = await undo(target.id, merged.merge.id);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().metrics.items).toBe(2); // the target's own item and the one moved in since
    const after = await state(all);
    expect(after.items.filter((i) => i.id !== later)).toEqual(before.items);
    expect((await q(`select theme_id from feedback_items where id = $1`, [later]))[0].theme_id).toBe(target.id);
    const laterFollower = (f: { theme_id: string; user_id: string }) => !(f.theme_id === target.id && f.user_id === rae.userId);
    expect(after.followers.filter(laterFollower)).toEqual(before.followers.filter(laterFollower));
    expect(after.links).toEqual(before.links);
    expect(after.themes).toEqual(before.themes);
    // The sources are themes again, on the board.
    const board = (await call(h.app, pmm.client, 'GET', api('themes'))).json().items.map((t: { id: string }) => t.id);
    expect(board).toEqual(expect.arrayContaining(all));

    const [entry] = await q(`select action, details from audit_log where action = 'theme.merge_undone' and target_id = $1`, [target.id]);
    expect(entry).toMatchObject({ details: { restored: ['Exact first', 'Exact second'], items: 3, mergeId: merged.merge.id } });
    expect(await events()).toBe(eventsBeforeUndo);

    // Undone once: a second undo is refused, and changes nothing.
    const again = await undo(target.id, merged.merge.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FEEDBACK_THEME_MERGE_UNDONE');
    expect(await state(all)).toEqual(after);
  });

  it('is refused once the undo window has passed', async () => {
    const { target, s1, all } = await scene('Late');
    const res = await merge(target.id, [s1.id]);
    expect(res.statusCode, res.body).toBe(200);
    await q(`update theme_merges set undo_until = now() where id = $1`, [res.json().merge.id]);
    const during = await state(all);
    const late = await undo(target.id, res.json().merge.id);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGE_UNDO_TOO_LATE', detail: expect.stringContaining('60 seconds') });
    expect(await state(all)).toEqual(during);
  });

  it('is refused when a moved item was moved again or deleted since, and says which', async () => {
    const { target, s1, s2, all } = await scene('Changed');
    const res = await merge(target.id, [s1.id, s2.id]);
    expect(res.statusCode, res.body).toBe(200);
    const mergeId = res.json().merge.id;
    // One of the moved items goes back to triage.
    expect((await call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: [s1.itemIds[0]], themeId: null } })).statusCode).toBe(200);
    const during = await state(all);
    const moved = await undo(target.id, mergeId);
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGE_CHANGED', detail: expect.stringContaining('1 item moved elsewhere') });
    expect(await state(all)).toEqual(during);

    // Back in, then the submitter deletes another moved item.
    expect((await call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: [s1.itemIds[0]], themeId: target.id } })).statusCode).toBe(200);
    expect((await call(h.app, pmm.client, 'DELETE', api(`feedback/${s2.itemIds[0]}`))).statusCode).toBe(204);
    const deleted = await undo(target.id, mergeId);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGE_CHANGED', detail: expect.stringContaining('1 item deleted') });
  });

  it('is for whoever may merge: a rep or a sales lead is refused, and so is another workspace (404)', async () => {
    const { target, s1, all } = await scene('Roles');
    const res = await merge(target.id, [s1.id]);
    expect(res.statusCode, res.body).toBe(200);
    const mergeId = res.json().merge.id;
    const during = await state(all);
    for (const who of [rae.client, sam.client]) expect((await undo(target.id, mergeId, who)).statusCode).toBe(403);
    expect((await undo(target.id, mergeId, outsider)).statusCode).toBe(404);
    expect((await undo(target.id, mergeId, outsider, 'bravo')).statusCode).toBe(404);
    // A merge id under another theme is no merge of that theme.
    const other = await undo(s1.id, mergeId);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('FEEDBACK_THEME_MERGE_NOT_FOUND');
    expect(await state(all)).toEqual(during);
    // Marketing other than the person who merged may undo it.
    expect((await undo(target.id, mergeId, lee.client)).statusCode).toBe(200);
  });

  it('lets one of two undos at once through; the other is refused as already undone', async () => {
    const { target, s1, s2, all } = await scene('Race');
    const before = await state(all);
    const res = await merge(target.id, [s1.id, s2.id]);
    expect(res.statusCode, res.body).toBe(200);
    const mergeId = res.json().merge.id;
    const [a, b] = await Promise.all([undo(target.id, mergeId), undo(target.id, mergeId, lee.client)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('FEEDBACK_THEME_MERGE_UNDONE');
    expect(await state(all)).toEqual(before);
  });

  it('waits for a later merge into the same theme to be undone first, and refuses a source name taken since', async () => {
    const { target, s1, s2 } = await scene('Order');
    const first = (await merge(target.id, [s1.id])).json().merge.id;
    const second = (await merge(target.id, [s2.id])).json().merge.id;
    const early = await undo(target.id, first);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGE_CHANGED', detail: expect.stringContaining('undo that merge first') });
    expect((await undo(target.id, second)).statusCode).toBe(200);
    // A new theme named as the first source, made while it was merged away.
    expect((await call(h.app, pmm.client, 'POST', api('themes'), { body: { name: 'order FIRST', itemIds: [] } })).statusCode).toBe(201);
    const taken = await undo(target.id, first);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGE_CHANGED', detail: expect.stringContaining('"order FIRST"') });
  });

  it('offers no undo when the window is switched off', async () => {
    const off = await createHarness({ TANDEM_UNDO_SECONDS: '0' });
    try {
      const a = await setupAdmin(off.app);
      const item = (await call(off.app, a, 'POST', api('feedback'), { body: { kind: 'praise', text: 'Window off one' } })).json().item.id;
      const other = (await call(off.app, a, 'POST', api('feedback'), { body: { kind: 'praise', text: 'Window off two qq' } })).json().item.id;
      const t1 = (await call(off.app, a, 'POST', api('themes'), { body: { name: 'Off one', itemIds: [item] } })).json().id;
      const t2 = (await call(off.app, a, 'POST', api('themes'), { body: { name: 'Off two', itemIds: [other] } })).json().id;
      const res = await call(off.app, a, 'POST', api(`themes/${t1}/merge`), { body: { sourceThemeIds: [t2] } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().merge.undoUntil).toBeNull();
      const late = await call(off.app, a, 'POST', api(`themes/${t1}/merges/${res.json().merge.id}/undo`));
      expect(late.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGE_UNDO_TOO_LATE', detail: expect.stringContaining('switched off') });
    } finally {
      await off.close();
    }
  });
});
