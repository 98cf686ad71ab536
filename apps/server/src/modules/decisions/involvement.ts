/**
 * The scorecard's involvement rate: decisions with sales input before the decision / all decisions, over the
 * decisions whose outcome was recorded in [from, to) (docs/decisions/0017-decision-input-window.md). The goals
 * metric catalogue calls it through the module's index, in its tenant transaction.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import { decisionsRepository as repo } from './decisions.repository.ts';

export interface InvolvementRate {
  /** Decided decisions that had input from a sales rep or sales lead before the outcome. */
  numerator: number;
  /** Decisions decided in the period. */
  denominator: number;
}

export function involvementRate(db: DbOrTx, ctx: Pick<TenantContext, 'workspaceId'>, period: { from: Date; to: Date }): Promise<InvolvementRate> {
  return repo.involvement(db, ctx.workspaceId, period.from, period.to);
}
