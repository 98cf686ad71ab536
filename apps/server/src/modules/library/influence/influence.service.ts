import type { Influence, InfluenceGroup } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { addAmounts } from './amounts.ts';
import { influenceRepository as repo, type InfluenceCellRow } from './influence.repository.ts';
import { winRateOf } from './win-rate.ts';

/** What the page says under the numbers, in plain words. */
export const INFLUENCE_CAVEAT =
  'These numbers show which deals this asset was associated with, not that it caused the outcome: reps choose when to use material, and the deals they use it on may differ in ways no segment or quarter captures.';

export function groupOf(rows: InfluenceCellRow[]): InfluenceGroup {
  const won = rows.filter((r) => r.category === 'won');
  const lost = rows.filter((r) => r.category === 'lost');
  const count = (rs: InfluenceCellRow[]) => rs.reduce((n, r) => n + r.deals, 0);
  return {
    winRate: winRateOf(count(won), count(won) + count(lost)),
    lost: count(lost),
    revenue: addAmounts('0', ...won.map((r) => r.amount)),
    closedAmount: addAmounts('0', ...rows.map((r) => r.amount)),
    withoutAmount: rows.reduce((n, r) => n + r.withoutAmount, 0),
  };
}

/** The closed deals an asset touched before they closed against those it did not, from the same segments and quarters. */
export function createInfluenceService(deps: Deps) {
  const { database } = deps;

  return {
    async get(ctx: TenantContext, assetId: string): Promise<Influence> {
      return database.readTenant(ctx.workspaceId, async (tx) => {
        if (!(await repo.assetExists(tx, ctx.workspaceId, assetId))) throw E.assetNotFound(assetId);
        const rows = await repo.cells(tx, ctx.workspaceId, assetId);
        const openRow = await repo.openTouched(tx, ctx.workspaceId, assetId);
        const open = { deals: openRow.deals, amount: addAmounts(openRow.amount) };
        const baseCurrency = await repo.baseCurrency(tx, ctx.workspaceId);
        const touched = groupOf(rows.filter((r) => r.touched));
        const comparison = groupOf(rows.filter((r) => !r.touched));
        const cellKey = (r: { segment: string | null; quarter: string }) => `${r.segment ?? ''}\u0001${r.quarter}`;
        const cells = new Map<string, Influence['cells'][number]>();
        for (const r of rows) {
          const cell = cells.get(cellKey(r)) ?? { segment: r.segment, quarter: r.quarter, touched: 0, comparison: 0 };
          if (r.touched) cell.touched += r.deals;
          else cell.comparison += r.deals;
          cells.set(cellKey(r), cell);
        }
        const touchedClosed = touched.winRate.closed;
        return {
          assetId,
          baseCurrency,
          method: 'same_segment_and_close_quarter',
          touched,
          comparison,
          cells: [...cells.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || (a.segment ?? '').localeCompare(b.segment ?? '')),
          influencedPipeline: {
            deals: touchedClosed + open.deals,
            amount: addAmounts(touched.closedAmount, open.amount),
            open,
          },
          influencedRevenue: { deals: touched.winRate.won, amount: touched.revenue },
          caveat: INFLUENCE_CAVEAT,
        };
      });
    },
  };
}

export type InfluenceService = ReturnType<typeof createInfluenceService>;
