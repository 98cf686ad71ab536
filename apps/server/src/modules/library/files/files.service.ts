/**
 * Files on an asset: uploaded (checked by content, kept in the blob store with a thumbnail), listed, downloaded
 * and removed. Readers who may not write the library see only the files of published assets. `openAssetFile`
 * and `listAssetFiles` serve the public share page (shares feature): published assets only, no caller.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { can, type AssetFile, type AssetFileKind, type AssetFileList } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { FileMissingError, receiveUpload, type UploadedFile } from '../../../lib/blob-store/index.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { checkKind } from './file-kind.ts';
import { filesRepository as repo, toAssetFile, type AssetFileRow } from './files.repository.ts';
import { drawThumbnail, type ThumbnailOptions } from './thumbnails/thumbnail.ts';

export type { UploadedFile };

/** A file opened for sending: its bytes and what to say about them. */
export interface OpenedFile {
  stream: Readable;
  /** Read from the content at upload. */
  mediaType: string;
  kind: AssetFileKind;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

const MB = 1024 * 1024;

/** Whose eyes: a caller who may write the library sees every asset's files; anyone else, published assets' only. */
async function visibleAsset(db: DbOrTx, workspaceId: string, assetId: string, seesDrafts: boolean) {
  const asset = await repo.assetStatus(db, workspaceId, assetId);
  if (!asset || (!seesDrafts && asset.status !== 'published')) throw E.assetNotFound(assetId);
  return asset;
}

/** The blob under `key`; a row whose blob is gone is logged (the store lost it) and answered as `missing`. */
async function openBlob(deps: Deps, row: AssetFileRow, key: string, missing: () => Error): Promise<Readable> {
  try {
    return await deps.blobs.open(key);
  } catch (e) {
    if (!(e instanceof FileMissingError)) throw e;
    deps.log.error({ key, fileId: row.id }, 'an asset file row names content the blob store does not have');
    throw missing();
  }
}

async function fileRow(deps: Deps, workspaceId: string, assetId: string, fileId: string, seesDrafts: boolean) {
  const row = await deps.database.readTenant(workspaceId, async (db) => {
    await visibleAsset(db, workspaceId, assetId, seesDrafts);
    return repo.byId(db, workspaceId, assetId, fileId);
  });
  if (!row) throw E.fileNotFound(fileId);
  return row;
}

async function openFile(deps: Deps, workspaceId: string, assetId: string, fileId: string, seesDrafts: boolean): Promise<OpenedFile> {
  const row = await fileRow(deps, workspaceId, assetId, fileId, seesDrafts);
  const stream = await openBlob(deps, row, row.storageKey, () => E.fileContentMissing(row.fileName));
  const { kind } = toAssetFile(row, { name: null });
  return { stream, mediaType: row.mediaType, kind, fileName: row.fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 };
}

async function openThumbnail(deps: Deps, workspaceId: string, assetId: string, fileId: string, seesDrafts: boolean): Promise<Readable> {
  const row = await fileRow(deps, workspaceId, assetId, fileId, seesDrafts);
  if (!row.thumbnailKey) throw E.noThumbnail(row.fileName);
  return openBlob(deps, row, row.thumbnailKey, () => E.noThumbnail(row.fileName));
}

/** For the public share page: a file of a published asset (else LIBRARY_ASSET_NOT_FOUND / LIBRARY_FILE_NOT_FOUND). */
export function openAssetFile(deps: Deps, workspaceId: string, assetId: string, fileId: string): Promise<OpenedFile> {
  return openFile(deps, workspaceId, assetId, fileId, false);
}

/** For the public share page: the PNG thumbnail of a published asset's file (404 LIBRARY_FILE_NO_THUMBNAIL when none). */
export function openAssetThumbnail(deps: Deps, workspaceId: string, assetId: string, fileId: string): Promise<Readable> {
  return openThumbnail(deps, workspaceId, assetId, fileId, false);
}

/** For the public share page: the files of a published asset, oldest first (else LIBRARY_ASSET_NOT_FOUND). */
export function listAssetFiles(deps: Deps, workspaceId: string, assetId: string): Promise<AssetFile[]> {
  return deps.database.readTenant(workspaceId, async (db) => {
    await visibleAsset(db, workspaceId, assetId, false);
    return repo.list(db, workspaceId, assetId);
  });
}

export function createFilesService(deps: Deps, opts: { thumbnails?: ThumbnailOptions } = {}) {
  const { database, blobs, config, audit, log } = deps;
  const maxBytes = config.TANDEM_ASSET_FILE_MAX_MB * MB;
  const tmpDir = path.join(config.dataDir, 'tmp');
  const seesDrafts = (ctx: TenantContext) => can(ctx.role, 'library.write');

  /** The upload in a temporary file, counted and hashed; refused past the limit (nothing is left behind). */
  const receive = (file: UploadedFile, fileName: string) =>
    receiveUpload(file, {
      tmpDir,
      prefix: 'asset-file',
      maxBytes,
      tooLarge: () => E.fileTooLarge(fileName, config.TANDEM_ASSET_FILE_MAX_MB),
      empty: () => E.fileEmpty(fileName),
    });

  const forget = (keys: string[]) =>
    Promise.all(keys.map((key) => blobs.delete(key).catch((err: unknown) => log.error({ err, key }, 'could not delete an asset file blob'))));

  return {
    maxBytes,

    async list(ctx: TenantContext, assetId: string): Promise<AssetFileList> {
      const items = await database.readTenant(ctx.workspaceId, async (db) => {
        await visibleAsset(db, ctx.workspaceId, assetId, seesDrafts(ctx));
        return repo.list(db, ctx.workspaceId, assetId);
      });
      return { items, maxBytes, canWrite: can(ctx.role, 'library.write') };
    },

    /**
     * Keeps a file on the asset: read to a temporary file (size limit, hash), its type read from the content and
     * checked against its name (415 otherwise), a thumbnail drawn, the file and thumbnail stored, then the row
     * written with its audit entry. A refused or failed upload leaves no row and no blob.
     */
    async upload(ctx: TenantContext, assetId: string, file: UploadedFile): Promise<AssetFile> {
      // Browsers send a quote in a multipart file name as %22 (the HTML form encoding); paths and controls go.
      const fileName =
        file.name
          .replace(/%22/g, '"')
          .replace(/[\\/]/g, '_')
          .replace(/\p{Cc}/gu, '')
          .trim()
          .slice(0, 255) || 'file';
      await database.readTenant(ctx.workspaceId, (db) => visibleAsset(db, ctx.workspaceId, assetId, true));
      const { tmp, size, sha256 } = await receive(file, fileName);
      const stored: string[] = [];
      try {
        const checked = await checkKind(tmp, fileName);
        if (!checked.ok) throw E.fileTypeRefused(checked.detail);
        const thumb = await drawThumbnail(tmp, checked.kind, opts.thumbnails);
        if (!thumb.png && checked.kind !== 'pptx' && checked.kind !== 'docx' && checked.kind !== 'xlsx') {
          log.warn({ fileName, reason: thumb.reason }, 'no thumbnail for an asset file');
        }
        const id = randomUUID();
        const storageKey = `${ctx.workspaceId}/${assetId}/${id}`;
        stored.push(storageKey);
        await blobs.put(storageKey, createReadStream(tmp), size);
        let thumbnailKey: string | null = null;
        if (thumb.png) {
          thumbnailKey = `${storageKey}.thumb.png`;
          stored.push(thumbnailKey);
          await blobs.put(thumbnailKey, Readable.from([thumb.png]), thumb.png.length);
        }
        return await database.withTenant(ctx.workspaceId, async (tx) => {
          const asset = await visibleAsset(tx, ctx.workspaceId, assetId, true);
          const row = await repo.insert(tx, {
            workspaceId: ctx.workspaceId,
            id,
            assetId,
            fileName: checked.fileName,
            mediaType: checked.mediaType,
            sizeBytes: size,
            sha256,
            storageKey,
            thumbnailKey,
            uploadedByUserId: ctx.actor.userId,
          });
          await audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'asset.file_added',
            targetType: 'asset',
            targetId: assetId,
            targetLabel: asset.title,
            details: { fileId: id, fileName: checked.fileName, mediaType: checked.mediaType, sizeBytes: size },
          });
          return toAssetFile(row, { name: await repo.uploaderName(tx, ctx.actor.userId) });
        });
      } catch (e) {
        await forget(stored);
        throw e;
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },

    download(ctx: TenantContext, assetId: string, fileId: string): Promise<OpenedFile> {
      return openFile(deps, ctx.workspaceId, assetId, fileId, seesDrafts(ctx));
    },

    thumbnail(ctx: TenantContext, assetId: string, fileId: string): Promise<Readable> {
      return openThumbnail(deps, ctx.workspaceId, assetId, fileId, seesDrafts(ctx));
    },

    /** Removes the row (audited), then its blobs; a blob that cannot be deleted is logged and left. */
    async remove(ctx: TenantContext, assetId: string, fileId: string): Promise<void> {
      const row = await database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx.workspaceId, assetId, true);
        const removed = await repo.remove(tx, ctx.workspaceId, assetId, fileId);
        if (!removed) throw E.fileNotFound(fileId);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'asset.file_removed',
          targetType: 'asset',
          targetId: assetId,
          targetLabel: asset.title,
          details: { fileId, fileName: removed.fileName },
        });
        return removed;
      });
      await forget([row.storageKey, ...(row.thumbnailKey ? [row.thumbnailKey] : [])]);
    },

    /** The share page's reads (published assets only), for callers holding the service rather than deps. */
    openAssetFile: (workspaceId: string, assetId: string, fileId: string) => openAssetFile(deps, workspaceId, assetId, fileId),
    openAssetThumbnail: (workspaceId: string, assetId: string, fileId: string) => openAssetThumbnail(deps, workspaceId, assetId, fileId),
    listAssetFiles: (workspaceId: string, assetId: string) => listAssetFiles(deps, workspaceId, assetId),
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
