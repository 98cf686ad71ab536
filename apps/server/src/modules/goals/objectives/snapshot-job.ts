/**
 * The daily snapshot: every live goal's key results evaluated and today's value written (one row per key result per
 * workspace-local day, upserted, so runs are idempotent and the last run of a day wins). Scheduled hourly by the job
 * workers (`tandem start`, `tandem worker`), so each workspace's day is taken in its own time zone whatever hour it
 * turns; a status change found here tells the owners like any other.
 */
import type { Deps } from '../../../lib/deps.ts';
import { localDay, systemContext, type Evaluator } from './evaluate.ts';
import { objectivesRepository as repo } from './objectives.repository.ts';

/** At minute 7 of every hour. */
export const GOAL_SNAPSHOT_CRON = '7 * * * *';

/** Evaluates and snapshots one workspace's live goals; answers how many goals were evaluated. */
export async function snapshotWorkspace(deps: Pick<Deps, 'database'>, evaluator: Evaluator, workspaceId: string, now: Date): Promise<number> {
  const ws = await deps.database.readTenant(workspaceId, (db) => repo.workspace(db, workspaceId));
  if (!ws) return 0;
  const today = localDay(now, ws.timeZone);
  const ids = await deps.database.readTenant(workspaceId, (db) => repo.liveGoalIds(db, workspaceId, today));
  await evaluator.evaluateGoals(systemContext(workspaceId, ws.slug), ids, { now, notify: true });
  return ids.length;
}

/** One pass over every workspace with a live goal. */
export async function snapshotGoals(deps: Pick<Deps, 'database' | 'log'>, evaluator: Evaluator, now = new Date()): Promise<number> {
  // Yesterday in UTC: a workspace ahead of UTC may already be past a period UTC has not finished.
  const since = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const workspaceIds = await deps.database.withSystem((tx) => repo.workspacesWithLiveGoals(tx, since));
  let done = 0;
  for (const workspaceId of workspaceIds) {
    try {
      done += await snapshotWorkspace(deps, evaluator, workspaceId, now);
    } catch (err) {
      // One workspace's bad data must not keep the others' history from being written.
      deps.log.error({ err, workspaceId }, 'goal snapshot failed for a workspace');
    }
  }
  return done;
}

export function goalSnapshotJob(deps: Pick<Deps, 'database' | 'log'>, evaluator: Evaluator) {
  return { queue: 'goals-snapshot', cron: GOAL_SNAPSHOT_CRON, run: () => snapshotGoals(deps, evaluator) };
}
