import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateDecisionRequest } from '@tandem/contracts';
import { addMember, call, createHarness, setupAdmin, login, type Client, type Harness } from '../../../test/app-harness.ts';
import { cliActor, type TenantContext } from '../../lib/context.ts';
import { createDispatcher } from '../notifications/index.ts';
import { createDecisionsService } from './decisions.service.ts';
import { involvementRate } from './involvement.ts';
import { remindWorkspace } from './reminders.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let workspaceId: string;
let pmm: { client: Client; userId: string };
let pmm2: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let outsider: { client: Client; userId: string };
let bravo: Client;
let bravoGoalId: string;
let themeId: string;
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const pool = () => h.services.deps.database.pool;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const inDays = (n: number) => new Date(Date.now() + n * DAY);
const dateIn = (n: number) => inDays(n).toISOString().slice(0, 10);

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
async function send(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  return { code: res.statusCode, json: res.body ? res.json() : null };
}
async function ok(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await send(who, method, path, body, slug);
  expect(res.code, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json;
}
const draft = (over: Record<string, unknown> = {}) => ({
  title: 'Drop the Starter tier',
  context: 'Starter converts at 3 %.',
  kind: 'pricing_packaging',
  options: ['Free plan', 'Keep Starter'],
  stakeholderIds: [lead.userId, rep.userId],
  inputClosesAt: inDays(3).toISOString(),
  decideBy: dateIn(5),
  ...over,
});
async function dispatchAll() {
  const dispatcher = createDispatcher(h.services.deps, { send: async () => null });
  while ((await dispatcher.dispatchBatch()) > 0);
}
const inbox = async (userId: string, type: string) =>
  (await pool().query('select title, body from inbox_items where user_id = $1 and type = $2 order by created_at', [userId, type])).rows as { title: string; body: string }[];
const ctxOf = (userId: string, role: TenantContext['role'], name: string): TenantContext => ({
  workspaceId,
  slug: 'acme',
  role,
  actor: { userId, name, via: 'session', ip: null, requestId: null },
});

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
  workspaceId = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  pmm2 = await addMember(h.app, admin, 'acme', 'paul@acme.test', 'marketing', 'Paul Marketing');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  outsider = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Sales');
  themeId = (await ok(pmm.client, 'POST', 'themes', { name: 'Pricing too high' })).id;

  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
  bravoGoalId = (
    await pool().query("insert into goals (workspace_id, title, period_kind, period_start, period_end) values ($1, 'Bravo goal', 'custom', '2026-01-01', '2026-03-31') returning id", [b.id])
  ).rows[0].id;
}, 120_000);
afterAll(async () => h?.close());

describe('a decision from input to outcome', () => {
  it('a PMM opens it, a sales lead objects, the outcome must say what changed, and everyone who gave input hears it', async () => {
    const opened = await ok(pmm.client, 'POST', 'decisions', draft({ links: { themeIds: [themeId] } }));
    const id = opened.decision.id as string;
    expect(opened.decision).toMatchObject({ phase: 'collecting_input', round: 1, stakeholderCount: 2, counts: { support: 0, concern: 0, object: 0 } });
    expect(opened.decision.owner).toEqual({ userId: pmm.userId, name: 'Pia Marketing' });
    expect(opened.decision.links).toEqual([{ type: 'theme', id: themeId, title: 'Pricing too high' }]);
    expect(opened.notified.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep']);
    await dispatchAll();
    expect((await inbox(lead.userId, 'decision.input_requested')).map((i) => i.title)).toEqual(['Your input is asked: Drop the Starter tier']);

    // The lead objects, then changes the comment; the rep supports; someone not asked cannot give input.
    await ok(lead.client, 'POST', `decisions/${id}/inputs`, { stance: 'object', comment: 'Breaks three open quotes' });
    const changed = await ok(lead.client, 'POST', `decisions/${id}/inputs`, { stance: 'object', comment: 'Breaks three open quotes; grandfather them' });
    await ok(rep.client, 'POST', `decisions/${id}/inputs`, { stance: 'support', comment: '' });
    expect(changed.decision.stakeholders.find((s: { userId: string }) => s.userId === lead.userId).input).toMatchObject({
      stance: 'object',
      comment: 'Breaks three open quotes; grandfather them',
    });
    expect((await send(outsider.client, 'POST', `decisions/${id}/inputs`, { stance: 'support' })).code).toBe(403);
    const page = await ok(rep.client, 'GET', `decisions/${id}`);
    expect(page).toMatchObject({ counts: { support: 1, concern: 0, object: 1 }, anyObjection: true, awaitingMyInput: false });
    expect(page.permissions).toEqual({ giveInput: true, decide: false, reopen: false, editLinks: false });

    // Someone objected: the outcome without "what changed" is refused, naming the field.
    const missing = await send(pmm.client, 'POST', `decisions/${id}/decide`, { chosenOption: 'Free plan', rationale: 'Cheaper to run' });
    expect(missing.code).toBe(400);
    expect(missing.json.errors).toEqual([{ path: 'body.whatChanged', message: 'say what changed because of the input: one person objected' }]);
    expect((await send(pmm.client, 'POST', `decisions/${id}/decide`, { chosenOption: 'Free plan', rationale: 'x', whatChanged: '   ' })).code).toBe(400);
    // Only the owner (or an admin) decides.
    expect((await send(pmm2.client, 'POST', `decisions/${id}/decide`, { chosenOption: 'Free plan', rationale: 'x', whatChanged: 'y' })).code).toBe(403);
    const decided = await ok(pmm.client, 'POST', `decisions/${id}/decide`, {
      chosenOption: 'Free plan',
      rationale: 'Cheaper to run',
      whatChanged: 'Quotes issued before the change keep Starter',
    });
    expect(decided.decision).toMatchObject({ phase: 'decided', chosenOption: 'Free plan', outcome: { whatChanged: 'Quotes issued before the change keep Starter', counts: { object: 1, support: 1 } } });
    expect(decided.notified.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep']);
    await dispatchAll();
    const told = await inbox(lead.userId, 'decision.decided');
    expect(told.map((i) => i.title)).toEqual(['Decided: Drop the Starter tier — Free plan']);
    expect(told[0]!.body).toContain('What changed because of the input: Quotes issued before the change keep Starter');

    // After the outcome, input is refused (409), and deciding again too.
    expect((await send(lead.client, 'POST', `decisions/${id}/inputs`, { stance: 'support' })).code).toBe(409);
    expect((await send(pmm.client, 'POST', `decisions/${id}/decide`, { chosenOption: 'Free plan', rationale: 'x', whatChanged: 'y' })).code).toBe(409);
  });

  it('without objections "what changed" is optional; a reopened decision keeps its earlier outcome and asks again', async () => {
    const { decision } = await ok(pmm.client, 'POST', 'decisions', draft({ title: 'Annual prepay discount', options: ['15 %', '10 %'] }));
    await ok(lead.client, 'POST', `decisions/${decision.id}/inputs`, { stance: 'concern', comment: 'Tie it to prepay terms' });
    const decided = await ok(pmm.client, 'POST', `decisions/${decision.id}/decide`, { chosenOption: '15 %', rationale: 'Cash forward' });
    expect(decided.decision.outcome.whatChanged).toBeNull();
    expect(decided.notified).toEqual([{ userId: lead.userId, name: 'Lee Lead' }]);

    const bad = await send(pmm.client, 'POST', `decisions/${decision.id}/reopen`, { reason: 'Finance asked', inputClosesAt: inDays(-1).toISOString(), decideBy: dateIn(3) });
    expect(bad.json.errors[0].path).toBe('body.inputClosesAt');
    const reopened = await ok(pmm.client, 'POST', `decisions/${decision.id}/reopen`, { reason: 'Finance asked', inputClosesAt: inDays(2).toISOString(), decideBy: dateIn(3) });
    expect(reopened.decision).toMatchObject({ phase: 'collecting_input', round: 2, outcome: null, counts: { support: 0, concern: 0, object: 0 } });
    expect(reopened.decision.history).toHaveLength(1);
    expect(reopened.decision.history[0]).toMatchObject({ round: 1, chosenOption: '15 %', reopenReason: 'Finance asked', reopenedBy: { name: 'Pia Marketing' }, counts: { concern: 1 } });
    expect(reopened.notified.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep']);
    expect((await send(pmm.client, 'POST', `decisions/${decision.id}/reopen`, { reason: 'again', inputClosesAt: inDays(2).toISOString(), decideBy: dateIn(3) })).code).toBe(409);
  });

  it('the log is searchable and filtered by kind, owner and status', async () => {
    await ok(pmm2.client, 'POST', 'decisions', draft({ title: 'Launch EMEA partner program', kind: 'launch', options: ['EMEA first', 'Both'] }));
    const titles = async (query: string) => (await ok(rep.client, 'GET', `decisions?${query}`)).items.map((d: { title: string }) => d.title);
    expect(await titles('kind=launch')).toEqual(['Launch EMEA partner program']);
    expect(await titles(`owner=${pmm2.userId}`)).toEqual(['Launch EMEA partner program']);
    expect(await titles('status=decided')).toEqual(['Drop the Starter tier']);
    expect(await titles('q=prepay')).toEqual(['Annual prepay discount']);
    expect(await titles('q=grandfather')).toEqual([]);
    // The theme's page lists the decisions linked to it.
    expect(await titles(`theme=${themeId}`)).toEqual(['Drop the Starter tier']);
    expect(await titles('theme=00000000-0000-4000-8000-000000000000')).toEqual([]);
    const all = await ok(rep.client, 'GET', 'decisions?status=collecting_input');
    expect(all.total).toBe(2);
    expect(all.items.every((d: { awaitingMyInput: boolean }) => d.awaitingMyInput)).toBe(true);
    expect((await send(rep.client, 'GET', 'decisions?status=nope')).code).toBe(400);
  });

  it('the owner edits what a decision concerns: links replaced, checked against the workspace, the theme filter follows', async () => {
    const { decision } = await ok(pmm.client, 'POST', 'decisions', draft({ title: 'Relink me' }));
    expect(decision.links).toEqual([]);
    const goalId = (await pool().query("insert into goals (workspace_id, title, period_kind, period_start, period_end) values ($1, 'Win rate up', 'custom', '2026-01-01', '2026-12-31') returning id", [workspaceId])).rows[0].id;
    const linked = await ok(pmm.client, 'PUT', `decisions/${decision.id}/links`, { themeIds: [themeId], goalIds: [goalId] });
    expect(linked.decision.links.map((l: { type: string; title: string }) => `${l.type}: ${l.title}`).sort()).toEqual(['goal: Win rate up', 'theme: Pricing too high']);
    expect(linked.notified).toEqual([]);
    const titles = async () => (await ok(rep.client, 'GET', `decisions?theme=${themeId}`)).items.map((d: { title: string }) => d.title);
    expect(await titles()).toContain('Relink me');
    // Another workspace's goal is refused, naming it, and nothing is half-written.
    const bad = await send(pmm.client, 'PUT', `decisions/${decision.id}/links`, { themeIds: [], goalIds: [bravoGoalId] });
    expect(bad.code).toBe(400);
    expect(bad.json.errors).toEqual([{ path: 'body.goalIds.0', message: `no goal ${bravoGoalId} in this workspace` }]);
    expect((await ok(rep.client, 'GET', `decisions/${decision.id}`)).links).toHaveLength(2);
    // Only the owner (or an admin) edits them; the stakeholders' page says they cannot.
    expect((await send(pmm2.client, 'PUT', `decisions/${decision.id}/links`, { themeIds: [] })).code).toBe(403);
    expect((await send(lead.client, 'PUT', `decisions/${decision.id}/links`, { themeIds: [] })).code).toBe(403);
    expect((await ok(pmm.client, 'GET', `decisions/${decision.id}`)).permissions.editLinks).toBe(true);
    const cleared = await ok(admin, 'PUT', `decisions/${decision.id}/links`, { goalIds: [goalId] });
    expect(cleared.decision.links.map((l: { type: string }) => l.type)).toEqual(['goal']);
    expect(await titles()).not.toContain('Relink me');
  });
});

describe('bad input, roles and other workspaces', () => {
  it('refuses bad input with 400 naming the field', async () => {
    const errorsOf = async (body: Record<string, unknown>) => {
      const res = await send(pmm.client, 'POST', 'decisions', draft(body));
      expect(res.code, JSON.stringify(res.json)).toBe(400);
      return [...new Set(res.json.errors.map((e: { path: string }) => e.path))];
    };
    expect(await errorsOf({ options: ['Only one'] })).toEqual(['body.options']);
    expect(await errorsOf({ kind: 'vibes' })).toEqual(['body.kind']);
    expect(await errorsOf({ inputClosesAt: '2026-13-01T10:00:00Z' })).toEqual(['body.inputClosesAt']);
    expect(await errorsOf({ inputClosesAt: inDays(-0.01).toISOString() })).toEqual(['body.inputClosesAt']);
    expect(await errorsOf({ decideBy: dateIn(1) })).toEqual(['body.decideBy']);
    expect(await errorsOf({ stakeholderIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual(['body.stakeholderIds.0']);
    expect(await errorsOf({ stakeholderIds: [pmm.userId] })).toEqual(['body.stakeholderIds']);
    expect(await errorsOf({ links: { goalIds: [bravoGoalId] } })).toEqual(['body.links.goalIds.0']);
    const { decision } = await ok(pmm.client, 'POST', 'decisions', draft({ title: 'Bad input target' }));
    const choice = await send(pmm.client, 'POST', `decisions/${decision.id}/decide`, { chosenOption: 'Neither', rationale: 'x' });
    expect(choice.json.errors[0].path).toBe('body.chosenOption');
    const comment = await send(lead.client, 'POST', `decisions/${decision.id}/inputs`, { stance: 'object', comment: ' ' });
    expect(comment.json.errors).toEqual([{ path: 'body.comment', message: 'say why you object' }]);
    expect((await send(lead.client, 'POST', `decisions/${decision.id}/inputs`, { stance: 'maybe' })).json.errors[0].path).toBe('body.stance');
  });

  it('names a repeated option, and a window already closed in the owner’s zone rather than in UTC', async () => {
    const repeated = await send(pmm.client, 'POST', 'decisions', draft({ options: ['Free plan', 'Keep Starter', 'free  plan'] }));
    expect(repeated.code).toBe(400);
    expect(repeated.json.errors).toEqual([{ path: 'body.options.2', message: 'option 3 repeats option 1 ("free  plan"): each option must differ' }]);
    const now = new Date('2026-03-01T12:00:00Z');
    const service = createDecisionsService(h.services.deps, { now: () => now });
    const zone = (await pool().query('select time_zone from users where id = $1', [pmm.userId])).rows[0].time_zone;
    await pool().query("update users set time_zone = 'America/Los_Angeles' where id = $1", [pmm.userId]);
    const body = CreateDecisionRequest.parse(draft({ inputClosesAt: '2026-03-01T09:00:00Z', decideBy: '2026-03-05' }));
    const refused = await service.create(ctxOf(pmm.userId, 'marketing', 'Pia Marketing'), body).then(() => null, (e: AppErrorLike) => e);
    await pool().query('update users set time_zone = $2 where id = $1', [pmm.userId, zone]);
    expect(refused?.extra.errors).toEqual([{ path: 'body.inputClosesAt', message: 'Mar 1, 2026, 1:00 AM (America/Los_Angeles) has already passed: input must close after now' }]);
  });

  it('sales give input but do not open decisions; another workspace gets 404; admins may decide any', async () => {
    expect((await send(lead.client, 'POST', 'decisions', draft())).code).toBe(403);
    expect((await send(rep.client, 'POST', 'decisions', draft())).code).toBe(403);
    const { decision } = await ok(pmm.client, 'POST', 'decisions', draft({ title: 'Workspace walls', stakeholderRoles: ['sales_lead'], stakeholderIds: [] }));
    expect(decision.stakeholders.map((s: { name: string; via: string; viaLabel: string }) => [s.name, s.via, s.viaLabel])).toEqual([['Lee Lead', 'role', 'Sales lead']]);
    expect((await send(bravo, 'GET', `decisions/${decision.id}`, undefined, 'bravo')).code).toBe(404);
    expect((await send(bravo, 'GET', `decisions/${decision.id}`, undefined, 'acme')).code).toBe(404);
    expect((await send(bravo, 'POST', `decisions/${decision.id}/inputs`, { stance: 'support' }, 'bravo')).code).toBe(404);
    expect((await ok(bravo, 'GET', 'decisions', undefined, 'bravo')).total).toBe(0);
    const decided = await ok(admin, 'POST', `decisions/${decision.id}/decide`, { chosenOption: 'Free plan', rationale: 'Admin call' });
    expect(decided.decision.outcome.decidedBy).toEqual({ userId: adminId, name: 'Ada Admin' });
  });
});

describe('stakeholders by team', () => {
  it('a whole team is asked with its lead; the options name each team’s lead to suggest; a person is asked once', async () => {
    const team = await ok(admin, 'POST', 'teams', { name: 'Mid-market East', leadUserId: lead.userId, memberUserIds: [rep.userId, outsider.userId] });
    const options = await ok(pmm.client, 'GET', 'decisions/stakeholder-options');
    expect(options.teams.find((t: { teamId: string }) => t.teamId === team.id)).toEqual({ teamId: team.id, name: 'Mid-market East', lead: { userId: lead.userId, name: 'Lee Lead' }, memberCount: 3 });
    const { decision, notified } = await ok(pmm.client, 'POST', 'decisions', draft({ title: 'Asked by team', stakeholderIds: [rep.userId], stakeholderTeamIds: [team.id] }));
    expect(decision.stakeholders.map((s: { name: string; via: string; viaLabel: string | null }) => `${s.name} (${s.via}: ${s.viaLabel})`).sort()).toEqual([
      'Lee Lead (team: Lead of Mid-market East)',
      'Rae Rep (person: null)',
      'Sam Sales (team: Mid-market East)',
    ]);
    expect(notified.map((p: { name: string }) => p.name).sort()).toEqual(['Lee Lead', 'Rae Rep', 'Sam Sales']);
    const unknown = await send(pmm.client, 'POST', 'decisions', draft({ stakeholderTeamIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknown.json.errors).toEqual([{ path: 'body.stakeholderTeamIds.0', message: 'no team 00000000-0000-4000-8000-000000000000 in this workspace' }]);
  });
});

describe('the input window is an instant', () => {
  it('input one second before the close is taken; at the close and one second after it is 409 naming the closing time, in any zone', async () => {
    let now = new Date('2026-03-20T12:00:00Z');
    const service = createDecisionsService(h.services.deps, { now: () => now });
    const ctx = ctxOf(pmm.userId, 'marketing', 'Pia Marketing');
    // One instant written in four zones, on the night Europe moves its clocks forward (03:30 in Berlin is then 01:30 UTC).
    const zones = ['2026-03-29T03:30:00+02:00', '2026-03-28T21:30:00-04:00', '2026-03-29T01:30:00Z', '2026-03-29T07:00:00+05:30'];
    for (const inputClosesAt of zones) {
      const { decision } = await service.create(ctx, CreateDecisionRequest.parse(draft({ title: `Edge ${inputClosesAt}`, inputClosesAt, decideBy: '2026-03-31' })));
      expect(decision.inputClosesAt).toBe('2026-03-29T01:30:00.000Z');
      const leadCtx = ctxOf(lead.userId, 'sales_lead', 'Lee Lead');
      now = new Date('2026-03-29T01:29:59.000Z');
      await service.giveInput(leadCtx, decision.id, { stance: 'concern', comment: 'One second to spare' });
      now = new Date('2026-03-29T01:29:59.999Z');
      const changed = await service.giveInput(leadCtx, decision.id, { stance: 'object', comment: 'Changed my mind' });
      expect(changed.decision.stakeholders.find((s) => s.userId === lead.userId)!.input!.stance).toBe('object');
      for (const at of ['2026-03-29T01:30:00.000Z', '2026-03-29T01:30:01.000Z']) {
        now = new Date(at);
        const refused = await service.giveInput(leadCtx, decision.id, { stance: 'support', comment: '' }).catch((e: unknown) => e);
        expect(refused).toMatchObject({ status: 409, code: 'DECISIONS_INPUT_CLOSED' });
        expect((refused as Error).message).toContain('closed at 2026-03-29T01:30:00.000Z');
      }
      expect((await service.get(ctx, decision.id)).phase).toBe('awaiting_decision');
      now = new Date('2026-03-20T12:00:00Z');
    }
  });

  it('the API answers 409 with the closing time once the window has passed', async () => {
    const { decision } = await ok(pmm.client, 'POST', 'decisions', draft({ title: 'Closed window' }));
    await pool().query("update decisions set input_closes_at = now() - interval '1 second' where id = $1", [decision.id]);
    const res = await send(lead.client, 'POST', `decisions/${decision.id}/inputs`, { stance: 'support' });
    expect(res.code).toBe(409);
    expect(res.json.code).toBe('DECISIONS_INPUT_CLOSED');
    const closedAt = (await pool().query('select input_closes_at from decisions where id = $1', [decision.id])).rows[0].input_closes_at as Date;
    expect(res.json.detail).toContain(closedAt.toISOString());
  });

  it('the decide-by date is read in the owner’s time zone', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const service = createDecisionsService(h.services.deps, { now: () => now });
    const ctx = ctxOf(pmm.userId, 'marketing', 'Pia Marketing');
    // 23:30 in Los Angeles on 10 March is 06:30 UTC on 11 March.
    const body = (decideBy: string) => CreateDecisionRequest.parse(draft({ inputClosesAt: '2026-03-10T23:30:00-07:00', decideBy }));
    await pool().query("update users set time_zone = 'America/Los_Angeles' where id = $1", [pmm.userId]);
    expect((await service.create(ctx, body('2026-03-10'))).decision.decideBy).toBe('2026-03-10');
    await pool().query("update users set time_zone = 'UTC' where id = $1", [pmm.userId]);
    const refused = await service.create(ctx, body('2026-03-10')).then(() => null, (e: AppErrorLike) => e);
    expect(refused?.extra.errors).toEqual([{ path: 'body.decideBy', message: '2026-03-10 is before input closes (2026-03-11 in UTC)' }]);
  });
});

type AppErrorLike = { status: number; extra: { errors: { path: string; message: string }[] } };

describe('the day-before reminder', () => {
  it('reminds those who have not answered once, a day before the close; a reopened decision reminds again', async () => {
    let now = new Date('2026-06-01T09:00:00Z');
    const service = createDecisionsService(h.services.deps, { now: () => now });
    const ctx = ctxOf(pmm.userId, 'marketing', 'Pia Marketing');
    const { decision } = await service.create(ctx, CreateDecisionRequest.parse(draft({ title: 'Remind me', inputClosesAt: '2026-06-03T09:00:00Z', decideBy: '2026-06-04' })));
    await service.giveInput(ctxOf(rep.userId, 'sales', 'Rae Rep'), decision.id, { stance: 'support', comment: '' });

    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-02T08:59:00Z'))).toBe(0);
    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-02T09:00:00Z'))).toBe(1);
    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-02T09:15:00Z'))).toBe(0);
    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-03T08:59:00Z'))).toBe(0);
    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-03T09:00:00Z'))).toBe(0);
    await dispatchAll();
    expect((await inbox(lead.userId, 'decision.input_reminder')).map((i) => i.title)).toEqual(['Input closes tomorrow: Remind me']);
    expect(await inbox(rep.userId, 'decision.input_reminder')).toEqual([]);

    now = new Date('2026-06-03T10:00:00Z');
    await service.decide(ctx, decision.id, { chosenOption: 'Free plan', rationale: 'Done' });
    await service.reopen(ctx, decision.id, { reason: 'New data', inputClosesAt: '2026-06-05T10:00:00Z', decideBy: '2026-06-06' });
    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-04T12:00:00Z'))).toBe(2);
    expect(await remindWorkspace(h.services.deps, workspaceId, new Date('2026-06-04T12:05:00Z'))).toBe(0);
  });
});

describe('the involvement rate', () => {
  it('counts decisions decided in the period, and those with sales input before the outcome', async () => {
    const from = new Date('2027-01-01T00:00:00Z');
    const to = new Date('2027-04-01T00:00:00Z');
    let now = new Date('2027-01-05T12:00:00Z');
    const service = createDecisionsService(h.services.deps, { now: () => now });
    const ctx = ctxOf(pmm.userId, 'marketing', 'Pia Marketing');
    const open = async (title: string) =>
      (await service.create(ctx, CreateDecisionRequest.parse(draft({ title, inputClosesAt: '2027-01-10T00:00:00Z', decideBy: '2027-01-12', stakeholderIds: [lead.userId, pmm2.userId] }))))
        .decision.id;
    const withSales = await open('With sales input');
    const marketingOnly = await open('Marketing input only');
    const none = await open('No input');
    const later = await open('Decided after the period');
    await service.giveInput(ctxOf(lead.userId, 'sales_lead', 'Lee Lead'), withSales, { stance: 'support', comment: '' });
    await service.giveInput(ctxOf(pmm2.userId, 'marketing', 'Paul Marketing'), marketingOnly, { stance: 'support', comment: '' });
    now = new Date('2027-01-11T12:00:00Z');
    for (const id of [withSales, marketingOnly, none]) await service.decide(ctx, id, { chosenOption: 'Free plan', rationale: 'r' });
    now = new Date('2027-04-02T12:00:00Z');
    await service.decide(ctx, later, { chosenOption: 'Free plan', rationale: 'r' });
    const rate = await h.services.deps.database.withTenant(workspaceId, (tx) => involvementRate(tx, { workspaceId }, { from, to }));
    expect(rate).toEqual({ numerator: 1, denominator: 3 });
    expect(await service.involvementRate(ctx, { from: to, to: new Date('2027-07-01T00:00:00Z') })).toEqual({ numerator: 0, denominator: 1 });
  });
});
