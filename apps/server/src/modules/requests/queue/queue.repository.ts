import { sql, type SQL } from 'drizzle-orm';
import { readChangeStamps } from '../../../db/change-stamps.ts';
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

/**
 * An open request as the queue orders and plans it: no texts beyond the title, no comments; its linked deals
 * folded to what the score reads (the open ones' count, priced count, Σ amount, Σ amount × probability, the nearest
 * close date from today). Requester names come from the workspace's members, read once.
 */
export interface QueueRow {
  id: string;
  number: number;
  type: string;
  title: string;
  status: string;
  neededBy: string | null;
  estimateHours: number | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  updatedAt: Date;
  overrideKind: 'pin' | 'position' | null;
  overridePosition: number | null;
  overrideAt: Date | null;
  boostPoints: number;
  requesterIds: string[];
  requesterNames: string[];
  dealCount: number;
  accountCount: number;
  openDeals: number;
  pricedOpenDeals: number;
  /** Σ amount_base over the priced open deals (negative amounts as 0). */
  openAmount: number;
  /** Σ amount_base × probability (0–1) over the priced open deals. */
  weightedPipeline: number;
  /** The nearest close date on or after `today` of a linked open deal. */
  nearestClose: string | null;
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
 * deals and comments are aggregated per request in grouped subqueries over the workspace's links (or, with
 * `ids`, over those requests' links only), joined by hash: one statement whatever the number of requests (the
 * queue of 10,000 reads its 50,000 links in one pass). No CTE: with a materialised one the planner guessed a
 * billion rows from its default statistics and spent seconds compiling the statement (JIT).
 */
async function summaryRows(db: DbOrTx, workspaceId: string, filter: SQL, ids?: readonly string[]): Promise<SummaryRow[]> {
  const only = (column: SQL) => (ids ? sql`and ${column} = any(${`{${ids.join(',')}}`}::uuid[])` : sql``);
  const result = await db.execute(sql`
    select r.id, r.number, r.type, r.title, r.status, r.needed_by::text as needed_by, r.estimate_hours::float8 as estimate_hours,
           r.assignee_user_id, au.name as assignee_name, r.first_responded_at, r.delivered_at,
           case when r.status in ('accepted', 'declined', 'merged') then r.updated_at end as closed_at,
           r.created_at, r.updated_at, r.override_kind, r.override_position, r.override_reason, r.override_by_user_id,
           ou.name as override_by_name, r.override_at, r.boost_points,
           rq.ids as requester_ids, rq.names as requester_names, dl.deal_count, dl.account_count, dl.open_amounts,
           dl.open_probabilities, dl.open_close_dates, cm.n as comment_count
      from requests r
      left join users au on au.id = r.assignee_user_id
      left join users ou on ou.id = r.override_by_user_id
      left join (
        select rr.request_id, array_agg(rr.user_id order by rr.joined_at, rr.user_id) as ids,
               array_agg(u.name order by rr.joined_at, rr.user_id) as names
          from request_requesters rr join users u on u.id = rr.user_id
         where rr.workspace_id = ${workspaceId} ${only(sql`rr.request_id`)}
         group by rr.request_id
      ) rq on rq.request_id = r.id
      left join (
        select rd.request_id, count(*)::int as deal_count, count(distinct d.account_id)::int as account_count,
               array_agg(d.amount_base::float8) filter (where d.stage_category = 'open') as open_amounts,
               array_agg(d.probability::int) filter (where d.stage_category = 'open') as open_probabilities,
               array_agg(d.close_date::text) filter (where d.stage_category = 'open') as open_close_dates
          from request_deals rd
          join deals d on d.workspace_id = rd.workspace_id and d.id = rd.deal_id and d.removed_at is null
         where rd.workspace_id = ${workspaceId} ${only(sql`rd.request_id`)}
         group by rd.request_id
      ) dl on dl.request_id = r.id
      left join (
        select c.request_id, count(*)::int as n from request_comments c
         where c.workspace_id = ${workspaceId} ${only(sql`c.request_id`)}
         group by c.request_id
      ) cm on cm.request_id = r.id
     where r.workspace_id = ${workspaceId} and (${filter}) ${only(sql`r.id`)}`);
  return (result.rows as Record<string, unknown>[]).map(mapRow);
}

/**
 * The open queue's rows in one statement: requests joined to three grouped subqueries over the workspace's links
 * (requesters; deals folded per (request, account), then per request — distinct accounts without a sort; comments
 * are not read). Hash aggregates only: no ORDER BY or DISTINCT inside an aggregate.
 */
async function queueRows(db: DbOrTx, workspaceId: string, today: string, memberNamesRead?: Map<string, string>): Promise<QueueRow[]> {
  // One after the other: `db` may be a transaction's single connection.
  const result = await db.execute(sql`
      select r.id, r.number, r.type, r.title, r.status, r.needed_by::text as needed_by, r.estimate_hours::float8 as estimate_hours,
             r.assignee_user_id, r.created_at, r.updated_at, r.override_kind, r.override_position, r.override_at, r.boost_points,
             rq.ids as requester_ids, dl.deal_count, dl.account_count, dl.open_deals, dl.priced_open_deals, dl.open_amount,
             dl.weighted, dl.nearest_close
        from requests r
        left join (
          select request_id, array_agg(user_id) as ids from request_requesters where workspace_id = ${workspaceId} group by request_id
        ) rq on rq.request_id = r.id
        left join (
          select request_id, sum(n)::int as deal_count, count(account_id)::int as account_count, sum(open_n)::int as open_deals,
                 sum(priced_n)::int as priced_open_deals, coalesce(sum(amount), 0)::float8 as open_amount,
                 coalesce(sum(weighted), 0)::float8 as weighted, min(nearest)::text as nearest_close
            from (
              select rd.request_id, d.account_id, count(*) as n,
                     count(*) filter (where d.stage_category = 'open') as open_n,
                     count(d.amount_base) filter (where d.stage_category = 'open') as priced_n,
                     sum(greatest(d.amount_base, 0)) filter (where d.stage_category = 'open') as amount,
                     sum(greatest(d.amount_base, 0)::float8 * least(greatest(coalesce(d.probability, 0), 0), 100) / 100.0)
                       filter (where d.stage_category = 'open') as weighted,
                     min(d.close_date) filter (where d.stage_category = 'open' and d.close_date >= ${today}::date) as nearest
                from request_deals rd
                join deals d on d.workspace_id = rd.workspace_id and d.id = rd.deal_id and d.removed_at is null
               where rd.workspace_id = ${workspaceId}
               group by rd.request_id, d.account_id
            ) per_account
           group by request_id
        ) dl on dl.request_id = r.id
       where r.workspace_id = ${workspaceId} and r.status in ('new', 'triaged', 'in_progress')`);
  const names = memberNamesRead ?? (await memberNames(db, workspaceId));
  return (result.rows as Record<string, unknown>[]).map((r) => {
    const requesterIds = (r.requester_ids as string[] | null) ?? [];
    const assignee = (r.assignee_user_id as string | null) ?? null;
    return {
      id: String(r.id),
      number: Number(r.number),
      type: String(r.type),
      title: String(r.title),
      status: String(r.status),
      neededBy: (r.needed_by as string | null) ?? null,
      estimateHours: r.estimate_hours === null ? null : Number(r.estimate_hours),
      assigneeUserId: assignee,
      assigneeName: assignee ? (names.get(assignee) ?? null) : null,
      createdAt: toDate(r.created_at)!,
      updatedAt: toDate(r.updated_at)!,
      overrideKind: (r.override_kind as 'pin' | 'position' | null) ?? null,
      overridePosition: r.override_position === null ? null : Number(r.override_position),
      overrideAt: toDate(r.override_at),
      boostPoints: Number(r.boost_points ?? 0),
      requesterIds,
      requesterNames: requesterIds.map((id) => names.get(id) ?? 'Former member'),
      dealCount: Number(r.deal_count ?? 0),
      accountCount: Number(r.account_count ?? 0),
      openDeals: Number(r.open_deals ?? 0),
      pricedOpenDeals: Number(r.priced_open_deals ?? 0),
      openAmount: Number(r.open_amount ?? 0),
      weightedPipeline: Number(r.weighted ?? 0),
      nearestClose: (r.nearest_close as string | null) ?? null,
    };
  });
}

/** Names of the workspace's members (and former members), by user id. */
async function memberNames(db: DbOrTx, workspaceId: string): Promise<Map<string, string>> {
  const result = await db.execute(sql`select u.id, u.name from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId}`);
  return new Map((result.rows as { id: string; name: string }[]).map((r) => [r.id, r.name]));
}

export const queueRepository = {
  summaryRows,
  queueRows,
  memberNames,

  /**
   * What the built queue depends on, as stamps (migration 0011_change_stamps): the 'requests' scope (requests,
   * requesters, deal links, settings, capacity, memberships) and the 'deals' scope (every deal write). One statement.
   */
  stamps(db: DbOrTx, workspaceId: string) {
    return readChangeStamps(db, workspaceId, ['requests', 'deals']);
  },

  /**
   * The open queue's rows (new, triaged, in progress); `today`: the calendar's local date (close dates from it
   * count); `names`: the members' names when the caller read them already.
   */
  openRows(db: DbOrTx, workspaceId: string, today: string = new Date().toISOString().slice(0, 10), names?: Map<string, string>) {
    return queueRows(db, workspaceId, today, names);
  },

  rowsWithStatus(db: DbOrTx, workspaceId: string, statuses: readonly string[]) {
    return summaryRows(db, workspaceId, sql`r.status = any(${`{${statuses.join(',')}}`}::text[])`);
  },

  rowsByIds(db: DbOrTx, workspaceId: string, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return summaryRows(db, workspaceId, sql`true`, ids);
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
