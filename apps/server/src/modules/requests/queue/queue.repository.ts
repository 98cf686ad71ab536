import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/** A request with what every list shows of it, read in one statement (requesters, deals, comments aggregated). */
export interface SummaryRow {
  id: string;
  number: number;
  type: string;
  title: string;
  status: string;
  neededBy: string | null;
  estimateHours: number | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  firstRespondedAt: Date | null;
  deliveredAt: Date | null;
  /** When it left the queue for good (accepted, declined, merged): stops its delivery clock. */
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  overrideKind: 'pin' | 'position' | null;
  overridePosition: number | null;
  overrideReason: string | null;
  overrideByUserId: string | null;
  overrideByName: string | null;
  overrideAt: Date | null;
  boostPoints: number;
  requesterIds: string[];
  requesterNames: string[];
  dealCount: number;
  accountCount: number;
  /** The linked OPEN deals (not removed), side by side: amount in base currency, probability 0–100, close date. */
  openAmounts: (number | null)[];
  openProbabilities: (number | null)[];
  openCloseDates: (string | null)[];
  commentCount: number;
}

const toDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

function mapRow(r: Record<string, unknown>): SummaryRow {
  return {
    id: String(r.id),
    number: Number(r.number),
    type: String(r.type),
    title: String(r.title),
    status: String(r.status),
    neededBy: (r.needed_by as string | null) ?? null,
    estimateHours: r.estimate_hours === null ? null : Number(r.estimate_hours),
    assigneeUserId: (r.assignee_user_id as string | null) ?? null,
    assigneeName: (r.assignee_name as string | null) ?? null,
    firstRespondedAt: toDate(r.first_responded_at),
    deliveredAt: toDate(r.delivered_at),
    closedAt: toDate(r.closed_at),
    createdAt: toDate(r.created_at)!,
    updatedAt: toDate(r.updated_at)!,
    overrideKind: (r.override_kind as 'pin' | 'position' | null) ?? null,
    overridePosition: r.override_position === null ? null : Number(r.override_position),
    overrideReason: (r.override_reason as string | null) ?? null,
    overrideByUserId: (r.override_by_user_id as string | null) ?? null,
    overrideByName: (r.override_by_name as string | null) ?? null,
    overrideAt: toDate(r.override_at),
    boostPoints: Number(r.boost_points ?? 0),
    requesterIds: (r.requester_ids as string[] | null) ?? [],
    requesterNames: (r.requester_names as string[] | null) ?? [],
    dealCount: Number(r.deal_count ?? 0),
    accountCount: Number(r.account_count ?? 0),
    openAmounts: ((r.open_amounts as (number | string | null)[] | null) ?? []).map((x) => (x === null ? null : Number(x))),
    openProbabilities: ((r.open_probabilities as (number | string | null)[] | null) ?? []).map((x) => (x === null ? null : Number(x))),
    openCloseDates: (r.open_close_dates as (string | null)[] | null) ?? [],
    commentCount: Number(r.comment_count ?? 0),
  };
}

/**
 * The summary rows of the requests that `filter` (a condition on `r`, the requests table) selects. Requesters,
 * deals and comments are aggregated per request in grouped subqueries limited to the selected requests, joined by
 * hash: one statement whatever the number of requests (the queue of 10,000 reads in one pass over its links).
 */
async function summaryRows(db: DbOrTx, workspaceId: string, filter: SQL): Promise<SummaryRow[]> {
  const result = await db.execute(sql`
    with sel as materialized (
      select r.* from requests r where r.workspace_id = ${workspaceId} and (${filter})
    ),
    rq as (
      select rr.request_id, array_agg(rr.user_id order by rr.joined_at, rr.user_id) as ids,
             array_agg(u.name order by rr.joined_at, rr.user_id) as names
        from request_requesters rr join users u on u.id = rr.user_id
       where rr.workspace_id = ${workspaceId} and rr.request_id in (select id from sel)
       group by rr.request_id
    ),
    dl as (
      select rd.request_id, count(*)::int as deal_count, count(distinct d.account_id)::int as account_count,
             array_agg(d.amount_base::float8) filter (where d.stage_category = 'open') as open_amounts,
             array_agg(d.probability::int) filter (where d.stage_category = 'open') as open_probabilities,
             array_agg(d.close_date::text) filter (where d.stage_category = 'open') as open_close_dates
        from request_deals rd
        join deals d on d.workspace_id = rd.workspace_id and d.id = rd.deal_id and d.removed_at is null
       where rd.workspace_id = ${workspaceId} and rd.request_id in (select id from sel)
       group by rd.request_id
    ),
    cm as (
      select c.request_id, count(*)::int as n from request_comments c
       where c.workspace_id = ${workspaceId} and c.request_id in (select id from sel)
       group by c.request_id
    )
    select s.id, s.number, s.type, s.title, s.status, s.needed_by::text as needed_by, s.estimate_hours::float8 as estimate_hours,
           s.assignee_user_id, au.name as assignee_name, s.first_responded_at, s.delivered_at,
           case when s.status in ('accepted', 'declined', 'merged') then s.updated_at end as closed_at,
           s.created_at, s.updated_at, s.override_kind, s.override_position, s.override_reason, s.override_by_user_id,
           ou.name as override_by_name, s.override_at, s.boost_points,
           rq.ids as requester_ids, rq.names as requester_names, dl.deal_count, dl.account_count, dl.open_amounts,
           dl.open_probabilities, dl.open_close_dates, cm.n as comment_count
      from sel s
      left join users au on au.id = s.assignee_user_id
      left join users ou on ou.id = s.override_by_user_id
      left join rq on rq.request_id = s.id
      left join dl on dl.request_id = s.id
      left join cm on cm.request_id = s.id`);
  return (result.rows as Record<string, unknown>[]).map(mapRow);
}

export const queueRepository = {
  summaryRows,

  /** The open queue's rows (new, triaged, in progress). */
  openRows(db: DbOrTx, workspaceId: string) {
    return summaryRows(db, workspaceId, sql`r.status in ('new', 'triaged', 'in_progress')`);
  },

  rowsWithStatus(db: DbOrTx, workspaceId: string, statuses: readonly string[]) {
    return summaryRows(db, workspaceId, sql`r.status = any(${`{${statuses.join(',')}}`}::text[])`);
  },

  rowsByIds(db: DbOrTx, workspaceId: string, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return summaryRows(db, workspaceId, sql`r.id = any(${`{${ids.join(',')}}`}::uuid[])`);
  },

  /** Weekly hours of the people with capacity set (the plan spends them). */
  async capacity(db: DbOrTx, workspaceId: string) {
    const result = await db.execute(sql`
      select c.user_id, c.weekly_hours::float8 as weekly_hours from pmm_capacity c
        join memberships m on m.workspace_id = c.workspace_id and m.user_id = c.user_id and m.active
       where c.workspace_id = ${workspaceId} and c.weekly_hours > 0`);
    return (result.rows as { user_id: string; weekly_hours: number }[]).map((r) => ({ userId: r.user_id, weeklyHours: Number(r.weekly_hours) }));
  },

  async baseCurrency(db: DbOrTx, workspaceId: string): Promise<string> {
    const result = await db.execute(sql`select base_currency from workspaces where id = ${workspaceId}`);
    return String((result.rows[0] as { base_currency?: string } | undefined)?.base_currency ?? 'USD');
  },
};
