import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/** For a meeting's agenda (meetings module): goals (not archived) at risk or off track whose period overlaps [fromDay, toDay], off track first. */
export async function goalsAtRiskBetween(db: DbOrTx, workspaceId: string, fromDay: string, toDay: string) {
  const r = await db.execute(sql`
    select id, title, status, period_end::text as "periodEnd" from goals
    where workspace_id = ${workspaceId} and archived_at is null and status in ('at_risk', 'off_track')
      and period_end >= ${fromDay}::date and period_start <= ${toDay}::date
    order by (status = 'off_track') desc, title`);
  return r.rows as { id: string; title: string; status: 'at_risk' | 'off_track'; periodEnd: string }[];
}
