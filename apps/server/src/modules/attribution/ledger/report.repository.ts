/**
 * Reports over the ledger: credits summed per team (and segment), campaign or asset for deals of a period, every
 * model side by side, converted to the workspace's base currency with each deal's own rate (amount_base / amount).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { MODELS, TEAMS } from '../models/models.ts';

export interface ReportFilter {
  from: string;
  to: string;
  status: 'won' | 'open';
}

/** The base-currency rate of a deal row `d` (1 when the deal is already in it or has no base amount). */
const RATE = sql.raw(`coalesce(d.amount_base / nullif(d.amount, 0), 1)`);
const rate = 'coalesce(d.amount_base / nullif(d.amount, 0), 1)';

const scope = (ws: string, f: ReportFilter) =>
  sql`l.workspace_id = ${ws} and l.status = ${f.status} and l.period_date between ${f.from} and ${f.to}`;

/**
 * The ledger's rows with their live deal `d`, each deal looked up by id: as a plain join, on deals without statistics
 * yet (a fresh seed or import) the planner scanned every deal of the workspace once per ledger row (the demo's won
 * deals of 180 days: 72 against 14 ms; 21 against 12 ms once analysed). The credit agreement reads the same rows.
 */
export const LEDGER_DEALS = `from attribution_ledger l cross join lateral (
  select d.* from deals d where d.workspace_id = l.workspace_id and d.id = l.deal_id and d.removed_at is null limit 1) d`;
const join = sql.raw(LEDGER_DEALS);

export interface GroupRow {
  key: string;
  team: string | null;
  /** Cents in base currency, per model (MODELS order). */
  cents: bigint[];
}

function sums(expr: (m: number) => string): SQL {
  return sql.raw(MODELS.map((_, m) => `coalesce(round(sum(${expr(m)})), 0)::bigint::text as m${m}`).join(', '));
}

const toRow = (key: string, team: string | null, r: Record<string, unknown>): GroupRow => ({
  key,
  team,
  cents: MODELS.map((_, m) => BigInt(String(r[`m${m}`] ?? '0'))),
});

export const reportRepository = {
  async totals(tx: DbOrTx, ws: string, f: ReportFilter) {
    const res = await tx.execute<{ deals: number; attributed: number; total: string; unattributed_amount: string }>(sql`
      select count(*)::int as deals, count(*) filter (where cardinality(l.touchpoint_ids) > 0)::int as attributed,
             coalesce(round(sum(l.amount_cents * ${RATE})), 0)::bigint::text as total,
             coalesce(round(sum(l.amount_cents * ${RATE}) filter (where cardinality(l.touchpoint_ids) = 0)), 0)::bigint::text as unattributed_amount
      ${join} where ${scope(ws, f)}`);
    const r = res.rows[0]!;
    const sample = await tx.execute<{ deal_id: string; name: string; cents: string }>(sql`
      select l.deal_id, d.name, l.amount_cents::text as cents ${join}
       where ${scope(ws, f)} and cardinality(l.touchpoint_ids) = 0 order by l.amount_cents desc limit 10`);
    return { deals: r.deals, attributed: r.attributed, total: BigInt(r.total), unattributedAmount: BigInt(r.unattributed_amount), sample: sample.rows };
  },

  /** Per team: team_credits is 9 × 3, model-major (one pass per team keeps each query's columns m0..m8). */
  async byTeam(tx: DbOrTx, ws: string, f: ReportFilter): Promise<GroupRow[]> {
    const out: GroupRow[] = [];
    for (let t = 0; t < TEAMS.length; t++) {
      const one = await tx.execute<Record<string, unknown>>(sql`select ${sums((m) => `l.team_credits[${m * 3 + t + 1}] * ${rate}`)} ${join}
        where ${scope(ws, f)} and cardinality(l.touchpoint_ids) > 0`);
      out.push(toRow(TEAMS[t]!, TEAMS[t]!, one.rows[0] ?? {}));
    }
    return out;
  },

  /** Per segment (the account's) and team. */
  async bySegment(tx: DbOrTx, ws: string, f: ReportFilter): Promise<GroupRow[]> {
    const out: GroupRow[] = [];
    for (let t = 0; t < TEAMS.length; t++) {
      const res = await tx.execute<Record<string, unknown>>(sql`select coalesce(a.segment, '') as key,
          ${sums((m) => `l.team_credits[${m * 3 + t + 1}] * ${rate}`)}
        ${join} left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
        where ${scope(ws, f)} and cardinality(l.touchpoint_ids) > 0 group by 1 order by 1`);
      for (const r of res.rows) out.push(toRow(String(r.key), TEAMS[t]!, r));
    }
    return out;
  },

  /** Per touchpoint campaign or asset: each touchpoint's credit under model m is credits[m·n + its position]. */
  async byTouchpointField(tx: DbOrTx, ws: string, f: ReportFilter, field: 'campaign' | 'asset'): Promise<GroupRow[]> {
    const key = field === 'campaign' ? `coalesce(t.campaign, '')` : `coalesce(t.asset_id::text, '')`;
    const res = await tx.execute<Record<string, unknown>>(sql`select ${sql.raw(key)} as key,
        ${sums((m) => `l.credits[${m} * cardinality(l.touchpoint_ids) + u.ord] * ${rate}`)}
      ${join}
      cross join lateral unnest(l.touchpoint_ids) with ordinality as u(tid, ord)
      join touchpoints t on t.workspace_id = l.workspace_id and t.id = u.tid
      where ${scope(ws, f)} group by 1 order by 1 limit 500`);
    return res.rows.map((r) => toRow(String(r.key), null, r));
  },

  /** Deals of the period with an accepted dispute: their base-currency rate and segment, for the adjusted figures. */
  async adjustedDeals(tx: DbOrTx, ws: string, f: ReportFilter) {
    const res = await tx.execute<{ deal_id: string; segment: string; rate: string }>(sql`
      select l.deal_id, coalesce(a.segment, '') as segment, ${RATE}::text as rate
      ${join} left join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
      where ${scope(ws, f)} and exists (select 1 from attribution_disputes x
        where x.workspace_id = l.workspace_id and x.deal_id = l.deal_id and x.status = 'accepted')`);
    return res.rows.map((r) => ({ dealId: r.deal_id, segment: r.segment, rate: Number(r.rate) }));
  },

  async assetTitles(tx: DbOrTx, ws: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const res = await tx.execute<{ id: string; title: string }>(sql`select id::text, title from assets where workspace_id = ${ws} and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
    return new Map(res.rows.map((r) => [r.id, r.title]));
  },

  async baseCurrency(tx: DbOrTx, ws: string): Promise<string> {
    const res = await tx.execute<{ c: string }>(sql`select base_currency as c from workspaces where id = ${ws}`);
    return res.rows[0]?.c ?? 'USD';
  },
};
