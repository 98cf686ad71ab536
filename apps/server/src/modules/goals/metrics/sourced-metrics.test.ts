import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES, type MeetingMetrics, type MetricResult } from '@tandem/contracts';
import { call } from '../../../../test/app-harness.ts';
import { cliActor } from '../../../lib/context.ts';
import { wilsonInterval } from '../../library/index.ts';
import { makeMetricsWorld, type MetricsWorld } from './test-fixtures.ts';

// The meetings' metrics, which goals lists through its metric-source port (metric-source.ts; the meetings module gives
// them in services.ts), against a hand-computed fixture in Acme (fiscal year from February: FY2027 Q1 = 2026-02-01 …
// 2026-04-30). Team East is Lee and Rae; Pia and Roy are in no team.

let w: MetricsWorld;
const Q1 = { from: '2026-02-01', to: '2026-04-30' };
const EMPTY = { from: '2025-05-01', to: '2025-07-31' };

async function metric(name: string, query: Record<string, string>, who = w.clients.admin, slug = 'acme') {
  const res = await call(w.h.app, who, 'GET', `/api/v1/workspaces/${slug}/metrics/${name}`, { query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MetricResult;
}

async function series(ws: string, title: string, cadence: string, startsOn: string, owner: string): Promise<string> {
  const r = await w.pool.query(
    `insert into meeting_series (workspace_id, title, cadence, starts_on, start_time, time_zone, duration_minutes, owner_user_id)
     values ($1, $2, $3, $4, '10:00', 'UTC', 30, $5) returning id`,
    [ws, title, cadence, startsOn, owner],
  );
  return r.rows[0].id as string;
}

async function occurrence(ws: string, seriesId: string, seq: number, startsAt: string, held: boolean, present: Record<string, boolean> = {}): Promise<string> {
  const r = await w.pool.query(
    `insert into meeting_occurrences (workspace_id, series_id, seq, starts_at, held_at) values ($1, $2, $3, $4, $5) returning id`,
    [ws, seriesId, seq, startsAt, held ? startsAt : null],
  );
  const id = r.rows[0].id as string;
  for (const [userId, p] of Object.entries(present)) {
    await w.pool.query(`insert into meeting_attendance (workspace_id, occurrence_id, user_id, present) values ($1, $2, $3, $4)`, [ws, id, userId, p]);
  }
  return id;
}

async function actionItem(ws: string, seriesId: string, occurrenceId: string, owner: string, dueOn: string, doneAt: string | null) {
  await w.pool.query(
    `insert into meeting_action_items (workspace_id, series_id, occurrence_id, seq, title, owner_user_id, due_on, done_at)
     values ($1, $2, $3, 1, 'Do it', $4, $5, $6)`,
    [ws, seriesId, occurrenceId, owner, dueOn, doneAt],
  );
}

beforeAll(async () => {
  w = await makeMetricsWorld();
  const { pia, lee, rae, roy } = w.ids;
  // S: weekly from Monday 2026-04-06 (Apr 6, 13, 20, 27 in Q1; May 4 after it). T: monthly from 2026-03-15 (Mar 15,
  // Apr 15 in Q1). Scheduled in Q1: 6. Held: S1, S3, T1 → 3 of 6. S2 was stored (its agenda read) but not held.
  const s = await series(w.ws, 'Weekly sync', 'weekly', '2026-04-06', pia);
  const t = await series(w.ws, 'Monthly review', 'monthly', '2026-03-15', pia);
  // Attendance: S1 Pia ✓ Lee ✓ Rae ✗ Roy ✓; S3 Pia ✓ Lee ✗ Rae ✓ Roy ✗; T1 Pia ✓ Rae ✓ → 7 present of 10.
  // East (Lee, Rae): Lee 1/2, Rae 2/3 → 3 of 5. No team (Pia, Roy): Pia 3/3, Roy 1/2 → 4 of 5.
  const s1 = await occurrence(w.ws, s, 1, '2026-04-06T10:00:00Z', true, { [pia]: true, [lee]: true, [rae]: false, [roy]: true });
  await occurrence(w.ws, s, 2, '2026-04-13T10:00:00Z', false);
  await occurrence(w.ws, s, 3, '2026-04-20T10:00:00Z', true, { [pia]: true, [lee]: false, [rae]: true, [roy]: false });
  await occurrence(w.ws, t, 1, '2026-03-15T10:00:00Z', true, { [pia]: true, [rae]: true });
  // Action items due in Q1: A1 Rae due Apr 10 done 23:00 that day (on time); A2 Lee due Apr 10 done at midnight after
  // (late); A3 Roy due Apr 25, open; A4 Pia due Apr 30 (the period's last day) done Apr 29; A6 Pia due Feb 15 done
  // Feb 14 → 3 on time of 5. East: A1 ✓ A2 ✗ → 1 of 2; no team: A3 ✗ A4 ✓ A6 ✓ → 2 of 3. A5 (Rae, due May 1) is after Q1.
  await actionItem(w.ws, s, s1, rae, '2026-04-10', '2026-04-10T23:00:00Z');
  await actionItem(w.ws, s, s1, lee, '2026-04-10', '2026-04-11T00:00:00Z');
  await actionItem(w.ws, s, s1, roy, '2026-04-25', null);
  await actionItem(w.ws, s, s1, pia, '2026-04-30', '2026-04-29T12:00:00Z');
  await actionItem(w.ws, s, s1, rae, '2026-05-01', '2026-04-30T12:00:00Z');
  await actionItem(w.ws, s, s1, pia, '2026-02-15', '2026-02-14T12:00:00Z');
  // Workspace B: one series, its one Q1 meeting held, one action item done late — never counted in Acme.
  const bAdmin = (await w.pool.query(`select user_id from memberships where workspace_id = $1`, [w.wsB])).rows[0].user_id as string;
  const b = await series(w.wsB, 'Bravo sync', 'monthly', '2026-04-01', bAdmin);
  const b1 = await occurrence(w.wsB, b, 1, '2026-04-01T10:00:00Z', true, { [bAdmin]: true });
  await actionItem(w.wsB, b, b1, bAdmin, '2026-04-02', '2026-04-09T10:00:00Z');
}, 120_000);
afterAll(async () => w?.h.close());

const counts = (m: MetricResult) => m.items.map((i) => [i.label, i.numerator, i.denominator]);

describe('the meetings metrics in the goals catalogue (through the metric-source port)', () => {
  it('are listed with the others: every contract name once, with a definition, kind proportion and the filters they take', async () => {
    const res = await call(w.h.app, w.clients.sales, 'GET', '/api/v1/workspaces/acme/metrics');
    const items = (res.json() as { items: { name: string; kind: string; unit: string; definition: string; filters: string[]; groupBy: string[]; records: string }[] }).items;
    expect(items.map((m) => m.name).sort()).toEqual([...METRIC_NAMES].sort());
    expect(items.find((m) => m.name === 'meeting-attendance')).toMatchObject({ kind: 'proportion', unit: 'fraction', filters: ['period', 'team'], groupBy: ['period', 'team'], records: 'meeting' });
    expect(items.find((m) => m.name === 'meetings-held')).toMatchObject({ filters: ['period'], groupBy: ['period'] });
    expect(items.find((m) => m.name === 'meeting-action-items-on-time')).toMatchObject({ filters: ['period', 'team'] });
  });

  it('action items done on time: 3 of 5 with a Wilson interval; by team East 1 of 2 and no team 2 of 3; filtered by team', async () => {
    const m = await metric('meeting-action-items-on-time', Q1);
    const { low, high } = wilsonInterval(3, 5);
    expect(m.total).toMatchObject({ value: 0.6, numerator: 3, denominator: 5, count: 5, noData: false });
    expect(m.total.low).toBeCloseTo(low, 10);
    expect(m.total.high).toBeCloseTo(high, 10);
    expect(counts(await metric('meeting-action-items-on-time', { ...Q1, groupBy: 'team' }))).toEqual([
      ['No team', 2, 3],
      ['East', 1, 2],
    ]);
    expect((await metric('meeting-action-items-on-time', { ...Q1, team: w.ids.teamId })).total).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('meetings held: 3 of the 6 scheduled, per quarter with the empty one said as no data', async () => {
    expect((await metric('meetings-held', Q1)).total).toMatchObject({ value: 0.5, numerator: 3, denominator: 6 });
    const q = await metric('meetings-held', { from: '2025-11-01', to: '2026-04-30', groupBy: 'period' });
    expect(q.items.map((i) => [i.label, i.numerator, i.denominator, i.noData])).toEqual([
      ['FY2026 Q4', 0, 0, true],
      ['FY2027 Q1', 3, 6, false],
    ]);
    // Through 2026-04-13: S1 (held), S2 (not), T1 (held) → 2 of 3.
    expect((await metric('meetings-held', { from: '2026-02-01', to: '2026-04-13' })).total).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('a meeting held before its start counts as held and as scheduled, once', async () => {
    // Read on 2026-04-14: S1 and S2 have started (S1 held); S3 (Apr 20) was held early; T2 (Apr 15) and S4 are to come.
    const ctx = { workspaceId: w.ws, slug: 'acme', role: 'admin' as const, actor: cliActor() };
    const april = await w.h.services.metrics.evaluateMetric(ctx, { metric: 'meetings-held', from: '2026-04-01', to: '2026-04-30' }, new Date('2026-04-14T00:00:00Z'));
    expect(april.total).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('attendance: 7 of 10 present; by team East 3 of 5 and no team 4 of 5; filtered by team', async () => {
    const m = await metric('meeting-attendance', Q1);
    expect(m.total).toMatchObject({ value: 0.7, numerator: 7, denominator: 10 });
    expect(m.total.low).toBeCloseTo(wilsonInterval(7, 10).low, 10);
    const byTeam = await metric('meeting-attendance', { ...Q1, groupBy: 'team' });
    expect(byTeam.items.map((i) => [i.key === w.ids.teamId ? 'East' : i.key, i.label, i.numerator, i.denominator])).toEqual([
      ['East', 'East', 3, 5],
      ['(none)', 'No team', 4, 5],
    ]);
    expect((await metric('meeting-attendance', { ...Q1, team: w.ids.teamId })).total).toMatchObject({ numerator: 3, denominator: 5 });
  });

  it('an empty period is no data for each, never 0 %', async () => {
    for (const name of ['meeting-action-items-on-time', 'meetings-held', 'meeting-attendance']) {
      const m = await metric(name, EMPTY);
      expect(m.total, name).toMatchObject({ value: null, noData: true, denominator: 0, low: null, high: null });
      expect(m.notes[0], name).toMatch(/No data/);
    }
  });

  it("agrees with the meetings module's own record of the period", async () => {
    const res = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/meetings/metrics', { query: Q1 });
    const own = res.json() as MeetingMetrics;
    expect(own.actionItemsOnTime).toEqual({ numerator: 3, denominator: 5 });
    expect(own.meetingsHeld).toEqual({ numerator: 3, denominator: 6 });
    const present = own.attendanceByTeam.reduce((a, t) => a + t.numerator, 0);
    const kept = own.attendanceByTeam.reduce((a, t) => a + t.denominator, 0);
    expect([present, kept]).toEqual([7, 10]);
  });

  it('refuses a filter or grouping a metric does not take, naming the field; the records are on the Meetings page', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['meetings-held', { team: w.ids.teamId }, 'query.team'],
      ['meetings-held', { groupBy: 'team' }, 'query.groupBy'],
      ['meeting-attendance', { segment: 'Enterprise' }, 'query.segment'],
      ['meeting-action-items-on-time', { groupBy: 'owner' }, 'query.groupBy'],
    ];
    for (const [name, query, path] of cases) {
      const res = await call(w.h.app, w.clients.admin, 'GET', `/api/v1/workspaces/acme/metrics/${name}`, { query: { ...Q1, ...query } });
      expect(res.statusCode, `${name} ${JSON.stringify(query)}`).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    const records = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/metrics/meeting-attendance/records', { query: Q1 });
    expect(records.statusCode).toBe(400);
    expect(records.body).toMatch(/Meetings page/);
  });

  it('every role reads them; another workspace gets 404 and counts only its own meetings', async () => {
    for (const who of ['admin', 'marketing', 'sales_lead', 'sales'] as const) {
      expect((await metric('meeting-attendance', Q1, w.clients[who])).total.numerator, who).toBe(7);
    }
    for (const path of ['metrics/meetings-held', 'metrics/meeting-attendance/records']) {
      const res = await call(w.h.app, w.clients.other, 'GET', `/api/v1/workspaces/acme/${path}`, { query: Q1 });
      expect(res.statusCode, path).toBe(404);
    }
    expect((await metric('meetings-held', Q1, w.clients.other, 'bravo')).total).toMatchObject({ numerator: 1, denominator: 1 });
    expect((await metric('meeting-action-items-on-time', Q1, w.clients.other, 'bravo')).total).toMatchObject({ numerator: 0, denominator: 1 });
    expect((await metric('meeting-attendance', Q1, w.clients.other, 'bravo')).total).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('a key result binds to one with its team filter and reads its value over the goal period', async () => {
    const res = await call(w.h.app, w.clients.admin, 'POST', '/api/v1/workspaces/acme/goals', {
      body: {
        title: 'Sales shows up to the sync',
        period: { kind: 'custom', start: Q1.from, end: Q1.to },
        ownerIds: [w.ids.pia, w.ids.lee],
        keyResults: [{ title: 'East attends', kind: 'metric', metric: 'meeting-attendance', filters: { team: w.ids.teamId }, baseline: 0.5, target: 0.9 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const kr = (res.json() as { goal: { keyResults: { unit: string; current: { value: number; noData: boolean } }[] } }).goal.keyResults[0]!;
    expect(kr.unit).toBe('fraction');
    expect(kr.current).toMatchObject({ value: 0.6, noData: false });
    const bad = await call(w.h.app, w.clients.admin, 'POST', '/api/v1/workspaces/acme/goals', {
      body: {
        title: 'Held by segment',
        period: { kind: 'custom', start: Q1.from, end: Q1.to },
        ownerIds: [w.ids.pia, w.ids.lee],
        keyResults: [{ title: 'Held', kind: 'metric', metric: 'meetings-held', filters: { segment: 'Enterprise' }, baseline: 0.5, target: 0.9 }],
      },
    });
    expect(bad.statusCode, bad.body).toBe(400);
  });
});
