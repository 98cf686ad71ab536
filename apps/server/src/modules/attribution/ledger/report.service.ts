/** The attribution report: every model side by side for a period, the spread (max − min) beside every figure. */
import type { z } from 'zod';
import { TOUCHPOINT_TEAM_LABELS, type AttributionReport, type AttributionReportQuery } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { attributionRepository } from '../attribution.repository.ts';
import { RULES, modelInEffect } from '../attribution.service.ts';
import { MODELS, money } from '../deal-credit.ts';
import { reportRepository as repo, type GroupRow } from './report.repository.ts';

type Query = z.output<typeof AttributionReportQuery>;

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
        const rows = groups.map((g) => {
          const min = g.cents.reduce((a, b) => (b < a ? b : a));
          const max = g.cents.reduce((a, b) => (b > a ? b : a));
          return {
            key: g.team && q.groupBy === 'segment' ? `${g.key}:${g.team}` : g.key,
            label: label(g),
            team: (g.team as AttributionReport['rows'][number]['team']) ?? null,
            byModel: Object.fromEntries(MODELS.map((m, k) => [m, money(g.cents[k]!)])) as AttributionReport['rows'][number]['byModel'],
            min: money(min),
            max: money(max),
            spread: money(max - min),
            modelOfRecord: modelOfRecord ? money(g.cents[MODELS.indexOf(modelOfRecord)]!) : null,
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
          rows,
          rules: RULES,
        };
      });
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
