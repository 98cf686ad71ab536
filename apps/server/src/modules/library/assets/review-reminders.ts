/**
 * The daily reminder of overdue reviews: each owner hears once a day of their published assets past their review
 * date (`asset.review_due`, one event per owner listing the assets). Today's mark on each asset
 * (`review_reminded_on`), written in the transaction that emits, makes a second run the same day — on this worker
 * or another — find nothing to do. Verifying, republishing or archiving an asset ends its reminders.
 */
import type { Deps } from '../../../lib/deps.ts';
import { todayIso } from '../asset-summaries.ts';
import { assetsRepository as repo } from './assets.repository.ts';

/** Assets listed in one reminder; the count says how many more. */
const LISTED = 20;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Reminds every owner of their overdue assets not yet reminded on `today`; answers how many reminders were emitted. */
export async function remindOverdueReviews(deps: Deps, today = todayIso()): Promise<number> {
  const workspaceIds = await deps.database.withSystem((tx) => repo.workspacesDueReminders(tx, today));
  let emitted = 0;
  for (const workspaceId of workspaceIds) {
    emitted += await deps.database.withTenant(workspaceId, async (tx) => {
      const claimed = await repo.claimOverdue(tx, workspaceId, today);
      const byOwner = new Map<string, typeof claimed>();
      for (const a of claimed) byOwner.set(a.ownerUserId, [...(byOwner.get(a.ownerUserId) ?? []), a]);
      for (const [ownerUserId, owned] of byOwner) {
        const assets = owned
          .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.title.localeCompare(b.title))
          .slice(0, LISTED)
          .map((a) => ({ assetId: a.id, title: a.title, reviewBy: a.reviewBy, daysOverdue: daysBetween(a.reviewBy, today) }));
        await deps.emit(tx, { workspaceId, type: 'asset.review_due', payload: { ownerUserId, day: today, total: owned.length, assets } });
      }
      return byOwner.size;
    });
  }
  return emitted;
}

/** The daily reminder as the workers schedule it: hourly at :15, so a day's reminders go out soon after 00:00 UTC. */
export function reviewReminderJob(deps: Deps) {
  return { queue: 'library-review-reminders', cron: '15 * * * *', run: () => remindOverdueReviews(deps) };
}
