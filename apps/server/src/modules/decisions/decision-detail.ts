/**
 * Reading decisions: a decision's page (DecisionDetail) as the caller sees it — shared by the reads and every
 * change's answer — and the log's summaries.
 */
import { can, type DecisionDetail, type DecisionKind, type DecisionOutcome, type DecisionPerson, type DecisionStance, type DecisionSummary } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import { countStances, isWindowOpen, phaseOf } from './decision-window.ts';
import { DecisionsErrors as E } from './decisions.errors.ts';
import { decisionsRepository as repo, type DecisionRow, type ListRow } from './decisions.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The decision, or 404 (one of another workspace is not found: row-level security and the filter agree). */
export async function decisionOr404(db: DbOrTx, ctx: TenantContext, id: string, lock = false): Promise<DecisionRow> {
  const row = await repo.byId(db, ctx.workspaceId, id, lock);
  if (!row) throw E.notFound(id);
  return row;
}

/** The owner or an admin with the write permission. */
export const ownsOrAdmin = (ctx: TenantContext, row: Pick<DecisionRow, 'ownerUserId'>) =>
  can(ctx.role, 'decisions.write') && (row.ownerUserId === ctx.actor.userId || ctx.role === 'admin');

export async function decisionDetail(db: DbOrTx, ctx: TenantContext, id: string, now: Date): Promise<DecisionDetail> {
  const row = await decisionOr404(db, ctx, id);
  // One after the other: `db` may be a transaction's single connection.
  const stakeholders = await repo.stakeholders(db, ctx.workspaceId, id);
  const inputs = await repo.inputs(db, ctx.workspaceId, id);
  const outcomes = await repo.outcomes(db, ctx.workspaceId, id);
  const links = await repo.links(db, ctx.workspaceId, id);
  const people = await repo.members(db, ctx.workspaceId, [row.ownerUserId, ...outcomes.flatMap((o) => [o.decidedByUserId, o.reopenedByUserId].filter((u): u is string => !!u))]);
  const person = (userId: string | null): DecisionPerson | null => (userId && people.has(userId) ? { userId, name: people.get(userId)!.name } : null);

  const current = new Map(inputs.filter((i) => i.round === row.round).map((i) => [i.userId, i]));
  const countsOf = (round: number) => countStances(inputs.filter((i) => i.round === round).map((i) => i.stance as DecisionStance));
  const outcomeOf = (o: (typeof outcomes)[number]): DecisionOutcome => ({
    round: o.round,
    chosenOption: o.chosenOption,
    rationale: o.rationale,
    whatChanged: o.whatChanged,
    decidedAt: iso(o.decidedAt),
    decidedBy: person(o.decidedByUserId),
    counts: countsOf(o.round),
    reopenedAt: o.reopenedAt ? iso(o.reopenedAt) : null,
    reopenedBy: person(o.reopenedByUserId),
    reopenReason: o.reopenReason,
  });
  const currentOutcome = row.status === 'decided' ? outcomes.find((o) => o.round === row.round) : undefined;
  const counts = countsOf(row.round);
  const me = ctx.actor.userId;
  const isStakeholder = !!me && stakeholders.some((s) => s.userId === me);
  const open = row.status === 'open' && isWindowOpen(row.inputClosesAt, now);
  const owner = ownsOrAdmin(ctx, row);

  return {
    id: row.id,
    title: row.title,
    kind: row.kind as DecisionKind,
    phase: phaseOf(row.status, row.inputClosesAt, now),
    owner: person(row.ownerUserId) ?? { userId: row.ownerUserId, name: 'A former member' },
    inputOpenedAt: iso(row.inputOpenedAt),
    inputClosesAt: iso(row.inputClosesAt),
    decideBy: row.decideBy,
    round: row.round,
    stakeholderCount: stakeholders.length,
    counts,
    chosenOption: currentOutcome?.chosenOption ?? null,
    decidedAt: currentOutcome ? iso(currentOutcome.decidedAt) : null,
    awaitingMyInput: open && isStakeholder && !current.has(me!),
    createdAt: iso(row.createdAt),
    context: row.context,
    options: row.options,
    stakeholders: stakeholders.map((s) => {
      const input = current.get(s.userId);
      return {
        userId: s.userId,
        name: s.name,
        role: s.role,
        via: s.via,
        viaLabel: s.viaLabel,
        input: input ? { stance: input.stance as DecisionStance, comment: input.comment, updatedAt: iso(input.updatedAt) } : null,
      };
    }),
    outcome: currentOutcome ? outcomeOf(currentOutcome) : null,
    history: outcomes.filter((o) => o !== currentOutcome).map(outcomeOf),
    links,
    anyObjection: counts.object > 0,
    permissions: {
      giveInput: open && isStakeholder && can(ctx.role, 'decisions.input'),
      decide: owner && row.status === 'open',
      reopen: owner && row.status === 'decided',
      editLinks: owner,
    },
  };
}

export function summaryOf(r: ListRow, now: Date): DecisionSummary {
  const closesAt = new Date(r.input_closes_at);
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as DecisionKind,
    phase: phaseOf(r.status, closesAt, now),
    owner: { userId: r.owner_user_id, name: r.owner_name },
    inputClosesAt: closesAt.toISOString(),
    decideBy: r.decide_by,
    round: r.round,
    stakeholderCount: r.stakeholder_count,
    counts: { support: r.support, concern: r.concern, object: r.object },
    chosenOption: r.status === 'decided' ? r.chosen_option : null,
    decidedAt: r.status === 'decided' && r.decided_at ? iso(r.decided_at) : null,
    awaitingMyInput: r.asked_me && r.status === 'open' && isWindowOpen(closesAt, now),
    createdAt: iso(r.created_at),
  };
}
