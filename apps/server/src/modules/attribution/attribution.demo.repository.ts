import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { deals } from '../deals/tables.ts';

/** The newest won and open deals with an amount, for the demo's touchpoints. */
export async function demoDeals(db: DbOrTx, workspaceId: string, limit: number) {
  const rows = await db
    .select({
      id: deals.id,
      createdAt: sql<string | null>`(extract(epoch from coalesce(${deals.createdDate}::timestamptz, ${deals.createdAt})) * 1000)::bigint::text`,
      closeAt: sql<string | null>`(extract(epoch from ${deals.closeDate}::timestamptz) * 1000)::bigint::text`,
    })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.stageCategory, ['won', 'open']), sql`${deals.amount} is not null and ${deals.removedAt} is null`))
    .orderBy(desc(deals.closeDate))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt === null ? null : Number(r.createdAt), closeAt: r.closeAt === null ? null : Number(r.closeAt) }));
}
