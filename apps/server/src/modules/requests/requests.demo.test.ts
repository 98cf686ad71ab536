import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Harness } from '../../../test/app-harness.ts';
import { createDemoHarness, type DemoSeed } from '../../../test/demo-harness.ts';
import { DEMO_LOGINS } from '../../demo.ts';
import { DEMO_CAPACITY, usHolidays } from './requests.demo.ts';

let h: Harness;
let q: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
let seeded: DemoSeed;
beforeAll(async () => {
  ({ h, seeded } = await createDemoHarness());
  const pool = h.services.deps.database.pool;
  q = async (sql, params = []) => (await pool.query(sql, params)).rows;
}, 600_000);
afterAll(async () => h?.close());

const WS = `(select id from workspaces where slug = 'northwind')`;
const signIn = (role: string) => login(h.app, DEMO_LOGINS.find((l) => l.role === role)!.email, DEMO_LOGINS[0]!.password);

describe('requests demo data', () => {
  it('files two quarters of requests of every type, in every status, numbered in filing order', async () => {
    expect(seeded.requests).toBe(140);
    const types = await q<{ type: string; n: number }>(`select type, count(*)::int as n from requests where workspace_id = ${WS} group by type order by n desc`);
    expect(types).toHaveLength(6);
    expect(types[0]!.type).toBe('customize');
    const statuses = new Set((await q<{ status: string }>(`select distinct status from requests where workspace_id = ${WS}`)).map((r) => r.status));
    expect(statuses).toEqual(new Set(['new', 'triaged', 'in_progress', 'delivered', 'accepted', 'declined', 'merged']));
    const [span] = await q<{ days: number; disorder: number }>(
      `select extract(day from max(created_at) - min(created_at))::int as days,
              count(*) filter (where created_at < prev)::int as disorder
       from (select created_at, lag(created_at) over (order by number) as prev from requests where workspace_id = ${WS}) x`,
    );
    expect(span!.days).toBeGreaterThan(150);
    expect(span!.disorder).toBe(0);
    // Declined ones carry the reason the requesters read; merged ones point at a request of the same type that got their requesters.
    expect(await q(`select id from requests where workspace_id = ${WS} and status = 'declined' and declined_reason is null`)).toEqual([]);
    const merged = await q<{ ok: boolean }>(
      `select m.type = t.type and exists (select 1 from request_requesters rr where rr.workspace_id = t.workspace_id and rr.request_id = t.id and rr.user_id = m.created_by_user_id) as ok
       from requests m join requests t on t.workspace_id = m.workspace_id and t.id = m.merged_into_id where m.workspace_id = ${WS} and m.status = 'merged'`,
    );
    expect(merged.length).toBeGreaterThan(0);
    expect(merged.every((m) => m.ok)).toBe(true);
  });

  it('delivers some requests as published demo library assets, and puts comments and an activity log on them', async () => {
    const delivered = await q<{ title: string; status: string }>(
      `select a.title, a.status from requests r, unnest(r.delivery_asset_ids) as aid join assets a on a.workspace_id = ${WS} and a.id = aid where r.workspace_id = ${WS}`,
    );
    expect(delivered.length).toBeGreaterThanOrEqual(15);
    expect(new Set(delivered.map((d) => d.status))).toEqual(new Set(['published']));
    const [c] = await q<{ comments: number; filed: number; triaged: number; accepted: number }>(
      `select (select count(*)::int from request_comments where workspace_id = ${WS}) as comments,
              count(*) filter (where kind = 'filed')::int as filed, count(*) filter (where kind = 'triaged')::int as triaged,
              count(*) filter (where kind = 'accepted')::int as accepted
       from request_activity where workspace_id = ${WS}`,
    );
    expect(c!.comments).toBeGreaterThan(20);
    expect(c!.filed).toBe(140);
    expect(c!.triaged).toBeGreaterThan(60);
    expect(c!.accepted).toBeGreaterThan(30);
    // Open requests link their requesters' open deals, so the queue has pipeline to weigh.
    const [p] = await q<{ n: number }>(
      `select count(distinct r.id)::int as n from requests r join request_deals rd on rd.workspace_id = r.workspace_id and rd.request_id = r.id
       join deals d on d.workspace_id = rd.workspace_id and d.id = rd.deal_id and d.stage_category = 'open'
       where r.workspace_id = ${WS} and r.status in ('new', 'triaged', 'in_progress')`,
    );
    expect(p!.n).toBeGreaterThan(10);
  });

  it('has late clocks already told, an override of each kind with its reason, a boost, and a New York calendar with holidays', async () => {
    const notices = await q<{ state: string; n: number }>(`select state, count(*)::int as n from request_sla_notices where workspace_id = ${WS} group by state`);
    expect(notices.find((n) => n.state === 'breached')!.n).toBeGreaterThan(0);
    const breachedLines = await q(`select text from request_activity where workspace_id = ${WS} and kind = 'sla_breached'`);
    expect(breachedLines.length).toBe(notices.find((n) => n.state === 'breached')!.n);
    const overrides = await q<{ override_kind: string; override_reason: string }>(
      `select override_kind, override_reason from requests where workspace_id = ${WS} and override_kind is not null order by override_kind`,
    );
    expect(overrides.map((o) => o.override_kind)).toEqual(['pin', 'position']);
    expect(overrides.every((o) => o.override_reason.length > 10)).toBe(true);
    expect(await q(`select boost_points from requests where workspace_id = ${WS} and boost_points > 0`)).toEqual([{ boost_points: 40 }]);

    const admin = await signIn('admin');
    const settings = (await call(h.app, admin, 'GET', '/api/v1/workspaces/northwind/requests/settings')).json();
    expect(settings.calendar.timeZone).toBe('America/New_York');
    const year = new Date().getUTCFullYear();
    expect(settings.calendar.holidays).toEqual(expect.arrayContaining(usHolidays(year)));
    expect(settings.types.find((t: { type: string }) => t.type === 'deal_support')).toEqual({ type: 'deal_support', firstResponseHours: 2, deliveryHours: 16 });
  });

  it('gives the PMMs capacity tight enough that the capacity view draws a line, and a rep sees the queue', async () => {
    const rep = await signIn('sales');
    const capacity = await call(h.app, rep, 'GET', '/api/v1/workspaces/northwind/requests/capacity');
    expect(capacity.statusCode).toBe(200);
    const view = capacity.json();
    expect(view.capacity.filter((c: { weeklyHours: number }) => c.weeklyHours > 0).map((c: { weeklyHours: number }) => c.weeklyHours).sort()).toEqual(
      Object.values(DEMO_CAPACITY).sort(),
    );
    expect(view.rows.length).toBeGreaterThan(15);
    expect(view.lineIndex).not.toBeNull();
    expect(view.rows[view.lineIndex].belowLine).toBe(true);
    expect(view.weeks[0].demandHours).toBeGreaterThan(0);
    const queue = await call(h.app, rep, 'GET', '/api/v1/workspaces/northwind/requests');
    expect(queue.statusCode).toBe(200);
    const items = queue.json().items as { rank: number; override: { kind: string } | null }[];
    expect(items[0]!.rank).toBe(1);
    expect(items[0]!.override?.kind).toBe('pin');
  });

  it('knows the US holidays of a year (observed when they fall on a weekend)', () => {
    // 2026: 4 July is a Saturday (observed Friday 3 July); Thanksgiving is the fourth Thursday (26 November).
    expect(usHolidays(2026)).toEqual(['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25']);
    // 2027: 1 January is a Friday; 25 December a Saturday (observed Friday 24 December); 19 June a Saturday (18 June).
    expect(usHolidays(2027)).toEqual(['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24']);
  });
});
