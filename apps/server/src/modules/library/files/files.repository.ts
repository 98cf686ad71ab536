import { ASSET_FILE_KINDS, ASSET_FILE_KIND_VALUES, type AssetFile, type AssetFileKind } from '@tandem/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { users } from '../../workspaces/tables.ts';
import { assetFiles, assets } from '../tables.ts';

export type AssetFileRow = typeof assetFiles.$inferSelect;
type Uploader = { name: string | null };

const kindOf = (mediaType: string): AssetFileKind => ASSET_FILE_KIND_VALUES.find((k) => ASSET_FILE_KINDS[k].mediaType === mediaType) ?? 'pdf';

export function toAssetFile(row: AssetFileRow, uploader: Uploader): AssetFile {
  const kind = kindOf(row.mediaType);
  return {
    id: row.id,
    assetId: row.assetId,
    fileName: row.fileName,
    kind,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedByUserId && uploader.name ? { userId: row.uploadedByUserId, name: uploader.name } : null,
    hasThumbnail: row.thumbnailKey !== null,
    previewable: kind === 'pdf' || kind === 'png' || kind === 'jpeg',
  };
}

/** The files of assets (`asset_files`): the only code of the files feature that talks to the database. */
export const filesRepository = {
  /** The asset's status (whether readers may see its files), or undefined when there is no such asset. */
  async assetStatus(db: DbOrTx, workspaceId: string, assetId: string) {
    const [row] = await db
      .select({ status: assets.status, title: assets.title })
      .from(assets)
      .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, assetId)));
    return row;
  },

  async insert(db: DbOrTx, row: typeof assetFiles.$inferInsert) {
    const [inserted] = await db.insert(assetFiles).values(row).returning();
    return inserted!;
  },

  async list(db: DbOrTx, workspaceId: string, assetId: string): Promise<AssetFile[]> {
    const rows = await db
      .select({ file: assetFiles, name: users.name })
      .from(assetFiles)
      .leftJoin(users, eq(users.id, assetFiles.uploadedByUserId))
      .where(and(eq(assetFiles.workspaceId, workspaceId), eq(assetFiles.assetId, assetId)))
      .orderBy(asc(assetFiles.uploadedAt), asc(assetFiles.id));
    return rows.map((r) => toAssetFile(r.file, r));
  },

  async byId(db: DbOrTx, workspaceId: string, assetId: string, fileId: string) {
    const [row] = await db
      .select()
      .from(assetFiles)
      .where(and(eq(assetFiles.workspaceId, workspaceId), eq(assetFiles.assetId, assetId), eq(assetFiles.id, fileId)));
    return row;
  },

  async uploaderName(db: DbOrTx, userId: string | null) {
    if (!userId) return null;
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return row?.name ?? null;
  },

  /** Published assets with their owner, for the demo's files. */
  async publishedAssets(db: DbOrTx, workspaceId: string) {
    return db
      .select({ id: assets.id, title: assets.title, type: assets.type, body: assets.body, ownerUserId: assets.ownerUserId, ownerName: users.name })
      .from(assets)
      .leftJoin(users, eq(users.id, assets.ownerUserId))
      .where(and(eq(assets.workspaceId, workspaceId), eq(assets.status, 'published')))
      .orderBy(asc(assets.title));
  },

  async remove(db: DbOrTx, workspaceId: string, assetId: string, fileId: string) {
    const [row] = await db
      .delete(assetFiles)
      .where(and(eq(assetFiles.workspaceId, workspaceId), eq(assetFiles.assetId, assetId), eq(assetFiles.id, fileId)))
      .returning();
    return row;
  },
};
