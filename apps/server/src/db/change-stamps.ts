/**
 * Reading change stamps (see change-stamps.table.ts): one statement for any number of scopes. A scope that has
 * never changed reads as 0.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './database.ts';

export type ChangeScope = 'requests' | 'deals' | 'theme-deals';

export async function readChangeStamps<S extends ChangeScope>(db: DbOrTx, workspaceId: string, scopes: readonly S[]): Promise<Record<S, number>> {
  const result = await db.execute(
    sql`select scope, stamp from change_stamps where workspace_id = ${workspaceId} and scope = any(${`{${scopes.join(',')}}`}::text[])`,
  );
  const out = Object.fromEntries(scopes.map((s) => [s, 0])) as Record<S, number>;
  for (const r of result.rows as { scope: S; stamp: string | number }[]) out[r.scope] = Number(r.stamp);
  return out;
}

/** The workspace's deals stamp: moves with every insert, update or delete of its deals (amount, stage, probability, close date…). */
export async function dealsChangeStamp(db: DbOrTx, workspaceId: string): Promise<number> {
  return (await readChangeStamps(db, workspaceId, ['deals'])).deals;
}
