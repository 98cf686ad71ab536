/** The attribution report: every model side by side for a period, the spread (max − min) beside every figure. */
import type { z } from 'zod';
import { TOUCHPOINT_TEAM_LABELS, type AttributionReport, type AttributionReportQuery } from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { attributionRepository } from '../attribution.repository.ts';
import { RULES, modelInEffect } from '../attribution.service.ts';
import { MODELS, TEAMS, adjustedCredits, adjustmentOf, dealCredits, money } from '../deal-credit.ts';
import type { Model } from '../models/models.ts';
import { reportRepository as repo, type GroupRow } from './report.repository.ts';

type Query = z.output<typeof AttributionReportQuery>;
type GroupBy = Query['groupBy'];

/**
 * What accepted disputes change in the period's figures under the model of record, as base-currency cents per row
 * key: each adjusted deal recomputed live with and without its adjustment (the deal view's rule), the difference
 * added to the ledger's unadjusted figure. Disputes are few, so this stays a handful of small queries.
 */
async function adjustmentDeltas(tx: Tx, workspaceId: string, f: { from: string; to: string; status: 'won' | 'open' }, model: Model, groupBy: GroupBy) {
  const deltas = new Map<string, number>();
  const add = (key: string, cents: bigint, rate: number) => deltas.set(key, (deltas.get(key) ?? 0) + Number(cents) * rate);
  const list = await repo.adjustedDeals(tx, workspaceId, f);
  if (!list.length) return { deltas, deals: 0 };
  const facts = await attributionRepository.deals(tx, workspaceId, list.map((d) => d.dealId));
  const halfLife = await attributionRepository.halfLifeDays(tx, workspaceId);
  const now = Date.now();
  const k = MODELS.indexOf(model);
  for (const { dealId, segment, rate } of list) {
    const deal = facts.get(dealId);
    if (!deal || deal.amountCents === null) continue;
    const rows = await attributionRepository.dealTouchpoints(tx, workspaceId, dealId);
    const touches = rows.map((t) => ({ id: t.id, occurredAt: t.occurredAt.getTime(), team: t.team }));
    const facts1 = { ...deal, amountCents: deal.amountCents, status: deal.stageCategory === 'won' ? ('won' as const) : ('open' as const) };
    const before = dealCredits(facts1, touches, halfLife, now);
    if (!before.counted.length) continue;
    const after = adjustedCredits(facts1, touches, halfLife, now, model, adjustmentOf(await attributionRepository.acceptedDisputes(tx, workspaceId, dealId)));
    if (groupBy === 'team' || groupBy === 'segment') {
      TEAMS.forEach((team, t) => add(groupBy === 'team' ? team : `${segment}:${team}`, after.teams[t]! - before.teamCredits[k]![t]!, rate));
    } else {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const keyOf = (id: number) => (groupBy === 'campaign' ? byId.get(id)?.campaign : byId.get(id)?.assetId) ?? '';
      before.counted.forEach((t, i) => add(keyOf(t.id), -before.credits[k]![i]!, rate));
      after.counted.forEach((t, i) => add(keyOf(t.id), after.lines[i]!, rate));
    }
  }
  return { deltas, deals: list.length };
}

export function createReportService(deps: Deps) {
  return {
    async report(ctx: TenantContext, q: Query): Promise<AttributionReport> {
      return deps.database.readTenant(ctx.workspaceId, async (tx) => {
        const f = { from: q.from, to: q.to, status: q.status };
        const history = (await attributionRepository.modelOfRecordHistory(tx, ctx.workspaceId)).map((h) => h.row);
        const modelOfRecord = modelInEffect(history, q.to);
        const totals = await repo.totals(tx, ctx.workspaceId, f);
        let groups: GroupRow[];
        let label = (g: GroupRow) => g.key || '(none)';
        switch (q.groupBy) {
          case 'team':
            groups = await repo.byTeam(tx, ctx.workspaceId, f);
            label = (g) => TOUCHPOINT_TEAM_LABELS[g.team as keyof typeof TOUCHPOINT_TEAM_LABELS];
            break;
          case 'segment':
            groups = await repo.bySegment(tx, ctx.workspaceId, f);
            label = (g) => `${g.key || 'No segment'} · ${TOUCHPOINT_TEAM_LABELS[g.team as keyof typeof TOUCHPOINT_TEAM_LABELS]}`;
            break;
          case 'campaign':
            groups = await repo.byTouchpointField(tx, ctx.workspaceId, f, 'campaign');
            label = (g) => g.key || 'No campaign';
            break;
          case 'asset': {
            groups = await repo.byTouchpointField(tx, ctx.workspaceId, f, 'asset');
            const titles = await repo.assetTitles(tx, ctx.workspaceId, groups.map((g) => g.key).filter(Boolean));
            label = (g) => (g.key ? (titles.get(g.key) ?? g.key) : 'No asset');
            break;
          }
          default: {
            const never: never = q.groupBy;
            throw new Error(`unknown grouping ${String(never)}`);
          }
        }
        const adjusted = modelOfRecord ? await adjustmentDeltas(tx, ctx.workspaceId, f, modelOfRecord, q.groupBy) : { deltas: new Map<string, number>(), deals: 0 };
        const rows = groups.map((g) => {
          const min = g.cents.reduce((a, b) => (b < a ? b : a));
          const max = g.cents.reduce((a, b) => (b > a ? b : a));
          const key = g.team && q.groupBy === 'segment' ? `${g.key}:${g.team}` : g.key;
          const mor = modelOfRecord ? g.cents[MODELS.indexOf(modelOfRecord)]! : null;
          return {
            key,
            label: label(g),
            team: (g.team as AttributionReport['rows'][number]['team']) ?? null,
            byModel: Object.fromEntries(MODELS.map((m, k) => [m, money(g.cents[k]!)])) as AttributionReport['rows'][number]['byModel'],
            min: money(min),
            max: money(max),
            spread: money(max - min),
            modelOfRecord: mor === null ? null : money(mor),
            adjusted: mor === null ? null : money(mor + BigInt(Math.round(adjusted.deltas.get(key) ?? 0))),
          };
        });
        return {
          from: q.from,
          to: q.to,
          status: q.status,
          groupBy: q.groupBy,
          currency: await repo.baseCurrency(tx, ctx.workspaceId),
          deals: totals.deals,
          attributedDeals: totals.attributed,
          unattributed: {
            deals: totals.deals - totals.attributed,
            amount: money(totals.unattributedAmount),
            sample: totals.sample.map((s) => ({ dealId: s.deal_id, name: s.name, amount: money(BigInt(s.cents)) })),
          },
          total: money(totals.total),
          modelOfRecord,
          adjustedDeals: adjusted.deals,
          rows,
          rules: RULES,
        };
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
