/**
 * The daily summary of feedback waiting for triage, for the people who triage it (marketing and admins): once
 * per workspace and day (UTC), from the summary hour on (07:00 UTC; each person's digest then carries it at their
 * 08:00, or the next one for people east of UTC). The
 * hourly job may run any number of times on any number of workers: the day's row, written in the transaction
 * that emits the event, makes a second run find nothing to do.
 */
import type { Deps } from '../../../lib/deps.ts';
import { emit } from '../outbox/emit.ts';
import { summaryRepository as repo } from './summary.repository.ts';

export const SUMMARY_HOUR = 7;

/** Emits today's summary for every workspace that is due and has none yet; answers how many were emitted. */
export async function emitUntriagedSummaries(deps: Deps, hour = SUMMARY_HOUR): Promise<number> {
  const due = await deps.database.withSystem((tx) => repo.dueWorkspaces(tx, hour));
  let emitted = 0;
  for (const { workspaceId, day } of due) {
    const sent = await deps.database.withTenant(workspaceId, async (tx) => {
      const counts = await repo.untriaged(tx, workspaceId);
      if (!(await repo.claimDay(tx, workspaceId, day, counts.untriaged))) return false;
      // Nothing waits: the day is recorded, nobody is bothered.
      if (counts.untriaged === 0) return false;
      const event = await emit(tx, {
        workspaceId,
        type: 'feedback.untriaged_summary',
        payload: {
          day,
          untriaged: counts.untriaged,
          lastDay: counts.lastDay,
          oldestAt: counts.oldestAt?.toISOString() ?? null,
          recipientUserIds: await repo.triagers(tx, workspaceId),
        },
      });
      await repo.setEvent(tx, workspaceId, day, event.id);
      return true;
    });
    if (sent) emitted++;
  }
  return emitted;
}
