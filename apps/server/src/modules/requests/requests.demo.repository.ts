import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { accounts, deals } from '../deals/tables.ts';
import { assets } from '../library/tables.ts';
import {
  pmmCapacity,
  requestActivity,
  requestComments,
  requestDeals,
  requestRequesters,
  requests,
  requestSettings,
  requestSlaNotices,
} from './tables.ts';

const BATCH = 1000;
async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** The demo's reads of the CRM and the library, and its writes straight into the requests' tables (one seed transaction). */
export const requestsDemoRepository = {
  /** The CRM's deals with their account's name, in a stable order. */
  async deals(db: DbOrTx, workspaceId: string) {
    return db
      .select({
        id: deals.id,
        ownerUserId: deals.ownerUserId,
        stageCategory: deals.stageCategory,
        closeDate: deals.closeDate,
        competitors: deals.competitors,
        accountName: accounts.name,
      })
      .from(deals)
      .leftJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
      .where(and(eq(deals.workspaceId, workspaceId), isNull(deals.removedAt)))
      .orderBy(asc(deals.externalId));
  },

  /** The library's published assets (the demo delivers some requests with them). */
  async publishedAssets(db: DbOrTx, workspaceId: string) {
    return db
      .select({ id: assets.id, title: assets.title, type: assets.type, publishedAt: assets.publishedAt })
      .from(assets)
      .where(and(eq(assets.workspaceId, workspaceId), eq(assets.status, 'published')))
      .orderBy(asc(assets.title));
  },

  async insertSettings(tx: DbOrTx, row: typeof requestSettings.$inferInsert) {
    await tx.insert(requestSettings).values(row);
  },
  async insertCapacity(tx: DbOrTx, rows: (typeof pmmCapacity.$inferInsert)[]) {
    if (rows.length) await tx.insert(pmmCapacity).values(rows);
  },
  async insertRequests(tx: DbOrTx, rows: (typeof requests.$inferInsert)[]) {
    // Merged requests point at earlier ones: inserted in filing order, the target is always there first.
    await inBatches(rows, (b) => tx.insert(requests).values(b));
  },
  async insertRequesters(tx: DbOrTx, rows: (typeof requestRequesters.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(requestRequesters).values(b).onConflictDoNothing());
  },
  async insertDealLinks(tx: DbOrTx, rows: (typeof requestDeals.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(requestDeals).values(b).onConflictDoNothing());
  },
  async insertComments(tx: DbOrTx, rows: (typeof requestComments.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(requestComments).values(b));
  },
  async insertActivity(tx: DbOrTx, rows: (typeof requestActivity.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(requestActivity).values(b));
  },
  async insertNotices(tx: DbOrTx, rows: (typeof requestSlaNotices.$inferInsert)[]) {
    await inBatches(rows, (b) => tx.insert(requestSlaNotices).values(b));
  },
};
