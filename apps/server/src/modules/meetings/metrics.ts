/**
 * The meetings' numbers for a period [from, to] (UTC days): action items due in it done by the end of their due day;
 * occurrences scheduled in it (started by now) against those held (attendance kept); attendance by team over the
 * held ones (present / expected, the team by role: marketing, sales, admin).
 */
import type { MeetingMetrics } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { meetingsRepository as repo } from './meetings.repository.ts';
import { ruleOf, teamOf } from './occurrence-detail.ts';
import { occurrencesBetween } from './recurrence.ts';

export async function meetingMetrics(db: DbOrTx, workspaceId: string, period: { from: string; to: string }, now: Date): Promise<MeetingMetrics> {
  const from = new Date(`${period.from}T00:00:00Z`);
  const end = new Date(new Date(`${period.to}T00:00:00Z`).getTime() + 86_400_000);
  const to = new Date(Math.min(end.getTime(), now.getTime()));
  const due = await repo.actionItemsDue(db, workspaceId, period.from, period.to);
  let scheduled = 0;
  for (const s of await repo.series(db, workspaceId)) scheduled += occurrencesBetween(ruleOf(s), from, to).length;
  // A meeting held early (attendance kept before its start) still counts as held, and as scheduled.
  const held = await repo.heldOccurrences(db, workspaceId, from, end);
  const byTeam = new Map<'marketing' | 'sales' | 'admin', { numerator: number; denominator: number }>();
  for (const a of await repo.attendanceOf(db, workspaceId, held.map((h) => h.id))) {
    const t = byTeam.get(teamOf(a.role)) ?? { numerator: 0, denominator: 0 };
    t.denominator += 1;
    if (a.present) t.numerator += 1;
    byTeam.set(teamOf(a.role), t);
  }
  return {
    actionItemsOnTime: { numerator: Number(due.numerator), denominator: Number(due.denominator) },
    meetingsHeld: { numerator: held.length, denominator: Math.max(scheduled, held.length) },
    attendanceByTeam: (['marketing', 'sales', 'admin'] as const).filter((t) => byTeam.has(t)).map((team) => ({ team, ...byTeam.get(team)! })),
  };
}
