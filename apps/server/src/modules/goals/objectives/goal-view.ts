/** A goal as the API answers it: rows, owners' names and each key result's place against its path today. */
import { fiscalQuarterOf, type Goal, type GoalPerson, type KeyResult, type Role } from '@tandem/contracts';
import type { GoalRow, KeyResultRow, Member } from './objectives.repository.ts';
import { keyResultStatus } from './status.ts';

export const person = (userId: string, m: Member | undefined): GoalPerson => ({ userId, name: m?.name ?? 'Former member', role: (m?.role as Role) ?? null });

export function periodOf(goal: Pick<GoalRow, 'periodKind' | 'periodStart' | 'periodEnd'>, fiscalStartMonth: number) {
  const label =
    goal.periodKind === 'quarter' ? fiscalQuarterOf(goal.periodStart, fiscalStartMonth).label : `${goal.periodStart} – ${goal.periodEnd}`;
  return { kind: goal.periodKind, label, start: goal.periodStart, end: goal.periodEnd };
}

const numOrNull = (v: string | null) => (v === null ? null : Number(v));

export type Counts = { numerator: number | null; denominator: number | null };

export function keyResultView(kr: KeyResultRow, goal: GoalRow, today: string, counts?: Counts): KeyResult {
  const value = numOrNull(kr.currentValue);
  const { expected, progress } = keyResultStatus({
    baseline: Number(kr.baseline),
    target: Number(kr.target),
    value,
    start: goal.periodStart,
    end: goal.periodEnd,
    today,
  });
  return {
    id: kr.id,
    goalId: kr.goalId,
    position: kr.position,
    title: kr.title,
    kind: kr.kind,
    metric: kr.metric,
    filters: kr.filters,
    byAmount: kr.byAmount,
    baseline: Number(kr.baseline),
    target: Number(kr.target),
    direction: kr.direction,
    unit: kr.unit,
    current: { value, numerator: value === null ? null : (counts?.numerator ?? null), denominator: value === null ? null : (counts?.denominator ?? null), noData: value === null },
    expected,
    progress,
    status: kr.status,
    statusChangedAt: kr.statusChangedAt?.toISOString() ?? null,
    evaluatedAt: kr.evaluatedAt?.toISOString() ?? null,
  };
}

export function goalView(
  goal: GoalRow,
  ownerIds: readonly string[],
  krs: readonly KeyResultRow[],
  members: Map<string, Member>,
  fiscalStartMonth: number,
  today: string,
  counts: Map<string, Counts> = new Map(),
): Goal {
  return {
    id: goal.id,
    title: goal.title,
    why: goal.why,
    period: periodOf(goal, fiscalStartMonth),
    status: goal.status,
    owners: ownerIds.map((id) => person(id, members.get(id))).sort((a, b) => a.name.localeCompare(b.name)),
    keyResults: krs.filter((kr) => kr.goalId === goal.id).map((kr) => keyResultView(kr, goal, today, counts.get(kr.id))),
    createdBy: goal.createdByUserId ? person(goal.createdByUserId, members.get(goal.createdByUserId)) : null,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}
