import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, login, type Client, type Harness } from '../../../test/app-harness.ts';
import { cliActor } from '../../lib/context.ts';
import { createDispatcher } from '../notifications/index.ts';
import { agendaCandidates, localDay } from './agenda.ts';

let h: Harness;
let admin: Client;
let workspaceId: string;
let pmm: { client: Client; userId: string };
let pmm2: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let outsider: { client: Client; userId: string };
let bravo: Client;
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const pool = () => h.services.deps.database.pool;
const SEC = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
async function send(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  return { code: res.statusCode, json: res.headers['content-type']?.toString().includes('json') && res.body ? res.json() : null, text: res.body, type: String(res.headers['content-type'] ?? '') };
}
async function ok(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await send(who, method, path, body, slug);
  expect(res.code, res.text).toBeLessThan(300);
  return res.json;
}
async function dispatchAll() {
  const dispatcher = createDispatcher(h.services.deps, { send: async () => null });
  while ((await dispatcher.dispatchBatch()) > 0);
}
const inbox = async (userId: string, type: string) =>
  (await pool().query('select title, body, link from inbox_items where user_id = $1 and type = $2 order by created_at', [userId, type])).rows as { title: string; body: string; link: string }[];
const q = (text: string, values: unknown[] = []) => pool().query(text, values);

/** A weekly series whose occurrence 2 is the next one (occurrence 1 was six days ago), in the local date of Chicago. */
function seriesBody(over: Record<string, unknown> = {}) {
  const first = new Date(Date.now() - 6 * DAY);
  return {
    title: 'PMM–Sales sync',
    cadence: 'weekly',
    startsOn: first.toISOString().slice(0, 10),
    startTime: '12:00',
    timeZone: 'UTC',
    durationMinutes: 45,
    attendeeIds: [pmm.userId, lead.userId, rep.userId],
    ...over,
  };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  workspaceId = (await q("select id from workspaces where slug = 'acme'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  pmm2 = await addMember(h.app, admin, 'acme', 'paul@acme.test', 'marketing', 'Paul Marketing');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  outsider = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Sales');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
}, 120_000);
afterAll(async () => h?.close());

describe('agenda generation picks exactly the qualifying records', () => {
  it('on a fixture with records just inside and just outside each rule', async () => {
    const until = new Date(Date.now() - 60 * SEC);
    const since = new Date(until.getTime() - 7 * DAY);
    const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
    const theme = async (name: string, createdAt: Date, status = 'new') =>
      (await q('insert into themes (workspace_id, name, status, created_at, updated_at) values ($1, $2, $3, $4, $4) returning id', [workspaceId, name, status, createdAt])).rows[0].id as string;
    const item = (themeId: string, createdAt: Date) =>
      q("insert into feedback_items (workspace_id, kind, text, source, theme_id, created_at, updated_at) values ($1, 'pain_point', 'x', 'call', $2, $3, $3)", [workspaceId, themeId, createdAt]);
    await theme('New just inside', at(since, SEC));
    await theme('Old, quiet (created just before the window)', at(since, -SEC));
    await theme('Created after the window', at(until, SEC));
    await theme('New but addressed', at(since, SEC), 'addressed');
    const rising = await theme('Rising', at(since, -DAY));
    await item(rising, at(since, SEC));
    await item(rising, at(until, -SEC));
    const flat = await theme('One item in the window', at(since, -DAY));
    await item(flat, at(since, -SEC));
    await item(flat, at(until, -SEC));

    const decision = (title: string, opened: Date, closes: Date, status = 'open') =>
      q(
        "insert into decisions (workspace_id, title, context, kind, owner_user_id, status, input_opened_at, input_closes_at, decide_by) values ($1, $2, 'c', 'launch', $3, $4, $5, $6, '2030-01-01')",
        [workspaceId, title, pmm.userId, status, opened, closes],
      );
    await decision('Closes a second after', at(since, 0), at(until, SEC));
    await decision('Closes at the instant', at(since, 0), until);
    await decision('Decided', at(since, 0), at(until, DAY), 'decided');
    await decision('Opens after', at(until, SEC), at(until, DAY));

    const day = (d: Date) => d.toISOString().slice(0, 10);
    const goal = (title: string, status: string, end: string, archived = false) =>
      q("insert into goals (workspace_id, title, period_kind, period_start, period_end, status, archived_at) values ($1, $2, 'custom', '2020-01-01', $3, $4, $5)", [
        workspaceId,
        title,
        end,
        status,
        archived ? new Date() : null,
      ]);
    await goal('At risk, ends the first day of the window', 'at_risk', day(since));
    await goal('Off track', 'off_track', '2030-12-31');
    await goal('Ended the day before', 'at_risk', day(at(since, -DAY)));
    await goal('On track', 'on_track', '2030-12-31');
    await goal('Archived', 'off_track', '2030-12-31', true);

    const request = (n: number, title: string, createdAt: Date, estimate: number | null) =>
      q("insert into requests (workspace_id, number, type, title, description, estimate_hours, created_at, updated_at) values ($1, $2, 'competitive_intel', $3, 'd', $4, $5, $5)", [
        workspaceId,
        n,
        title,
        estimate,
        createdAt,
      ]);
    // Competitive intel answered within one business hour, every day round the clock but the minute before midnight,
    // in a zone whose midnight is hours away from the window's end: a first response due a second before the end is
    // past its SLA, one due at the end is not yet.
    const zone = until.getUTCHours() >= 2 && until.getUTCHours() <= 21 ? 'UTC' : 'Asia/Tokyo';
    await q('insert into request_settings (workspace_id, types, calendar) values ($1, $2, $3)', [
      workspaceId,
      JSON.stringify([{ type: 'competitive_intel', firstResponseHours: 1, deliveryHours: 1000 }]),
      JSON.stringify({ timeZone: zone, workingDays: [1, 2, 3, 4, 5, 6, 7], dayStart: '00:00', dayEnd: '23:59', holidays: [] }),
    ]);
    await request(1, 'Filed a month ago, never answered', at(until, -30 * DAY), null);
    await request(2, 'Filed a minute ago, no estimate', at(until, -60 * SEC), null);
    await request(3, 'Estimated, nobody has hours', at(until, -60 * SEC), 6);
    await request(4, 'First response due a second before the end', at(until, -HOUR - SEC), null);
    await request(5, 'First response due at the end', at(until, -HOUR), null);

    // Action items: a series with occurrences 1 and 2 stored.
    const s = await ok(pmm.client, 'POST', 'meetings', seriesBody({ title: 'Fixture sync' }));
    const occ = async (seq: number) =>
      (
        await q(
          'insert into meeting_occurrences (workspace_id, series_id, seq, starts_at) values ($1, $2, $3, $4) on conflict (workspace_id, series_id, seq) do update set starts_at = excluded.starts_at returning id',
          [workspaceId, s.id, seq, at(since, seq)],
        )
      ).rows[0].id;
    const o1 = await occ(1);
    const o2 = await occ(2);
    const action = (occurrenceId: string, seq: number, title: string, doneAt: Date | null) =>
      q('insert into meeting_action_items (workspace_id, series_id, occurrence_id, seq, title, owner_user_id, due_on, done_at) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
        workspaceId,
        s.id,
        occurrenceId,
        seq,
        title,
        lead.userId,
        day(at(until, -DAY)),
        doneAt,
      ]);
    await action(o1, 1, 'Open from occurrence 1', null);
    await action(o1, 1, 'Done a second before', at(until, -SEC));
    await action(o1, 1, 'Done a second after', at(until, SEC));
    await action(o2, 2, 'Agreed in this occurrence', null);

    const got = await h.services.deps.database.withTenant(workspaceId, (tx) => agendaCandidates(tx, workspaceId, { seriesId: s.id, seq: 2, since, until, timeZone: 'America/New_York' }));
    expect(got.map((c) => `${c.kind}: ${c.title}`).sort()).toEqual(
      [
        'theme: New just inside',
        'theme: Rising',
        'request: #1 Filed a month ago, never answered',
        'request: #3 Estimated, nobody has hours',
        'request: #4 First response due a second before the end',
        'decision: Closes a second after',
        'goal: At risk, ends the first day of the window',
        'goal: Off track',
        'action_item: Open from occurrence 1',
        'action_item: Done a second after',
      ].sort(),
    );
    const why = Object.fromEntries(got.map((c) => [c.title, c.why]));
    expect(why['Rising']).toBe('Rising: 2 new items since the last sync; no revenue at stake yet');
    expect(why['New just inside']).toMatch(/^New since the last sync/);
    expect(why['#1 Filed a month ago, never answered']).toMatch(/^Past its SLA \(due /);
    expect(why['#3 Estimated, nobody has hours']).toMatch(/Below the capacity line/);
    // Times read as the attendees read them: in the series' time zone (New York here), not UTC.
    expect(why['#4 First response due a second before the end']).toMatch(/^Past its SLA \(due \w{3} \d{1,2} \w{3} \d\d:\d\d E[SD]T, since the last sync\)$/);
    expect(why['Closes a second after']).toMatch(/^Input open until \w{3} \d{1,2} \w{3} \d\d:\d\d E[SD]T$/);
    expect(why['#1 Filed a month ago, never answered']).toMatch(/, still open\)$/);
    // Late since the last sync comes before late for a month, whatever their order in the queue.
    const requestOrder = got.filter((c) => c.kind === 'request').map((c) => c.title.split(' ')[0]);
    expect(requestOrder.indexOf('#4')).toBeLessThan(requestOrder.indexOf('#1'));
    expect(why['Off track']).toBe('Off track; the period ends Tue 31 Dec 2030');
    expect(why['Open from occurrence 1']).toMatch(/^Open action item for Lee Lead, due .*, overdue \(agreed in meeting 1\)$/);
    // Clean up so the rest of the file starts from a quiet workspace.
    for (const t of ['meeting_series', 'decisions', 'goals', 'requests', 'request_settings', 'feedback_items', 'themes']) await q(`delete from ${t} where workspace_id = $1`, [workspaceId]);
  });
});

describe('a sync from agenda to minutes', () => {
  it('the next agenda is generated, edited and published; attendees are told with the .ics; an action item lands in the inbox and on the next agenda until done', async () => {
    await q("insert into themes (workspace_id, name, created_at, updated_at) values ($1, 'Pricing too high', now() - interval '1 hour', now())", [workspaceId]);
    await q("insert into goals (workspace_id, title, period_kind, period_start, period_end, status) values ($1, 'Win rate in Enterprise', 'custom', '2020-01-01', '2030-12-31', 'at_risk')", [workspaceId]);
    const s = await ok(pmm.client, 'POST', 'meetings', seriesBody());
    expect(s).toMatchObject({ title: 'PMM–Sales sync', cadence: 'weekly', owner: { name: 'Pia Marketing' }, attendeeCount: 3, next: { seq: 2 }, canManage: true });
    expect(s.attendees.map((a: { name: string; team: string }) => `${a.name} (${a.team})`)).toEqual(['Lee Lead (sales)', 'Pia Marketing (marketing)', 'Rae Rep (sales)']);
    const list = await ok(rep.client, 'GET', 'meetings');
    expect(list.items.map((x: { title: string }) => x.title)).toEqual(['PMM–Sales sync']);

    // A read never writes: creating the series stored its coming occurrence (2); reading 2 and 3 stores nothing.
    const stored = async () =>
      (
        await q(
          `select (select array_agg(seq order by seq) from meeting_occurrences where series_id = $1) as seqs,
                  (select count(*)::int from meeting_agenda_items a join meeting_occurrences o on o.id = a.occurrence_id where o.series_id = $1) as items`,
          [s.id],
        )
      ).rows[0];
    expect(await stored()).toEqual({ seqs: [2], items: 0 });
    const next = await ok(rep.client, 'GET', `meetings/${s.id}/occurrences/2`);
    expect((await ok(rep.client, 'GET', `meetings/${s.id}/occurrences/3`)).state).toBe('draft');
    expect(await stored()).toEqual({ seqs: [2], items: 0 });
    expect(next).toMatchObject({ state: 'draft', canManage: false, canTakePart: true });
    expect(next.items.map((i: { kind: string; title: string }) => `${i.kind}: ${i.title}`)).toEqual(['theme: Pricing too high', 'goal: Win rate in Enterprise']);
    expect(next.items[0].link).toMatch(/^\/w\/acme\/feedback\/themes\//);

    // Only the owner edits the agenda; attendees write notes; an outsider neither.
    expect((await send(rep.client, 'POST', `meetings/${s.id}/occurrences/2/agenda`, { title: 'x' })).code).toBe(403);
    expect((await send(outsider.client, 'PATCH', `meetings/${s.id}/occurrences/2/agenda/${next.items[0].id}`, { notes: 'x' })).code).toBe(403);
    // The id a reader saw of a live item is the id its row gets when a change stores the draft.
    const noted = await ok(rep.client, 'PATCH', `meetings/${s.id}/occurrences/2/agenda/${next.items[0].id}`, { notes: 'Three deals this week' });
    expect(noted.occurrence.items[0].notes).toBe('Three deals this week');
    const added = await ok(pmm.client, 'POST', `meetings/${s.id}/occurrences/2/agenda`, { title: 'Launch calendar' });
    const ids = added.occurrence.items.map((i: { id: string }) => i.id);
    const reordered = await ok(pmm.client, 'PUT', `meetings/${s.id}/occurrences/2/agenda`, { order: [ids[2], ids[0]] });
    expect(reordered.occurrence.items.map((i: { title: string }) => i.title)).toEqual(['Launch calendar', 'Pricing too high', 'Win rate in Enterprise']);
    const bad = await send(pmm.client, 'PUT', `meetings/${s.id}/occurrences/2/agenda`, { order: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.code).toBe(400);
    expect(bad.json.detail).toBe('body.order.0: no agenda item 00000000-0000-4000-8000-000000000000 on this occurrence');
    const hidden = await ok(pmm.client, 'PATCH', `meetings/${s.id}/occurrences/2/agenda/${ids[1]}`, { hidden: true });
    expect(hidden.occurrence.items.map((i: { title: string }) => i.title)).toEqual(['Launch calendar', 'Pricing too high']);
    // A hidden item does not come back from live data.
    expect((await ok(pmm.client, 'GET', `meetings/${s.id}/occurrences/2`)).items).toHaveLength(2);

    const published = await ok(pmm.client, 'POST', `meetings/${s.id}/occurrences/2/publish`);
    expect(published.occurrence.state).toBe('published');
    expect(published.notified.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep']);
    await dispatchAll();
    const told = await inbox(lead.userId, 'meeting.agenda_published');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('1. Launch calendar\n2. Pricing too high');
    expect(told[0]!.body).toContain(`/api/v1/workspaces/acme/meetings/${s.id}/occurrences/2/invite.ics`);
    const ics = await send(lead.client, 'GET', `meetings/${s.id}/occurrences/2/invite.ics`);
    expect(ics.code).toBe(200);
    expect(ics.type).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('BEGIN:VEVENT');

    // A published agenda stays as published: a new theme does not join it.
    await q("insert into themes (workspace_id, name, created_at, updated_at) values ($1, 'Late theme', now(), now())", [workspaceId]);
    expect((await ok(pmm.client, 'GET', `meetings/${s.id}/occurrences/2`)).items.map((i: { title: string }) => i.title)).toEqual(['Launch calendar', 'Pricing too high']);

    // Minutes: attendance (owner only), an action item for the lead (inbox), carried to occurrence 3 until done.
    expect((await send(rep.client, 'PUT', `meetings/${s.id}/occurrences/2/attendance`, { presentUserIds: [] })).code).toBe(403);
    const notInvited = await send(pmm.client, 'PUT', `meetings/${s.id}/occurrences/2/attendance`, { presentUserIds: [outsider.userId] });
    expect(notInvited.code).toBe(400);
    const held = await ok(pmm.client, 'PUT', `meetings/${s.id}/occurrences/2/attendance`, { presentUserIds: [pmm.userId, lead.userId] });
    expect((await stored()).seqs).toEqual([2, 3]); // held: the next occurrence is stored
    expect(held.occurrence.state).toBe('held');
    expect(held.occurrence.attendance.map((a: { name: string; present: boolean }) => `${a.name}:${a.present}`).sort()).toEqual(['Lee Lead:true', 'Pia Marketing:true', 'Rae Rep:false']);
    const due = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    expect((await send(outsider.client, 'POST', `meetings/${s.id}/occurrences/2/action-items`, { title: 'x', ownerUserId: lead.userId, dueOn: due })).code).toBe(403);
    const badDate = await send(rep.client, 'POST', `meetings/${s.id}/occurrences/2/action-items`, { title: 'x', ownerUserId: lead.userId, dueOn: '2026-02-30' });
    expect(badDate.code).toBe(400);
    expect(badDate.json.detail).toContain('dueOn');
    // Due before the meeting it is agreed in (occurrence 2 is tomorrow): refused, naming both days.
    const before = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    const early = await send(rep.client, 'POST', `meetings/${s.id}/occurrences/2/action-items`, { title: 'x', ownerUserId: lead.userId, dueOn: before });
    expect(early.code).toBe(400);
    expect(early.json.detail).toContain(`body.dueOn: due ${localDay(before)}, before the meeting it is agreed in`);
    const created = await ok(rep.client, 'POST', `meetings/${s.id}/occurrences/2/action-items`, { title: 'Send three lost-deal stories', ownerUserId: lead.userId, dueOn: due });
    expect(created.notified).toEqual([{ userId: lead.userId, name: 'Lee Lead' }]);
    await dispatchAll();
    const assigned = await inbox(lead.userId, 'meeting.action_item_assigned');
    expect(assigned.map((i) => i.title)).toEqual(['Action item for you: Send three lost-deal stories']);
    expect(assigned[0]!.link).toBe(`/w/acme/meetings/${s.id}/2`);

    const following = await ok(rep.client, 'GET', `meetings/${s.id}/occurrences/3`);
    const carried = following.items.find((i: { kind: string }) => i.kind === 'action_item');
    expect(carried).toMatchObject({ title: 'Send three lost-deal stories', link: `/w/acme/meetings/${s.id}/2` });
    expect(carried.why).toBe(`Open action item for Lee Lead, due ${localDay(due)} (agreed in meeting 2)`);

    // Done: only its owner, the series owner or an admin; then it leaves the draft.
    expect((await send(rep.client, 'PATCH', `meetings/action-items/${created.actionItem.id}`, { done: true })).code).toBe(403);
    const done = await ok(lead.client, 'PATCH', `meetings/action-items/${created.actionItem.id}`, { done: true });
    expect(done.actionItem.doneAt).not.toBeNull();
    expect((await ok(rep.client, 'GET', `meetings/${s.id}/occurrences/3`)).items.some((i: { kind: string }) => i.kind === 'action_item')).toBe(false);

    // Markdown export of the minutes.
    const md = await send(rep.client, 'GET', `meetings/${s.id}/occurrences/2/export.md?part=minutes`);
    expect(md.type).toMatch(/^text\/markdown/);
    expect(md.text).toContain('# PMM–Sales sync — minutes');
    expect(md.text).toContain('   > Three deals this week');
    expect(md.text).toContain('Absent: Rae Rep.');
    expect(md.text).toContain('- [x] Send three lost-deal stories — Lee Lead');

    // Metrics: one held of those scheduled so far, the action item done on time, attendance by team.
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
    const m = await ok(rep.client, 'GET', `meetings/metrics?from=${from}&to=${due > today ? due : today}`);
    expect(m.actionItemsOnTime).toEqual({ numerator: 1, denominator: 1 });
    expect(m.meetingsHeld.numerator).toBe(1);
    expect(m.meetingsHeld.denominator).toBeGreaterThanOrEqual(1);
    expect(m.attendanceByTeam).toEqual([
      { team: 'marketing', numerator: 1, denominator: 1 },
      { team: 'sales', numerator: 1, denominator: 2 },
    ]);
  });
});

describe('roles, bad input and workspace isolation', () => {
  it('sales reps cannot start a series; PMMs, leads and admins can; input errors name the field', async () => {
    expect((await send(rep.client, 'POST', 'meetings', seriesBody())).code).toBe(403);
    expect((await send(rep.client, 'GET', 'meetings/member-options')).code).toBe(403);
    for (const who of [lead.client, admin]) expect((await send(who, 'POST', 'meetings', seriesBody({ title: 'Another' }))).code).toBe(201);
    const zone = await send(pmm.client, 'POST', 'meetings', seriesBody({ timeZone: 'Mars/Olympus' }));
    expect(zone.code).toBe(400);
    expect(zone.json.detail).toContain('timeZone');
    const who = await send(pmm.client, 'POST', 'meetings', seriesBody({ attendeeIds: [lead.userId, '00000000-0000-4000-8000-000000000009'] }));
    expect(who.code).toBe(400);
    expect(who.json.detail).toBe('body.attendeeIds.1: no active member 00000000-0000-4000-8000-000000000009 in this workspace');
    const time = await send(pmm.client, 'POST', 'meetings', seriesBody({ startTime: '25:00' }));
    expect(time.code).toBe(400);
    expect(time.json.detail).toContain('startTime');
  });

  it("another workspace's series, occurrences and action items answer 404", async () => {
    const s = await ok(pmm2.client, 'POST', 'meetings', seriesBody({ title: 'Acme only' }));
    const a = await ok(pmm2.client, 'POST', `meetings/${s.id}/occurrences/1/action-items`, { title: 'x', ownerUserId: pmm2.userId, dueOn: '2030-01-01' });
    for (const path of [`meetings/${s.id}`, `meetings/${s.id}/occurrences/1`, `meetings/${s.id}/occurrences/1/invite.ics`, `meetings/${s.id}/occurrences/1/export.md`]) {
      expect((await send(bravo, 'GET', path, undefined, 'bravo')).code, path).toBe(404);
    }
    expect((await send(bravo, 'PATCH', `meetings/action-items/${a.actionItem.id}`, { done: true }, 'bravo')).code).toBe(404);
    expect((await send(bravo, 'POST', `meetings/${s.id}/occurrences/1/publish`, undefined, 'bravo')).code).toBe(404);
    // And a member of acme cannot reach bravo's at all.
    expect((await send(pmm2.client, 'GET', 'meetings', undefined, 'bravo')).code).toBe(404);
    expect((await ok(bravo, 'GET', 'meetings', undefined, 'bravo')).items).toEqual([]);
  });
});
