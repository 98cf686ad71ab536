import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/app-harness.ts';
import { wilsonInterval } from '../../library/index.ts';
import { insertAsset, insertRequest, insertUsage, makeWorld, tenant, type World } from '../settings/test-fixtures.ts';
import { createMetricsService, median, periodOf } from './metrics.service.ts';
import { DEFAULT_CALENDAR } from '../engine/index.ts';

let w: World;
let metrics: ReturnType<typeof createMetricsService>;
const NOW = new Date('2026-04-01T12:00:00Z');

// The default calendar: UTC, Monday to Friday, 09:00–17:00 (8 business hours a day).
beforeAll(async () => {
  w = await makeWorld();
  metrics = createMetricsService(w.h.services.deps);
  const { pool, ws, ids } = w;
  const x1 = await insertAsset(pool, ws, 'Acme pricing one-pager');
  const x2 = await insertAsset(pool, ws, 'Kestrel battlecard');
  // A: customize, filed Mon 2 Mar 09:00, answered 11:00 (2 h), delivered Tue 3 Mar 09:00 (8 h ≤ 24 h: within).
  await insertRequest(pool, ws, {
    type: 'customize',
    status: 'accepted',
    createdAt: '2026-03-02T09:00:00Z',
    firstRespondedAt: '2026-03-02T11:00:00Z',
    deliveredAt: '2026-03-03T09:00:00Z',
    requesters: [ids.rep],
    deliveryAssetIds: [x1],
  });
  // B: new asset, filed Mon 2 Mar 09:00, answered Tue 3 Mar 09:00 (8 h), delivered Fri 20 Mar 09:00:
  // 2–6 Mar 40 h + 9–13 Mar 40 h + 16–19 Mar 32 h = 112 h > 80 h: missed.
  await insertRequest(pool, ws, {
    type: 'new_asset',
    status: 'delivered',
    createdAt: '2026-03-02T09:00:00Z',
    firstRespondedAt: '2026-03-03T09:00:00Z',
    deliveredAt: '2026-03-20T09:00:00Z',
    requesters: [ids.rep2, ids.rep],
    deliveryAssetIds: [x2],
  });
  // C: deal support, filed Tue 10 Mar 09:00, answered 13:00 (4 h), in progress.
  await insertRequest(pool, ws, { type: 'deal_support', status: 'in_progress', createdAt: '2026-03-10T09:00:00Z', firstRespondedAt: '2026-03-10T13:00:00Z', requesters: [ids.rep2] });
  // D: training, filed Fri 20 Feb 09:00 (before the period), answered Mon 2 Mar 10:00: 8 + 40 + 1 = 49 h.
  await insertRequest(pool, ws, { type: 'training', status: 'triaged', createdAt: '2026-02-20T09:00:00Z', firstRespondedAt: '2026-03-02T10:00:00Z', requesters: [ids.rep] });
  // E: other, filed Mon 30 Mar by the lead (team East), not answered.
  await insertRequest(pool, ws, { type: 'other', status: 'new', createdAt: '2026-03-30T09:00:00Z', requesters: [ids.lead] });
  // F: a duplicate merged into another: not counted by type or team.
  await insertRequest(pool, ws, { type: 'other', status: 'merged', createdAt: '2026-03-11T09:00:00Z', requesters: [ids.rep2] });
  // Use of the delivered assets.
  await insertUsage(pool, ws, x1, ids.rep2, 'viewed', '2026-03-05T10:00:00Z'); // another rep, after delivery: reuse
  await insertUsage(pool, ws, x1, ids.rep, 'copied', '2026-03-06T10:00:00Z'); // the requester: not reuse
  await insertUsage(pool, ws, x1, ids.pmm, 'viewed', '2026-03-06T10:00:00Z'); // a PMM, not a rep
  await insertUsage(pool, ws, x1, null, 'share_opened', '2026-03-07T10:00:00Z'); // a prospect
  await insertUsage(pool, ws, x2, ids.rep2, 'viewed', '2026-03-25T10:00:00Z'); // a requester of B
  await insertUsage(pool, ws, x2, ids.lead, 'viewed', '2026-03-19T10:00:00Z'); // before delivery
  await insertUsage(pool, ws, x2, ids.lead, 'copied', '2026-03-21T10:00:00Z'); // another rep (a sales lead), after: reuse
  // Workspace B's request is never counted.
  await insertRequest(pool, w.wsB, { type: 'other', status: 'new', createdAt: '2026-03-12T09:00:00Z', requesters: [ids.bravoAdmin] });
}, 120_000);
afterAll(async () => w?.h.close());

describe('request metrics', () => {
  it('computes each number of a month by hand', async () => {
    const m = await metrics.get(tenant(w), { from: '2026-03-01', to: '2026-03-31' }, NOW);
    expect(m.from).toBe('2026-03-01');
    expect(m.to).toBe('2026-03-31');
    // Answered in March: A 2 h, B 8 h, C 4 h, D 49 h → median of 2, 4, 8, 49 = 6.
    expect(m.firstResponseCount).toBe(4);
    expect(m.medianFirstResponseHours).toBe(6);
    // Delivered in March: A within, B missed → 1 of 2, with the Wilson interval.
    const { low, high } = wilsonInterval(1, 2);
    expect(m.deliveredWithinSla).toEqual({ numerator: 1, denominator: 2, value: 0.5, low, high });
    expect(low).toBeCloseTo(0.0945, 3);
    expect(high).toBeCloseTo(0.9055, 3);
    // Open at 1 April 12:00: E 2 days, C 22 days, D 40 days old.
    expect(m.backlogByAge).toEqual([
      { bucket: 'under_1_week', count: 1 },
      { bucket: '1_2_weeks', count: 0 },
      { bucket: '2_4_weeks', count: 1 },
      { bucket: 'over_4_weeks', count: 1 },
    ]);
    expect(m.byType).toEqual([
      { type: 'new_asset', count: 1 },
      { type: 'customize', count: 1 },
      { type: 'competitive_intel', count: 0 },
      { type: 'deal_support', count: 1 },
      { type: 'training', count: 0 },
      { type: 'other', count: 1 },
    ]);
    // A (Rae), B (Roy and Rae), E (Lee) are East's; C (Roy only) has no team.
    expect(m.byTeam).toEqual([
      { teamId: w.teamId, teamName: 'East', count: 3 },
      { teamId: null, teamName: 'No team', count: 1 },
    ]);
    // Both delivered assets were used after delivery by a rep who had not asked: Roy (x1) and Lee (x2).
    expect(m.reuse).toEqual({ deliveredAssets: 2, reusedAssets: 2, otherReps: 2 });
  });

  it('counts only what falls in the period, and says nothing where nothing happened', async () => {
    const m = await metrics.get(tenant(w), { from: '2026-03-09', to: '2026-03-15' }, NOW);
    // Only C was answered that week; nothing delivered.
    expect(m.medianFirstResponseHours).toBe(4);
    expect(m.deliveredWithinSla).toEqual({ numerator: 0, denominator: 0, value: null, low: null, high: null });
    expect(m.reuse).toEqual({ deliveredAssets: 0, reusedAssets: 0, otherReps: 0 });
    const empty = await metrics.get(tenant(w), { from: '2025-01-01', to: '2025-01-31' }, NOW);
    expect(empty.medianFirstResponseHours).toBeNull();
    expect(empty.firstResponseCount).toBe(0);
    expect(empty.byTeam).toEqual([]);
  });

  it('defaults to the last 90 days in the workspace calendar, and refuses a period that ends before it starts', async () => {
    expect(periodOf({}, DEFAULT_CALENDAR, NOW)).toMatchObject({ from: '2026-01-02', to: '2026-04-01' });
    const tokyo = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Tokyo' };
    // 23:30 UTC on 31 March is already 1 April in Tokyo; the period's last day ends at Tokyo midnight.
    const p = periodOf({ to: '2026-03-31' }, tokyo, new Date('2026-03-31T23:30:00Z'));
    expect(p.end.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(periodOf({}, tokyo, new Date('2026-03-31T23:30:00Z')).to).toBe('2026-04-01');
    await expect(metrics.get(tenant(w), { from: '2026-03-10', to: '2026-03-01' }, NOW)).rejects.toMatchObject({
      status: 400,
      extra: { errors: [{ path: 'query.from', message: 'the period starts (2026-03-10) after it ends (2026-03-01)' }] },
    });
  });

  it('answers every member through the API, and names the field of a bad period', async () => {
    const url = '/api/v1/workspaces/acme/requests/metrics';
    const res = await call(w.h.app, w.clients.sales, 'GET', url, { query: { from: '2026-03-01', to: '2026-03-31' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().byType.reduce((n: number, t: { count: number }) => n + t.count, 0)).toBe(4);
    const bad = await call(w.h.app, w.clients.sales, 'GET', url, { query: { from: '2026-03-10', to: '2026-03-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('query.from');
    expect((await call(w.h.app, w.clients.sales, 'GET', url, { query: { from: '2026-02-30' } })).statusCode).toBe(400);
    expect((await call(w.h.app, w.clients.other, 'GET', url)).statusCode).toBe(404);
  });

  it('takes the median of an even and an odd count', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([49, 2, 8, 4])).toBe(6);
    expect(median([3, 1, 2])).toBe(2);
  });
});
