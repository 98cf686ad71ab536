/**
 * A goal's status change is told to its active owners (`goal.status_changed`, in the transaction that writes it),
 * never to the person whose change caused it. The answer says who was told.
 */
import { GOAL_STATUS_LABELS, type GoalPerson, type GoalStatus, type Role } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { objectivesRepository as repo, type GoalRow } from './objectives/objectives.repository.ts';

/** "is now at risk (was on track)". */
export const statusChangeWords = (from: GoalStatus, to: GoalStatus) =>
  `is now ${GOAL_STATUS_LABELS[to].toLowerCase()} (was ${GOAL_STATUS_LABELS[from].toLowerCase()})`;

export async function tellOwners(
  deps: Pick<Deps, 'emit'>,
  tx: DbOrTx,
  workspaceId: string,
  actor: Actor,
  goal: GoalRow,
  from: GoalStatus,
  to: GoalStatus,
): Promise<GoalPerson[]> {
  const ownerIds = (await repo.ownersOf(tx, workspaceId, [goal.id])).get(goal.id) ?? [];
  const members = await repo.members(tx, workspaceId, ownerIds);
  const told = ownerIds.filter((id) => id !== actor.userId && members.get(id)?.active);
  await deps.emit(tx, {
    workspaceId,
    type: 'goal.status_changed',
    payload: {
      goalId: goal.id,
      title: goal.title,
      from,
      to,
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      text: `“${goal.title}” ${statusChangeWords(from, to)}`,
      recipientUserIds: told,
    },
    actorUserId: actor.userId,
  });
  return told.map((userId) => ({ userId, name: members.get(userId)!.name, role: members.get(userId)!.role as Role }));
}
