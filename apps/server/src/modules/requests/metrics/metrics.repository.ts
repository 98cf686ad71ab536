import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

export interface ClockRow {
  type: string;
  createdAt: Date;
  doneAt: Date;
}

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

/** The metrics' reads: a handful of set-based statements over the requests, their requesters' teams and library use. */
export const metricsRepository = {
  /** Requests first answered in [from, to). */
  async firstResponses(db: DbOrTx, workspaceId: string, from: Date, to: Date): Promise<ClockRow[]> {
    const r = await db.execute(sql`
      select type, created_at as "createdAt", first_responded_at as "doneAt" from requests
      where workspace_id = ${workspaceId} and first_responded_at >= ${from.toISOString()}::timestamptz and first_responded_at < ${to.toISOString()}::timestamptz`);
    return rowsOf<{ type: string; createdAt: string | Date; doneAt: string | Date }>(r).map((x) => ({ type: x.type, createdAt: new Date(x.createdAt), doneAt: new Date(x.doneAt) }));
  },

  /** Requests delivered in [from, to) (still delivered or since accepted). */
  async deliveries(db: DbOrTx, workspaceId: string, from: Date, to: Date): Promise<ClockRow[]> {
    const r = await db.execute(sql`
      select type, created_at as "createdAt", delivered_at as "doneAt" from requests
      where workspace_id = ${workspaceId} and status in ('delivered', 'accepted')
        and delivered_at >= ${from.toISOString()}::timestamptz and delivered_at < ${to.toISOString()}::timestamptz`);
    return rowsOf<{ type: string; createdAt: string | Date; doneAt: string | Date }>(r).map((x) => ({ type: x.type, createdAt: new Date(x.createdAt), doneAt: new Date(x.doneAt) }));
  },

  /** Requests delivered in [from, to), with what the catalogue's records show of each. */
  async deliveredRows(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
    const r = await db.execute(sql`
      select id, title, type, status, created_at as "createdAt", delivered_at as "doneAt" from requests
      where workspace_id = ${workspaceId} and status in ('delivered', 'accepted')
        and delivered_at >= ${from.toISOString()}::timestamptz and delivered_at < ${to.toISOString()}::timestamptz
      order by delivered_at desc, id desc`);
    return rowsOf<{ id: string; title: string; type: string; status: string; createdAt: string | Date; doneAt: string | Date }>(r).map((x) => ({
      ...x,
      createdAt: new Date(x.createdAt),
      doneAt: new Date(x.doneAt),
    }));
  },

  /** Open requests by age since filing, at `now`. */
  async backlog(db: DbOrTx, workspaceId: string, now: Date) {
    const n = now.toISOString();
    const r = await db.execute(sql`
      select
        count(*) filter (where created_at > ${n}::timestamptz - interval '7 days')::int as "under_1_week",
        count(*) filter (where created_at <= ${n}::timestamptz - interval '7 days' and created_at > ${n}::timestamptz - interval '14 days')::int as "1_2_weeks",
        count(*) filter (where created_at <= ${n}::timestamptz - interval '14 days' and created_at > ${n}::timestamptz - interval '28 days')::int as "2_4_weeks",
        count(*) filter (where created_at <= ${n}::timestamptz - interval '28 days')::int as "over_4_weeks"
      from requests where workspace_id = ${workspaceId} and status in ('new', 'triaged', 'in_progress')`);
    return rowsOf<Record<'under_1_week' | '1_2_weeks' | '2_4_weeks' | 'over_4_weeks', number>>(r)[0]!;
  },

  /** Requests filed in [from, to) by type (merged duplicates left out: the request they joined counts). */
  async byType(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
    const r = await db.execute(sql`
      select type, count(*)::int as count from requests
      where workspace_id = ${workspaceId} and status <> 'merged'
        and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
      group by type`);
    return rowsOf<{ type: string; count: number }>(r);
  },

  /**
   * Requests filed in [from, to) by their requesters' teams: a request counts once for each team any requester is in,
   * and under "no team" (teamId null) when none is in a team.
   */
  async byTeam(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
    const r = await db.execute(sql`
      with filed as (
        select id from requests
        where workspace_id = ${workspaceId} and status <> 'merged'
          and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
      ), teamed as (
        select distinct f.id, tm.team_id from filed f
        join request_requesters rr on rr.workspace_id = ${workspaceId} and rr.request_id = f.id
        join team_members tm on tm.workspace_id = rr.workspace_id and tm.user_id = rr.user_id
      )
      select t.id as "teamId", t.name as "teamName", count(*)::int as count
      from teamed x join teams t on t.workspace_id = ${workspaceId} and t.id = x.team_id
      group by t.id, t.name
      union all
      select null, null, count(*)::int from filed f where not exists (select 1 from teamed x where x.id = f.id)`);
    return rowsOf<{ teamId: string | null; teamName: string | null; count: number }>(r);
  },

  /**
   * Library assets delivered by requests delivered in [from, to), and which of them reps other than the request's
   * requesters used after the delivery (any usage event with a person: viewed, copied, downloaded, shared, attached).
   */
  async reuse(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
    const r = await db.execute(sql`
      with delivered as (
        select r.id, r.delivered_at, unnest(r.delivery_asset_ids) as asset_id from requests r
        where r.workspace_id = ${workspaceId} and r.status in ('delivered', 'accepted')
          and r.delivered_at >= ${from.toISOString()}::timestamptz and r.delivered_at < ${to.toISOString()}::timestamptz
      ), used as (
        select d.asset_id, u.user_id from delivered d
        join asset_usage_events u on u.workspace_id = ${workspaceId} and u.asset_id = d.asset_id and u.occurred_at > d.delivered_at
        join memberships m on m.workspace_id = u.workspace_id and m.user_id = u.user_id and m.role in ('sales', 'sales_lead')
        where not exists (select 1 from request_requesters rr where rr.workspace_id = ${workspaceId} and rr.request_id = d.id and rr.user_id = u.user_id)
      )
      select (select count(distinct asset_id)::int from delivered) as "deliveredAssets",
             (select count(distinct asset_id)::int from used) as "reusedAssets",
             (select count(distinct user_id)::int from used) as "otherReps"`);
    return rowsOf<{ deliveredAssets: number; reusedAssets: number; otherReps: number }>(r)[0]!;
  },
};
