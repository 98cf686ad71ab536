/**
 * What the Alignment Index reads of attribution (territory and credit, responsibility for results), as of an instant:
 * the disputes raised in a window and whether they were resolved, the won revenue of a window whose credit stood
 * agreed (attributed, a model of record chosen, no dispute open on the deal), and each model's team credits summed
 * over that revenue. Amounts in the workspace's base currency, each deal at its own rate (as the reports do).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { LEDGER_DEALS } from './ledger/report.repository.ts';
import { MODELS, TEAMS } from './models/models.ts';

export interface CreditAgreementFigures {
  /** Disputes raised in [from, to − settleDays]: how many, how many resolved by `to`, the median days to resolve. */
  disputes: { raised: number; resolved: number; medianDaysToResolve: number | null };
  /** Won deals closed in [from, to] (days, UTC): their count and base-currency amount; those whose credit stood agreed at `to`. */
  won: { deals: number; amount: number; attributedDeals: number; agreedDeals: number; agreedAmount: number };
  /** Whether an admin had chosen a model of record by `to`. */
  modelOfRecordChosen: boolean;
  /** teamCredits[model][team] (MODELS × TEAMS order) summed over the attributed won deals, base currency. */
  teamCredits: number[][];
}

const RATE = 'coalesce(d.amount_base / nullif(d.amount, 0), 1)';

/** One read for the index's three attribution signals (disputes get `settleDays` to be resolved before they count). */
export async function creditAgreementFigures(db: DbOrTx, workspaceId: string, window: { from: Date; to: Date }, settleDays = 7): Promise<CreditAgreementFigures> {
  const fromDay = window.from.toISOString().slice(0, 10);
  const toDay = window.to.toISOString().slice(0, 10);
  const settled = new Date(window.to.getTime() - settleDays * 86_400_000);
  const disputes = await db.execute<{ raised: number; resolved: number; median_days: number | null }>(sql`
    select count(*)::int as raised,
           count(*) filter (where resolved_at <= ${window.to})::int as resolved,
           (percentile_cont(0.5) within group (order by extract(epoch from resolved_at - raised_at) / 86400)
              filter (where resolved_at <= ${window.to}))::float8 as median_days
      from attribution_disputes
     where workspace_id = ${workspaceId} and raised_at >= ${window.from} and raised_at <= ${settled}`);
  const mor = await db.execute<{ chosen: boolean }>(sql`
    select exists (select 1 from attribution_model_of_record where workspace_id = ${workspaceId} and chosen_at <= ${window.to}) as chosen`);
  const chosen = mor.rows[0]?.chosen === true;
  const credits = MODELS.flatMap((_, m) => TEAMS.map((_t, t) => `coalesce(sum(l.team_credits[${m * 3 + t + 1}] * ${RATE}) filter (where cardinality(l.touchpoint_ids) > 0), 0)::float8 as c${m}_${t}`));
  const won = await db.execute<Record<string, number>>(sql`
    select count(*)::int as deals, coalesce(sum(l.amount_cents * ${sql.raw(RATE)}), 0)::float8 as amount,
           count(*) filter (where cardinality(l.touchpoint_ids) > 0)::int as attributed,
           count(*) filter (where cardinality(l.touchpoint_ids) > 0 and ${chosen} and not exists (
             select 1 from attribution_disputes x where x.workspace_id = l.workspace_id and x.deal_id = l.deal_id
                and x.raised_at <= ${window.to} and (x.resolved_at is null or x.resolved_at > ${window.to})))::int as agreed,
           coalesce(sum(l.amount_cents * ${sql.raw(RATE)}) filter (where cardinality(l.touchpoint_ids) > 0 and ${chosen} and not exists (
             select 1 from attribution_disputes x where x.workspace_id = l.workspace_id and x.deal_id = l.deal_id
                and x.raised_at <= ${window.to} and (x.resolved_at is null or x.resolved_at > ${window.to}))), 0)::float8 as agreed_amount,
           ${sql.raw(credits.join(', '))}
      ${sql.raw(LEDGER_DEALS)}
     where l.workspace_id = ${workspaceId} and l.status = 'won' and l.period_date between ${fromDay}::date and ${toDay}::date`);
  const d = disputes.rows[0]!;
  const w = won.rows[0]!;
  return {
    disputes: { raised: d.raised, resolved: d.resolved, medianDaysToResolve: d.median_days === null ? null : Number(d.median_days) },
    won: { deals: w.deals!, amount: Number(w.amount) / 100, attributedDeals: w.attributed!, agreedDeals: w.agreed!, agreedAmount: Number(w.agreed_amount) / 100 },
    modelOfRecordChosen: chosen,
    teamCredits: MODELS.map((_, m) => TEAMS.map((_t, t) => Number(w[`c${m}_${t}`] ?? 0) / 100)),
  };
}
