import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * For the Alignment Index (alignment module): the shared goals live on `day` (not archived, the day inside their
 * period) — every goal is owned by both teams — and how many of them are evaluated and on track (current status).
 */
export async function liveGoalStatuses(db: DbOrTx, workspaceId: string, day: string): Promise<{ live: number; evaluated: number; onTrack: number }> {
  const r = await db.execute(sql`
    select count(*)::int as live,
           count(*) filter (where status <> 'no_data')::int as evaluated,
           count(*) filter (where status = 'on_track')::int as "onTrack"
    from goals where workspace_id = ${workspaceId} and archived_at is null and period_start <= ${day}::date and period_end >= ${day}::date`);
  return r.rows[0] as { live: number; evaluated: number; onTrack: number };
}
