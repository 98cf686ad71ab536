// The meetings and attribution signals read from live rows (through those modules' index.ts), on a hand-built
// workspace whose every figure is computed by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

let h: Harness;
let admin: Client;
let workspaceId: string;
let adminId: string;
const pool = () => h.services.deps.database.pool;
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

async function insertDeal(name: string, amount: number, closeDaysAgo: number) {
  return (
    await pool().query(
      `insert into deals (workspace_id, source, external_id, name, amount, currency, amount_base, stage, stage_category, close_date, created_date)
       values ($1, 'crm', $2, $2, $3, 'USD', $3, 'Closed Won', 'won', $4, $5) returning id`,
      [workspaceId, name, amount, dayOf(daysAgo(closeDaysAgo)), daysAgo(closeDaysAgo + 60)],
    )
  ).rows[0].id as string;
}
async function touch(dealId: string, n: number, team: 'marketing' | 'sales', atDaysAgo: number) {
  await pool().query(
    `insert into touchpoints (workspace_id, source, external_id, deal_id, occurred_at, team, kind) values ($1, 'test', $2, $3, $4, $5, 'other')`,
    [workspaceId, `${dealId}-${n}`, dealId, daysAgo(atDaysAgo), team],
  );
}
async function dispute(dealId: string, raisedDaysAgo: number, resolvedDaysAgo: number | null) {
  await pool().query(
    `insert into attribution_disputes (workspace_id, deal_id, target, reason, status, raised_at, resolved_at, resolution)
     values ($1, $2, 'split', 'Ours', $3, $4, $5, $6)`,
    [workspaceId, dealId, resolvedDaysAgo === null ? 'open' : 'rejected', daysAgo(raisedDaysAgo), resolvedDaysAgo === null ? null : daysAgo(resolvedDaysAgo), resolvedDaysAgo === null ? null : 'No'],
  );
}
async function signal(friction: string, name: string) {
  const c = await h.services.deps.database.readTenant(workspaceId, (db) => h.services.alignmentIndex.compute(db, workspaceId, 'acme', now));
  const f = c.index.frictions.find((x) => x.key === friction)!;
  const i = f.signals.findIndex((s) => s.name === name);
  return { value: f.signals[i]!.value, link: f.signals[i]!.link, measure: c.details.find((d) => d.key === friction)!.signals[i]!.measure };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  workspaceId = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
  adminId = (await pool().query("select user_id from memberships where workspace_id = $1 and role = 'admin'", [workspaceId])).rows[0].user_id;
}, 120_000);
afterAll(() => h?.close());

describe('meeting action items done (involvement)', () => {
  it('no data under 3 items due; then the share due in the 90 days before today done by their due day', async () => {
    expect((await signal('involvement', 'Meeting action items done')).value).toBeNull();
    const series = (
      await pool().query(
        `insert into meeting_series (workspace_id, title, cadence, starts_on, start_time, time_zone, duration_minutes, owner_user_id)
         values ($1, 'Sync', 'weekly', $2, '09:30', 'UTC', 30, $3) returning id`,
        [workspaceId, dayOf(daysAgo(60)), adminId],
      )
    ).rows[0].id;
    const occ = (await pool().query(`insert into meeting_occurrences (workspace_id, series_id, seq, starts_at, held_at) values ($1, $2, 1, $3, $3) returning id`, [workspaceId, series, daysAgo(60)])).rows[0].id;
    // Due 50, 40, 30 and 20 days ago: done on time, on its due day, 3 days late, not done → 2 of 4 on time.
    // Due 100 days ago (outside the window) and in 5 days (not due yet): not counted.
    const items: [number, number | null][] = [[50, 52], [40, 40], [30, 27], [20, null], [100, 101], [-5, null]];
    for (const [k, [due, done]] of items.entries()) {
      await pool().query(
        `insert into meeting_action_items (workspace_id, series_id, occurrence_id, seq, title, owner_user_id, due_on, done_at) values ($1, $2, $3, 1, $4, $5, $6, $7)`,
        [workspaceId, series, occ, `Item ${k}`, adminId, dayOf(daysAgo(due)), done === null ? null : new Date(daysAgo(done).getTime() + 3_600_000)],
      );
    }
    // The item done on its due day: done at 23:00 UTC of that day still counts.
    await pool().query(`update meeting_action_items set done_at = (due_on + 1)::timestamp at time zone 'UTC' - interval '1 hour' where title = 'Item 1'`);
    const s = await signal('involvement', 'Meeting action items done');
    expect(s.value).toBe(50);
    expect(s.measure).toBe('2 of 4 action items agreed in sync meetings done by their due date (50 %)');
    expect(s.link).toBe(`/w/acme/meetings?from=${dayOf(daysAgo(90))}&to=${dayOf(daysAgo(1))}`);
  });
});

describe('attribution signals (responsibility, territory)', () => {
  it('fewer than 5 won deals: no data for the spread and credit agreed; fewer than 3 disputes: none for disputes', async () => {
    expect((await signal('responsibility', 'Attribution model spread')).value).toBeNull();
    expect((await signal('territory', 'Credit agreed')).value).toBeNull();
    expect((await signal('territory', 'Credit disputes resolved')).value).toBeNull();
  });

  it('computed from the ledger, the disputes and the model of record, by hand', async () => {
    // Six won deals of 1,000 closed 10–60 days ago: three with one marketing touchpoint, three with a marketing and
    // then a sales touchpoint. First touch gives marketing 6,000 of 6,000 (100 %); last touch 3,000 (50 %); every
    // other model lies between → marketing's share spreads 50 points (sales' too) → 100 − 50 = 50.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await insertDeal(`Won ${i}`, 1000, 10 + i * 10);
      ids.push(id);
      await touch(id, 1, 'marketing', 40 + i * 10);
      if (i >= 3) await touch(id, 2, 'sales', 20 + i * 10);
    }
    // An old won deal (300 days) is outside the 180-day window.
    const old = await insertDeal('Old', 50_000, 300);
    await touch(old, 1, 'sales', 330);
    const r = await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/attribution/recompute', { body: { mode: 'full' } });
    expect(r.statusCode, r.body).toBeLessThan(300);
    const spread = await signal('responsibility', 'Attribution model spread');
    expect(spread.value).toBe(50);
    expect(spread.measure).toContain('disagree by 50 points on marketing’s share');

    // No model of record: nobody agreed on credit → 0, said in words.
    const none = await signal('territory', 'Credit agreed');
    expect(none.value).toBe(0);
    expect(none.measure).toContain('No model of record chosen yet');

    // Disputes raised 180 days to a week ago: four (40, 30, 20 days ago resolved; 15 days ago still open) → 3 of 4.
    // Raised 3 days ago (too fresh to judge) and 200 days ago (outside): not counted.
    await dispute(ids[0]!, 40, 38);
    await dispute(ids[1]!, 30, 26);
    await dispute(ids[2]!, 20, 14);
    await dispute(ids[3]!, 15, null);
    await dispute(ids[4]!, 3, null);
    await dispute(old, 200, 150);
    const disputes = await signal('territory', 'Credit disputes resolved');
    expect(disputes.value).toBe(75);
    expect(disputes.measure).toBe('3 of 4 credit disputes raised in 180 days resolved, in 4 days (median)');
    expect(disputes.link).toBe('/w/acme/attribution/disputes');

    // A model of record: the six deals' 6,000 less the two with a dispute open now (ids 3 and 4) → 4,000 → 67.
    // Chosen after the as-of instant: not yet agreed then (past weeks read the choice as it stood).
    await pool().query(`insert into attribution_model_of_record (workspace_id, model, rationale, effective_from, chosen_at) values ($1, 'w_shaped', 'Agreed with sales', $2, $3)`, [workspaceId, dayOf(daysAgo(365)), new Date(now.getTime() + 60_000)]);
    expect((await signal('territory', 'Credit agreed')).value).toBe(0);
    await pool().query(`update attribution_model_of_record set chosen_at = $2 where workspace_id = $1`, [workspaceId, daysAgo(100)]);
    const agreed = await signal('territory', 'Credit agreed');
    expect(agreed.value).toBe(67);
    expect(agreed.measure).toContain('(4k of 6k, 4 of 6 deals)');
  });
});
