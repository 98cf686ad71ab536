import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { accounts, deals } from '../deals/tables.ts';
import {
  assetFollowers,
  assets,
  type assetUsageEvents,
  assetVersions,
  assetVotes,
  competitors,
  librarySettings,
  shareLinks,
  shareOpens,
} from './tables.ts';

const BATCH = 1000;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** The demo's writes: straight into the library's tables, as one seed transaction. */
export const libraryDemoRepository = {
  /** The CRM's deals with their account's segment and region, in a stable order. */
  async deals(db: DbOrTx, workspaceId: string) {
    return db
      .select({
        id: deals.id,
        ownerUserId: deals.ownerUserId,
        stageCategory: deals.stageCategory,
        closeDate: deals.closeDate,
        createdDate: deals.createdDate,
        competitors: deals.competitors,
        products: deals.products,
        segment: accounts.segment,
        region: accounts.region,
      })
      .from(deals)
      .leftJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
      .where(and(eq(deals.workspaceId, workspaceId), isNull(deals.removedAt)))
      .orderBy(asc(deals.externalId));
  },

  async insertSettings(tx: DbOrTx, row: typeof librarySettings.$inferInsert) {
    await tx.insert(librarySettings).values(row);
  },

  async insertCompetitors(tx: DbOrTx, rows: (typeof competitors.$inferInsert)[]) {
    return tx.insert(competitors).values(rows).returning({ id: competitors.id, name: competitors.name });
  },

  /** Inserts the assets and answers their ids in the order given. */
  async insertAssets(tx: DbOrTx, rows: (typeof assets.$inferInsert)[]) {
    return tx.insert(assets).values(rows).returning({ id: assets.id });
  },

  async insertVersions(tx: DbOrTx, rows: (typeof assetVersions.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(assetVersions).values(b));
  },

  async insertFollowers(tx: DbOrTx, rows: (typeof assetFollowers.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(assetFollowers).values(b));
  },

  async insertVotes(tx: DbOrTx, rows: (typeof assetVotes.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(assetVotes).values(b));
  },

  async insertShareLinks(tx: DbOrTx, rows: (typeof shareLinks.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(shareLinks).values(b));
  },

  async insertShareOpens(tx: DbOrTx, rows: (typeof shareOpens.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(shareOpens).values(b));
  },

  /** Usage events as column arrays through `unnest`: one statement per 5,000 rows (row-by-row parameters are slow). */
  async insertUsage(tx: DbOrTx, rows: (typeof assetUsageEvents.$inferInsert)[]) {
    for (let i = 0; i < rows.length; i += 5000) {
      const b = rows.slice(i, i + 5000);
      const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(b.map(f));
      await tx.execute(sql`
        insert into asset_usage_events (workspace_id, id, asset_id, kind, user_id, deal_id, share_link_id, occurred_at)
        select * from unnest(${col((r) => r.workspaceId)}::uuid[], ${col((r) => r.id)}::uuid[], ${col((r) => r.assetId)}::uuid[],
          ${col((r) => r.kind)}::text[], ${col((r) => r.userId ?? null)}::uuid[], ${col((r) => r.dealId ?? null)}::uuid[],
          ${col((r) => r.shareLinkId ?? null)}::uuid[], ${col((r) => (r.occurredAt as Date).toISOString())}::timestamptz[])`);
    }
  },
};
