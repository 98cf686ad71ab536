import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequest, makeWorld, tenant, type World } from '../settings/test-fixtures.ts';
import { createCapacityService } from './capacity.service.ts';

let w: World;
let capacity: ReturnType<typeof createCapacityService>;
const ids: Record<string, string> = {};
// Monday 2 March 2026, before the working day starts (default calendar: UTC, Mon–Fri 09:00–17:00).
const NOW = new Date('2026-03-02T08:00:00Z');

beforeAll(async () => {
  w = await makeWorld();
  capacity = createCapacityService(w.h.services.deps);
  const { pool, ws } = w;
  // Pia gives 20 h a week: 4 h a working day. Max has none set.
  await pool.query(`insert into pmm_capacity (workspace_id, user_id, weekly_hours) values ($1, $2, 20)`, [ws, w.ids.pmm]);
  const base = { status: 'triaged', createdAt: '2026-02-27T10:00:00Z', assignee: w.ids.pmm, requesters: [w.ids.rep] };
  // The boosts put them in this order (no deals; the earlier needed-by date only adds to it).
  ids.r1 = await insertRequest(pool, ws, { ...base, title: 'R1', estimateHours: 8, neededBy: '2026-03-04', boostPoints: 100 });
  ids.r2 = await insertRequest(pool, ws, { ...base, title: 'R2', estimateHours: 8, neededBy: '2026-03-05', boostPoints: 60 });
  ids.r3 = await insertRequest(pool, ws, { ...base, title: 'R3', estimateHours: 4, neededBy: '2026-03-05', boostPoints: 30 });
  ids.r4 = await insertRequest(pool, ws, { ...base, title: 'R4 (no estimate)', status: 'new', assignee: null, estimateHours: null });
  // Closed requests are not in the queue.
  await insertRequest(pool, ws, { ...base, title: 'Done', status: 'delivered', estimateHours: 40, neededBy: '2026-03-03', deliveredAt: '2026-02-28T10:00:00Z' });
}, 120_000);
afterAll(async () => w?.h.close());

describe('capacity view', () => {
  it('plans a small queue as worked out by hand, and draws the line at the first request late for its date', async () => {
    const view = await capacity.get(tenant(w), { weeks: 2 }, NOW);
    // Pia works the queue in order, 4 h a day from Monday: R1 (8 h) Mon–Tue, done Tue 3 (needed Wed 4: fits);
    // R2 (8 h) Wed–Thu, done Thu 5 (needed Thu 5: fits); R3 (4 h) Fri 6 — after its date (Thu 5): below the line.
    expect(view.rows.map((r) => [r.title, r.rank, r.remainingHours, r.neededBy, r.expectedDoneOn, r.belowLine])).toEqual([
      ['R1', 1, 8, '2026-03-04', '2026-03-03', false],
      ['R2', 2, 8, '2026-03-05', '2026-03-05', false],
      ['R3', 3, 4, '2026-03-05', '2026-03-06', true],
    ]);
    expect(view.lineIndex).toBe(2);
    expect(view.unestimated).toBe(1);
    expect(view.rows[0]).toMatchObject({
      requestId: ids.r1,
      type: 'customize',
      status: 'triaged',
      assignee: { userId: w.ids.pmm, name: 'Pia Marketing' },
      requesters: [{ userId: w.ids.rep, name: 'Rae Rep' }],
    });
    expect(view.rows[2]!.reason).toMatch(/\S/);
    // Two weeks from this Monday: 20 h of capacity each; this week's demand is 8 + 8 + 4 h, all planned this week.
    expect(view.weeks).toEqual([
      { start: '2026-03-02', capacityHours: 20, demandHours: 20, plannedHours: 20 },
      { start: '2026-03-09', capacityHours: 20, demandHours: 0, plannedHours: 0 },
    ]);
    expect(view.capacity).toEqual([
      { user: { userId: w.ids.pmm2, name: 'Max Marketing' }, weeklyHours: 0 },
      { user: { userId: w.ids.pmm, name: 'Pia Marketing' }, weeklyHours: 20 },
      { user: { userId: w.ids.admin, name: 'Ada Admin' }, weeklyHours: 0 },
    ].sort((a, b) => a.user.name.localeCompare(b.user.name)));
  });

  it('moves the line when capacity changes: with Max taking R3, everything fits', async () => {
    await w.pool.query(`insert into pmm_capacity (workspace_id, user_id, weekly_hours) values ($1, $2, 10)`, [w.ws, w.ids.pmm2]);
    await w.pool.query(`update requests set assignee_user_id = $2 where id = $1`, [ids.r3, w.ids.pmm2]);
    const view = await capacity.get(tenant(w), { weeks: 1 }, NOW);
    // Max: 2 h a day, R3 (4 h) Mon–Tue, done Tue 3.
    expect(view.rows.map((r) => [r.title, r.expectedDoneOn, r.belowLine])).toEqual([
      ['R1', '2026-03-03', false],
      ['R2', '2026-03-05', false],
      ['R3', '2026-03-03', false],
    ]);
    expect(view.lineIndex).toBeNull();
    expect(view.weeks).toEqual([{ start: '2026-03-02', capacityHours: 30, demandHours: 20, plannedHours: 20 }]);
  });
});
