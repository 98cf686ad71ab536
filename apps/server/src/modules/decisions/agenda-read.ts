import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

/** For a meeting's agenda (meetings module): open decisions whose input window is open at `at`, closing soonest first. */
export async function decisionsOpenForInput(db: DbOrTx, workspaceId: string, at: Date) {
  const r = await db.execute(sql`
    select id, title, input_closes_at as "inputClosesAt" from decisions
    where workspace_id = ${workspaceId} and status = 'open' and input_opened_at <= ${at} and input_closes_at > ${at}
    order by input_closes_at, title`);
  return (r.rows as { id: string; title: string; inputClosesAt: Date | string }[]).map((d) => ({ ...d, inputClosesAt: new Date(d.inputClosesAt) }));
}
