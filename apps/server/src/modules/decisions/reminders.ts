/**
 * The day-before reminder: stakeholders who have not answered are told once per window, a day before it closes.
 * The claim (`reminded_round` set to the decision's round) is written in the transaction that emits, so however
 * often and on however many workers the job runs, each person hears once per round; a reopened decision (a new
 * round) reminds again.
 */
import type { Deps } from '../../lib/deps.ts';
import { REMIND_BEFORE_MS } from './decision-window.ts';
import { decisionsRepository as repo } from './decisions.repository.ts';

/** Every fifteen minutes: a reminder goes out at most a quarter of an hour after it is due. */
export const DECISION_REMINDERS_CRON = '*/15 * * * *';

/** Reminds one workspace's stakeholders; answers how many people were reminded. */
export async function remindWorkspace(deps: Deps, workspaceId: string, now: Date): Promise<number> {
  return deps.database.withTenant(workspaceId, async (tx) => {
    const claimed = await repo.claimReminders(tx, workspaceId, now, REMIND_BEFORE_MS);
    const byDecision = new Map<string, { title: string; inputClosesAt: Date; userIds: string[] }>();
    for (const c of claimed) {
      const entry = byDecision.get(c.decisionId) ?? { title: c.title, inputClosesAt: c.inputClosesAt, userIds: [] };
      entry.userIds.push(c.userId);
      byDecision.set(c.decisionId, entry);
    }
    for (const [decisionId, d] of byDecision) {
      await deps.emit(tx, {
        workspaceId,
        type: 'decision.input_reminder',
        payload: { decisionId, title: d.title, inputClosesAt: d.inputClosesAt.toISOString(), recipientUserIds: d.userIds },
      });
    }
    return claimed.length;
  });
}

/** One pass over every workspace with a decision collecting input. */
export async function remindStakeholders(deps: Deps, now = new Date()): Promise<number> {
  const workspaceIds = await deps.database.withSystem((tx) => repo.workspacesCollectingInput(tx, now));
  let sent = 0;
  for (const workspaceId of workspaceIds) {
    try {
      sent += await remindWorkspace(deps, workspaceId, now);
    } catch (err) {
      // One workspace's bad data must not keep the others' stakeholders unreminded.
      deps.log.error({ err, workspaceId }, 'decision reminders failed for a workspace');
    }
  }
  return sent;
}

/** The reminder as the job workers schedule it (`tandem start`, `tandem worker`). */
export function decisionRemindersJob(deps: Deps) {
  return { queue: 'decisions-input-reminders', cron: DECISION_REMINDERS_CRON, run: () => remindStakeholders(deps) };
}
