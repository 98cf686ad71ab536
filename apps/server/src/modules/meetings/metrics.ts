/**
 * The meetings' numbers for a period [from, to] (UTC days): action items due in it done by the end of their due day;
 * occurrences scheduled in it (started by now) against those held (attendance kept); attendance by team over the
 * held ones (present / expected, the team by role: marketing, sales, admin). The goals catalogue counts the same
 * through `meetingsMetricSource` (metric-source.ts), by workspace team rather than role.
 */
import type { MeetingMetrics } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { meetingsRepository as repo } from './meetings.repository.ts';
import { ruleOf, teamOf } from './occurrence-detail.ts';
import { occurrencesBetween } from './recurrence.ts';

/** The instants of the UTC days [from, to]: from's midnight to the midnight after `to`. */
export function periodInstants(period: { from: string; to: string }) {
  return { start: new Date(`${period.from}T00:00:00Z`), end: new Date(new Date(`${period.to}T00:00:00Z`).getTime() + 86_400_000) };
}

/**
 * Meetings held of those scheduled in the period: every occurrence the series' rules place in it and that has
 * started by now, and every one held in it (a meeting held early, before its start, counts as held and as
 * scheduled), each (series, number) once.
 */
export async function meetingsHeld(db: DbOrTx, workspaceId: string, period: { from: string; to: string }, now: Date) {
  const { start, end } = periodInstants(period);
  const until = new Date(Math.min(end.getTime(), now.getTime()));
  const scheduled = new Set<string>();
  for (const s of await repo.series(db, workspaceId)) for (const o of occurrencesBetween(ruleOf(s), start, until)) scheduled.add(`${s.id}:${o.seq}`);
  const held = await repo.heldOccurrences(db, workspaceId, start, end);
  for (const h of held) scheduled.add(`${h.series_id}:${h.seq}`);
  return { held, numerator: held.length, denominator: scheduled.size };
}

export async function meetingMetrics(db: DbOrTx, workspaceId: string, period: { from: string; to: string }, now: Date): Promise<MeetingMetrics> {
  const [due] = await repo.actionItemsDue(db, workspaceId, period.from, period.to);
  const { held, numerator, denominator } = await meetingsHeld(db, workspaceId, period, now);
  const byTeam = new Map<'marketing' | 'sales' | 'admin', { numerator: number; denominator: number }>();
  for (const a of await repo.attendanceOf(db, workspaceId, held.map((h) => h.id))) {
    const t = byTeam.get(teamOf(a.role)) ?? { numerator: 0, denominator: 0 };
    t.denominator += 1;
    if (a.present) t.numerator += 1;
    byTeam.set(teamOf(a.role), t);
  }
  return {
    actionItemsOnTime: { numerator: Number(due?.numerator ?? 0), denominator: Number(due?.denominator ?? 0) },
    meetingsHeld: { numerator, denominator },
    attendanceByTeam: (['marketing', 'sales', 'admin'] as const).filter((t) => byTeam.has(t)).map((team) => ({ team, ...byTeam.get(team)! })),
  };
}
