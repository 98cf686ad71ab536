import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PULSE_QUESTIONS, FRICTION_KEYS } from '@tandem/contracts';
import { addMember, call, createHarness, login, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { cliActor } from '../../lib/context.ts';
import { createDispatcher } from '../notifications/index.ts';

let h: Harness;
let admin: Client;
let bravo: Client;
const marketing: Client[] = [];
const leads: Client[] = [];
const reps: Client[] = [];
const api = (p: string, slug = 'acme') => `/api/v1/workspaces/${slug}/${p}`;
const pool = () => h.services.deps.database.pool;
type Method = 'GET' | 'POST' | 'PATCH';
async function send(who: Client, method: Method, path: string, body?: unknown, slug = 'acme') {
  const res = await call(h.app, who, method, api(path, slug), body === undefined ? {} : { body });
  return { code: res.statusCode, json: res.body ? res.json() : null };
}
async function ok(who: Client, method: Method, path: string, body?: unknown) {
  const res = await send(who, method, path, body);
  expect(res.code, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json;
}
const all = (v: number, over: Record<string, number> = {}) => ({ answers: { ...Object.fromEntries(DEFAULT_PULSE_QUESTIONS.map((q) => [q.id, v])), ...over } });
async function runPulse() {
  return (await ok(admin, 'POST', 'pulses', {})) as { id: string; number: number; invited: number };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  for (let i = 0; i < 6; i++) marketing.push((await addMember(h.app, admin, 'acme', `pmm${i}@acme.test`, 'marketing')).client);
  leads.push((await addMember(h.app, admin, 'acme', 'lead0@acme.test', 'sales_lead')).client);
  for (let i = 0; i < 5; i++) reps.push((await addMember(h.app, admin, 'acme', `rep${i}@acme.test`, 'sales')).client);
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
}, 120_000);
afterAll(() => h?.close());

describe('a pulse, answered anonymously', () => {
  let pulseId: string;

  it('the admin runs a pulse and both teams (not admins) are invited through notifications', async () => {
    const p = await runPulse();
    pulseId = p.id;
    expect(p.invited).toBe(12);
    expect((await send(admin, 'POST', 'pulses', {})).code).toBe(409); // one at a time
    const dispatcher = createDispatcher(h.services.deps, { send: async () => null });
    while ((await dispatcher.dispatchBatch()) > 0);
    const inbox = await pool().query("select count(*)::int as n from inbox_items where type = 'pulse.opened'");
    expect(inbox.rows[0].n).toBe(12);
  });

  it('an answer is stored without identity; a second answer, an incomplete one and the admin are refused', async () => {
    const incomplete = await send(marketing[0]!, 'POST', `pulses/${pulseId}/answers`, { answers: { 'goals-shared': 4 } });
    expect(incomplete.code).toBe(400);
    expect(incomplete.json.detail).toContain('body.answers.goals-credit');
    expect((await send(admin, 'POST', `pulses/${pulseId}/answers`, all(3))).code).toBe(403);
    for (const [i, c] of marketing.entries()) await ok(c, 'POST', `pulses/${pulseId}/answers`, { ...all(4), comment: i < 3 ? 'More pricing battlecards' : 'Faster pricing answers' });
    for (const c of [...leads, ...reps]) await ok(c, 'POST', `pulses/${pulseId}/answers`, all(2));
    const again = await send(marketing[0]!, 'POST', `pulses/${pulseId}/answers`, all(1));
    expect(again.code).toBe(409);
    expect(again.json.code).toBe('ALIGNMENT_ALREADY_ANSWERED');
    // Nothing in the answers' table names or times a person; the participation record is a one-way token.
    const cols = await pool().query("select column_name from information_schema.columns where table_name in ('pulse_responses', 'pulse_participants') order by 1");
    expect(cols.rows.map((r) => r.column_name).sort()).toEqual(['answers', 'comment', 'id', 'pulse_id', 'pulse_id', 'role', 'side', 'token', 'workspace_id', 'workspace_id']);
    const ids = (await pool().query('select id from users')).rows.map((r) => r.id as string);
    const tokens = (await pool().query('select token from pulse_participants')).rows.map((r) => r.token as string);
    expect(tokens.some((t) => ids.some((id) => t.includes(id) || t.includes(id.replace(/-/g, ''))))).toBe(false);
  });

  it('no figure while the pulse is open (a later read could difference out the last answer)', async () => {
    const r = await ok(admin, 'GET', `pulses/${pulseId}/results`);
    expect(r.available).toBe(false);
    expect(r.marketing.shown).toBe(false);
    expect(r.pulse.answered).toBe(12);
  });

  it('closed: each team’s mean and distribution, the gap, and free text only in aggregate', async () => {
    await ok(admin, 'POST', `pulses/${pulseId}/close`);
    expect((await send(reps[0]!, 'POST', `pulses/${pulseId}/answers`, all(5))).code).toBe(409);
    const r = await ok(reps[0]!, 'GET', `pulses/${pulseId}/results`);
    expect(r.available).toBe(true);
    expect(r.marketing.respondents).toBe(6);
    expect(r.sales.respondents).toBe(6);
    const goals = r.frictions.find((f: { key: string }) => f.key === 'goals');
    expect(goals).toMatchObject({ marketing: 4, sales: 2, gap: 2 });
    expect(r.marketing.frictions[0].distribution).toEqual([0, 0, 0, 12, 0]);
    expect(r.marketing.comments.map((c: { term: string; respondents: number }) => `${c.term}:${c.respondents}`)).toEqual(['pricing:6', 'answers:3', 'battlecards:3', 'faster:3']);
  });

  it('a filter whose difference from its team is one person shows nothing (5 reps of a 6-person sales team)', async () => {
    const repsOnly = await ok(admin, 'GET', `pulses/${pulseId}/results?role=sales`);
    expect(repsOnly.sales.shown).toBe(false);
    expect(repsOnly.sales.reason).toContain('single someone out');
    expect(repsOnly.sales.frictions.every((f: { mean: number | null }) => f.mean === null)).toBe(true);
    const leadOnly = await ok(admin, 'GET', `pulses/${pulseId}/results?role=sales_lead`);
    expect(leadOnly.sales.shown).toBe(false);
    expect(leadOnly.sales.respondents).toBeNull();
  });

  it('repeated pulses: a later pulse with 4 marketing answers shows no marketing figure, in its results or in the trend', async () => {
    const p2 = await runPulse();
    for (const c of marketing.slice(0, 4)) await ok(c, 'POST', `pulses/${p2.id}/answers`, all(1));
    for (const c of [...leads, ...reps]) await ok(c, 'POST', `pulses/${p2.id}/answers`, all(3));
    await ok(admin, 'POST', `pulses/${p2.id}/close`);
    const r = await ok(admin, 'GET', `pulses/${p2.id}/results`);
    expect(r.marketing.shown).toBe(false);
    expect(r.frictions.every((f: { gap: number | null }) => f.gap === null)).toBe(true);
    expect(r.trend.map((t: { frictions: { marketing: number | null }[] }) => t.frictions[0]!.marketing)).toEqual([4, null]);
    // Raising the minimum hides what was shown; it can never go below 3.
    expect((await send(admin, 'PATCH', 'alignment/settings', { minGroupSize: 2 })).json.detail).toContain('body.minGroupSize');
  });

  it('another workspace cannot see or answer a pulse (404)', async () => {
    expect((await send(bravo, 'GET', `pulses/${pulseId}/results`, undefined, 'bravo')).code).toBe(404);
    expect((await send(bravo, 'GET', `pulses/${pulseId}`, undefined, 'bravo')).code).toBe(404);
  });
});

describe('the Alignment Index', () => {
  it('answers the issue’s shape: overall and eight frictions with score, confidence, signals and survey', async () => {
    const idx = await ok(admin, 'GET', 'alignment');
    expect(Object.keys(idx).sort()).toEqual(['frictions', 'overall']);
    expect(idx.frictions.map((f: { key: string }) => f.key)).toEqual([...FRICTION_KEYS]);
    for (const f of idx.frictions) {
      expect(Object.keys(f).sort()).toEqual(['confidence', 'key', 'score', 'signals', 'survey']);
      for (const s of f.signals) expect(Object.keys(s).sort()).toEqual(['link', 'name', 'value', 'weight']);
    }
    // The latest closed pulse had 4 marketing answers: no survey agreement, and this workspace has no won deal and no
    // credit dispute, so the territory friction has nothing to stand on — no score, confidence 0.
    const territory = idx.frictions.find((f: { key: string }) => f.key === 'territory');
    expect(territory.score).toBeNull();
    expect(territory.confidence).toBe(0);
    expect(territory.survey).toEqual({ marketing: null, sales: 3, gap: null });
  });

  it('a pulse both teams answered in numbers gives a survey score; missing signals lower the confidence only', async () => {
    const p3 = await runPulse();
    for (const c of marketing) await ok(c, 'POST', `pulses/${p3.id}/answers`, all(5));
    for (const c of [...leads, ...reps]) await ok(c, 'POST', `pulses/${p3.id}/answers`, all(3));
    await ok(admin, 'POST', `pulses/${p3.id}/close`);
    const idx = await ok(reps[0]!, 'GET', 'alignment');
    const territory = idx.frictions.find((f: { key: string }) => f.key === 'territory');
    expect(territory).toMatchObject({ score: 75, confidence: 0.4, survey: { marketing: 5, sales: 3, gap: 2 } });
    expect(territory.signals.filter((s: { value: number | null }) => s.value === null).map((s: { name: string }) => s.name)).toEqual(['Credit disputes resolved', 'Credit agreed']);
    const report = await ok(admin, 'GET', 'alignment/report');
    expect(report.playbook?.steps.length).toBeGreaterThan(0);
    expect(report.trend.length).toBeGreaterThan(0);
  });

  it('the hourly snapshot job computes a workspace at most once a day, and finishes last week’s row when a week starts', async () => {
    const idx = h.services.alignmentIndex;
    const now = new Date();
    const monday = new Date(`${idx.weekOf(now)}T00:00:00Z`);
    const lastWeek = idx.weekOf(new Date(monday.getTime() - 86_400_000));
    await pool().query('delete from alignment_snapshots');
    expect(await idx.snapshotAll(now)).toBe(2); // acme and bravo
    expect(await idx.snapshotAll(now)).toBe(0); // nothing recomputed a second time the same day
    // Acme's row of this week was written yesterday, last week's before last week ended: both are rewritten.
    const acmeId = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
    await pool().query("update alignment_snapshots set created_at = now() - interval '1 day' where workspace_id = $1", [acmeId]);
    await pool().query(`insert into alignment_snapshots (workspace_id, week, overall, frictions, created_at) values ($1, $2, null, '[]', $3)`, [acmeId, lastWeek, new Date(monday.getTime() - 2 * 86_400_000)]);
    expect(await idx.snapshotAll(now)).toBe(1);
    const rows = await pool().query('select week::text as week, created_at, jsonb_array_length(frictions) as n from alignment_snapshots where workspace_id = $1 order by week', [acmeId]);
    expect(rows.rows.map((r) => r.week)).toEqual([lastWeek, idx.weekOf(now)]);
    for (const r of rows.rows) {
      expect(r.n).toBe(8);
      expect(new Date(r.created_at).getTime()).toBeGreaterThan(now.getTime() - 60_000);
    }
  });

  it('another workspace’s index is its own (404 for A’s slug)', async () => {
    expect((await send(bravo, 'GET', 'alignment')).code).toBe(404);
    expect((await send(bravo, 'GET', 'alignment', undefined, 'bravo')).code).toBe(200);
  });
});
