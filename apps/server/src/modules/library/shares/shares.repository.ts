import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/database.ts';
import { deals } from '../../deals/tables.ts';
import { users, workspaces } from '../../workspaces/tables.ts';
import { assets, assetVersions, shareLinks, shareOpens } from '../tables.ts';

/** A share link with what its list shows: the deal, who made and revoked it, and its opens. */
export interface ShareLinkRow {
  id: string;
  assetId: string;
  dealId: string | null;
  dealName: string | null;
  createdByUserId: string | null;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedByUserId: string | null;
  revokedByName: string | null;
  opens: number;
  visitors: number;
  lastOpenedAt: Date | null;
}

const creator = alias(users, 'creator');
const revoker = alias(users, 'revoker');

/** Share links and their opens: the only code that reads or writes them. */
export const sharesRepository = {
  async insertLink(
    db: DbOrTx,
    row: { workspaceId: string; assetId: string; dealId: string | null; tokenHash: string; createdByUserId: string | null; expiresAt: Date | null },
  ) {
    const [link] = await db.insert(shareLinks).values(row).returning({ id: shareLinks.id });
    return link!.id;
  },

  /** The asset's links (or one of them), newest first, with their open counts. */
  async links(db: DbOrTx, workspaceId: string, assetId: string, linkId?: string): Promise<ShareLinkRow[]> {
    const opens = db
      .select({
        linkId: shareOpens.shareLinkId,
        opens: sql<number>`count(*)::int`.as('opens'),
        visitors: sql<number>`count(distinct ${shareOpens.visitorHash})::int`.as('visitors'),
        lastOpenedAt: sql<Date>`max(${shareOpens.openedAt})`.as('last_opened_at'),
      })
      .from(shareOpens)
      .where(eq(shareOpens.workspaceId, workspaceId))
      .groupBy(shareOpens.shareLinkId)
      .as('o');
    const rows = await db
      .select({
        id: shareLinks.id,
        assetId: shareLinks.assetId,
        dealId: shareLinks.dealId,
        dealName: deals.name,
        createdByUserId: shareLinks.createdByUserId,
        createdByName: creator.name,
        createdAt: shareLinks.createdAt,
        expiresAt: shareLinks.expiresAt,
        revokedAt: shareLinks.revokedAt,
        revokedByUserId: shareLinks.revokedByUserId,
        revokedByName: revoker.name,
        opens: opens.opens,
        visitors: opens.visitors,
        lastOpenedAt: opens.lastOpenedAt,
      })
      .from(shareLinks)
      .leftJoin(deals, and(eq(deals.workspaceId, shareLinks.workspaceId), eq(deals.id, shareLinks.dealId)))
      .leftJoin(creator, eq(creator.id, shareLinks.createdByUserId))
      .leftJoin(revoker, eq(revoker.id, shareLinks.revokedByUserId))
      .leftJoin(opens, eq(opens.linkId, shareLinks.id))
      .where(
        and(eq(shareLinks.workspaceId, workspaceId), eq(shareLinks.assetId, assetId), ...(linkId ? [eq(shareLinks.id, linkId)] : [])),
      )
      .orderBy(desc(shareLinks.createdAt), shareLinks.id);
    return rows.map((r) => ({
      ...r,
      opens: Number(r.opens ?? 0),
      visitors: Number(r.visitors ?? 0),
      lastOpenedAt: r.lastOpenedAt ? new Date(r.lastOpenedAt) : null,
    }));
  },

  /** Turns a link off once: undefined when it was already off. */
  async revoke(db: DbOrTx, workspaceId: string, linkId: string, userId: string | null, at: Date) {
    const [row] = await db
      .update(shareLinks)
      .set({ revokedAt: at, revokedByUserId: userId })
      .where(and(eq(shareLinks.workspaceId, workspaceId), eq(shareLinks.id, linkId), isNull(shareLinks.revokedAt)))
      .returning({ id: shareLinks.id });
    return row;
  },

  /**
   * The link a public token names, found by its hash before the workspace is known: the system handle, as
   * invitation links are found. Only what tells where to look next; the page is read in the workspace's tenant.
   */
  async byTokenHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select({ workspaceId: shareLinks.workspaceId, id: shareLinks.id })
      .from(shareLinks)
      .where(eq(shareLinks.tokenHash, tokenHash));
    return row;
  },

  /** The link again, inside the workspace's tenant transaction (row-level security applies). */
  async linkInTenant(db: DbOrTx, workspaceId: string, linkId: string) {
    const [row] = await db
      .select({
        id: shareLinks.id,
        assetId: shareLinks.assetId,
        dealId: shareLinks.dealId,
        expiresAt: shareLinks.expiresAt,
        revokedAt: shareLinks.revokedAt,
      })
      .from(shareLinks)
      .where(and(eq(shareLinks.workspaceId, workspaceId), eq(shareLinks.id, linkId)));
    return row;
  },

  /** The workspace's display name: the one thing of the workspace a share page shows. */
  async workspaceName(db: DbOrTx, workspaceId: string) {
    const [row] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return row?.name ?? '';
  },

  /** The asset's current published version (none while it is a draft, and none once archived). */
  async publishedVersion(db: DbOrTx, workspaceId: string, assetId: string) {
    const [row] = await db
      .select({
        status: assets.status,
        number: assetVersions.number,
        title: assetVersions.title,
        body: assetVersions.body,
        publishedAt: assetVersions.publishedAt,
      })
      .from(assets)
      .leftJoin(
        assetVersions,
        and(eq(assetVersions.workspaceId, assets.workspaceId), eq(assetVersions.assetId, assets.id), eq(assetVersions.number, assets.currentVersion)),
      )
      .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, assetId)));
    return row;
  },

  async insertOpen(db: DbOrTx, row: { workspaceId: string; shareLinkId: string; visitorHash: string; openedAt: Date }) {
    await db.insert(shareOpens).values(row);
  },
};
