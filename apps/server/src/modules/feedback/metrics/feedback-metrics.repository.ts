import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { themesRepository } from '../themes/themes.repository.ts';

/**
 * The feedback's side of the metric catalogue (goals module): response rate and time to acknowledge over the items
 * logged in a period, themes addressed, the win/loss-reason themes behind lost deals, and the records behind each.
 * A day is the workspace's local day of `created_at`.
 */

export type FeedbackDimension = 'period' | 'segment' | 'owner' | 'team' | 'competitor';

export interface FeedbackMetricSpec {
  workspaceId: string;
  from: string;
  to: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  filters: { segment?: string; owner?: string; team?: string; competitor?: string };
  groupBy?: FeedbackDimension | null;
}

export interface FeedbackStats {
  key: string | null;
  label: string | null;
  items: number;
  responded: number;
  acknowledged: number;
  /** Median days from logging to acknowledgement over the acknowledged items. */
  ackMedianDays: number | null;
}

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

const day = (spec: FeedbackMetricSpec) => sql`(f.created_at at time zone ${spec.timeZone})::date`;
const segment = sql`coalesce(fa.segment, fda.segment)`;
const joins = sql`
  left join accounts fa on fa.workspace_id = f.workspace_id and fa.id = f.account_id
  left join deals fd on fd.workspace_id = f.workspace_id and fd.id = f.deal_id
  left join accounts fda on fda.workspace_id = fd.workspace_id and fda.id = fd.account_id`;

function grouping(spec: FeedbackMetricSpec): { key: SQL; label: SQL; joins: SQL } {
  switch (spec.groupBy ?? null) {
    case null:
      return { key: sql`'total'`, label: sql`'All feedback'`, joins: sql`` };
    case 'period': {
      const d = day(spec);
      const k = sql`(date_trunc('month', ${d}) - make_interval(months => ((extract(month from ${d})::int - ${spec.fiscalYearStartMonth}::int + 12) % 3)))::date::text`;
      return { key: k, label: k, joins: sql`` };
    }
    case 'segment':
      return { key: segment, label: segment, joins: sql`` };
    case 'competitor':
      return { key: sql`f.competitor`, label: sql`f.competitor`, joins: sql`` };
    case 'owner':
      return { key: sql`f.submitted_by_user_id::text`, label: sql`gu.name`, joins: sql`left join users gu on gu.id = f.submitted_by_user_id` };
    case 'team':
      return {
        key: sql`gt.id::text`,
        label: sql`gt.name`,
        joins: sql`left join team_members gtm on gtm.workspace_id = f.workspace_id and gtm.user_id = f.submitted_by_user_id
                   left join teams gt on gt.workspace_id = gtm.workspace_id and gt.id = gtm.team_id`,
      };
  }
}

function where(spec: FeedbackMetricSpec): SQL {
  const f = spec.filters;
  const parts: SQL[] = [sql`f.workspace_id = ${spec.workspaceId}`, sql`${day(spec)} between ${spec.from}::date and ${spec.to}::date`];
  if (f.segment) parts.push(sql`lower(${segment}) = lower(${f.segment})`);
  if (f.competitor) parts.push(sql`lower(f.competitor) = lower(${f.competitor})`);
  if (f.owner) parts.push(sql`f.submitted_by_user_id::text = ${f.owner}`);
  if (f.team) parts.push(sql`f.submitted_by_user_id in (select tm.user_id from team_members tm where tm.workspace_id = ${spec.workspaceId} and tm.team_id = ${f.team}::uuid)`);
  return sql.join(parts, sql` and `);
}

function keyFilter(key: SQL, value: string | null | undefined): SQL {
  if (value === undefined) return sql``;
  return value === null ? sql` and ${key} is null` : sql` and ${key} = ${value}`;
}

export const feedbackMetricsRepository = {
  async stats(db: DbOrTx, spec: FeedbackMetricSpec): Promise<FeedbackStats[]> {
    const g = grouping(spec);
    const r = await db.execute(sql`
      select ${g.key} as key, ${g.label} as label,
        count(*)::int as items,
        count(*) filter (where f.responded_at is not null)::int as responded,
        count(*) filter (where f.acknowledged_at is not null)::int as acknowledged,
        percentile_cont(0.5) within group (order by extract(epoch from f.acknowledged_at - f.created_at) / 86400)
          filter (where f.acknowledged_at is not null) as "ackMedianDays"
      from feedback_items f ${joins} ${g.joins}
      where ${where(spec)}
      group by 1, 2`);
    return rowsOf<FeedbackStats>(r).map((x) => ({ ...x, ackMedianDays: x.ackMedianDays === null ? null : Number(x.ackMedianDays) }));
  },

  /** Themes that received matching feedback in the period (each once), and how many of them are addressed. */
  async themesAddressed(db: DbOrTx, spec: FeedbackMetricSpec) {
    const g = grouping(spec);
    const r = await db.execute(sql`
      with touched as (
        select distinct ${g.key} as key, f.theme_id from feedback_items f ${joins} ${g.joins}
        where ${where(spec)} and f.theme_id is not null
      )
      select t.key, t.key as label, count(*)::int as themes, count(*) filter (where th.status = 'addressed')::int as addressed
      from touched t join themes th on th.workspace_id = ${spec.workspaceId} and th.id = t.theme_id
      group by t.key`);
    return rowsOf<{ key: string | null; label: string | null; themes: number; addressed: number }>(r);
  },

  /** The items behind a feedback number, newest first (offset pagination). */
  async itemRecords(db: DbOrTx, spec: FeedbackMetricSpec, opts: { key?: string | null; part?: 'responded' | 'acknowledged'; offset: number; limit: number }) {
    const g = grouping(spec);
    const r = await db.execute(sql`
      select f.id, f.text, coalesce(fa.name, fda.name) as account, ${segment} as segment, th.name as theme, coalesce(th.status, 'unthemed') as status,
        f.created_at as "createdAt", su.name as submitter, f.responded_at is not null as responded, f.acknowledged_at is not null as acknowledged,
        extract(epoch from f.acknowledged_at - f.created_at) / 86400 as "ackDays", count(*) over ()::int as total
      from feedback_items f ${joins} ${g.joins}
      left join themes th on th.workspace_id = f.workspace_id and th.id = f.theme_id
      left join users su on su.id = f.submitted_by_user_id
      where ${where(spec)}${keyFilter(g.key, opts.key)}${opts.part ? sql` and f.${sql.raw(opts.part === 'responded' ? 'responded_at' : 'acknowledged_at')} is not null` : sql``}
      order by f.created_at desc, f.id desc offset ${opts.offset} limit ${opts.limit}`);
    return rowsOf<{
      id: string; text: string; account: string | null; segment: string | null; theme: string | null; status: string; createdAt: string | Date;
      submitter: string | null; responded: boolean; acknowledged: boolean; ackDays: number | string | null; total: number;
    }>(r);
  },

  /** The themes behind "themes addressed", most items first (offset pagination). */
  async themeRecords(db: DbOrTx, spec: FeedbackMetricSpec, opts: { key?: string | null; onlyAddressed: boolean; offset: number; limit: number }) {
    const g = grouping(spec);
    const r = await db.execute(sql`
      with touched as (
        select f.theme_id, count(*)::int as items, max(f.created_at) as last from feedback_items f ${joins} ${g.joins}
        where ${where(spec)} and f.theme_id is not null${keyFilter(g.key, opts.key)}
        group by f.theme_id
      )
      select th.id, th.name, th.status, t.items, t.last as "lastAt", count(*) over ()::int as total
      from touched t join themes th on th.workspace_id = ${spec.workspaceId} and th.id = t.theme_id
      ${opts.onlyAddressed ? sql`where th.status = 'addressed'` : sql``}
      order by t.items desc, th.id offset ${opts.offset} limit ${opts.limit}`);
    return rowsOf<{ id: string; name: string; status: string; items: number; lastAt: string | Date; total: number }>(r);
  },

  /**
   * The themes of win/loss-reason feedback logged on the given lost deals, per deal loss-reason category
   * (`unstated` without one): items and deals per theme, most items first, at most `perReason` per category.
   */
  async reasonThemes(db: DbOrTx, workspaceId: string, lostDeals: SQL, perReason: number) {
    const r = await db.execute(sql`
      with lost as (${lostDeals}),
      per as (
        select coalesce(l.category, 'unstated') as category, th.id, th.name, count(*)::int as items, count(distinct f.deal_id)::int as deals
        from lost l
        join feedback_items f on f.workspace_id = ${workspaceId} and f.deal_id = l.id and f.kind in ('loss_reason', 'win_reason', 'objection', 'competitor_intel')
        join themes th on th.workspace_id = f.workspace_id and th.id = f.theme_id
        group by 1, 2, 3
      ), ranked as (select *, row_number() over (partition by category order by items desc, name) as n from per)
      select category, id, name, items, deals from ranked where n <= ${perReason} order by category, n`);
    return rowsOf<{ category: string; id: string; name: string; items: number; deals: number }>(r);
  },

  /** What moves when feedback or themes change (items logged, moved, acknowledged, answered; theme status): for readers that keep answers. */
  async fingerprint(db: DbOrTx, workspaceId: string): Promise<string> {
    const r = await db.execute(sql`
      select (select count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(max(acknowledged_at)::text, '') || ':' ||
                     coalesce(max(responded_at)::text, '') from feedback_items where workspace_id = ${workspaceId}) || '|' ||
             (select count(*) || ':' || coalesce(max(updated_at)::text, '') from themes where workspace_id = ${workspaceId}) as f`);
    return String(rowsOf<{ f: string }>(r)[0]?.f ?? '');
  },

  /**
   * Themes still to act on by revenue at stake (open pipeline + lost revenue of the deals behind their items, each
   * deal once per theme: the themes board's own `themeMetrics`), top `limit`.
   */
  async topThemesByRevenue(db: DbOrTx, workspaceId: string, limit: number) {
    const open = rowsOf<{ id: string; name: string; status: string }>(
      await db.execute(sql`
        select id, name, status from themes
        where workspace_id = ${workspaceId} and merged_into_id is null and status not in ('addressed', 'wont_address')`),
    );
    const metrics = await themesRepository.themeMetrics(db, workspaceId, open.map((t) => t.id));
    return open
      .map((t) => {
        const m = metrics.get(t.id);
        const openPipeline = Number(m?.openPipeline ?? 0);
        const lostRevenue = Number(m?.lostRevenue ?? 0);
        return {
          ...t,
          items: m?.items ?? 0,
          openPipeline: m?.openPipeline ?? '0',
          openDeals: m?.openDeals ?? 0,
          lostRevenue: m?.lostRevenue ?? '0',
          lostDeals: m?.lostDeals ?? 0,
          atStake: openPipeline + lostRevenue,
        };
      })
      .sort((a, b) => b.atStake - a.atStake || a.name.localeCompare(b.name))
      .slice(0, limit);
  },
};
