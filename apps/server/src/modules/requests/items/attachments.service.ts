/**
 * Files attached to a request: read to a temporary file (size limit, hash), checked by content with the library's
 * checks (PDF, Office, PNG, JPEG; a name that lies about the content is refused), kept in the library's blob store
 * under `<workspace>/requests/<request>/<file>`, listed on the request's page, downloaded, removed.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { can, type RequestAttachment } from '@tandem/contracts';
import { FileMissingError, receiveUpload, type UploadedFile } from '../../../lib/blob-store/index.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { checkKind } from '../../library/index.ts';
import { RequestsErrors as E } from '../requests.errors.ts';
import { actorName, recordChange } from '../requests.events.ts';
import { itemsRepository as repo } from './items.repository.ts';
import { requestOr404 } from './request-detail.ts';

export type { UploadedFile };

export interface OpenedAttachment {
  stream: Readable;
  mediaType: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

const MB = 1024 * 1024;

export function createAttachmentsService(deps: Deps) {
  const { database, blobs, config, log } = deps;
  const maxBytes = config.TANDEM_ASSET_FILE_MAX_MB * MB;
  const tmpDir = path.join(config.dataDir, 'tmp');

  /** The upload in a temporary file, counted and hashed; refused past the limit (nothing is left behind). */
  const receive = (file: UploadedFile, fileName: string) =>
    receiveUpload(file, {
      tmpDir,
      prefix: 'request-file',
      maxBytes,
      tooLarge: () => E.fileTooLarge(fileName, config.TANDEM_ASSET_FILE_MAX_MB),
      empty: () => E.fileEmpty(fileName),
    });

  return {
    maxBytes,

    async upload(ctx: TenantContext, requestId: string, file: UploadedFile): Promise<RequestAttachment> {
      const fileName =
        file.name
          .replace(/%22/g, '"')
          .replace(/[\\/]/g, '_')
          .replace(/\p{Cc}/gu, '')
          .trim()
          .slice(0, 255) || 'file';
      await database.readTenant(ctx.workspaceId, (db) => requestOr404(db, ctx, requestId));
      const { tmp, size, sha256 } = await receive(file, fileName);
      let storageKey: string | null = null;
      try {
        const checked = await checkKind(tmp, fileName);
        if (!checked.ok) throw E.fileTypeRefused(checked.detail.replace('an asset takes', 'a request takes'));
        const id = randomUUID();
        storageKey = `${ctx.workspaceId}/requests/${requestId}/${id}`;
        await blobs.put(storageKey, createReadStream(tmp), size);
        const key = storageKey;
        return await database.withTenant(ctx.workspaceId, async (tx) => {
          const request = await requestOr404(tx, ctx, requestId, true);
          const row = await repo.insertAttachment(tx, {
            workspaceId: ctx.workspaceId,
            id,
            requestId,
            fileName: checked.fileName,
            mediaType: checked.mediaType,
            sizeBytes: size,
            sha256,
            storageKey: key,
            uploadedByUserId: ctx.actor.userId,
          });
          await recordChange(deps, tx, ctx, request, { kind: 'attached', text: `${actorName(ctx)} attached “${checked.fileName}”`, data: { fileId: id } });
          return {
            fileId: row.id,
            fileName: row.fileName,
            contentType: row.mediaType,
            sizeBytes: row.sizeBytes,
            uploadedBy: ctx.actor.userId ? { userId: ctx.actor.userId, name: actorName(ctx) } : null,
            uploadedAt: row.uploadedAt.toISOString(),
          };
        });
      } catch (e) {
        if (storageKey) await blobs.delete(storageKey).catch((err: unknown) => log.error({ err, key: storageKey }, 'could not delete a request file blob'));
        throw e;
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },

    async download(ctx: TenantContext, requestId: string, fileId: string): Promise<OpenedAttachment> {
      const row = await database.readTenant(ctx.workspaceId, async (db) => {
        await requestOr404(db, ctx, requestId);
        return repo.attachment(db, ctx.workspaceId, requestId, fileId);
      });
      if (!row) throw E.attachmentNotFound(fileId);
      try {
        const stream = await blobs.open(row.storageKey);
        return { stream, mediaType: row.mediaType, fileName: row.fileName, sizeBytes: row.sizeBytes, sha256: row.sha256 };
      } catch (e) {
        if (!(e instanceof FileMissingError)) throw e;
        log.error({ key: row.storageKey, fileId }, 'a request attachment row names content the blob store does not have');
        throw E.fileContentMissing(row.fileName);
      }
    },

    /** Who attached it, or a PMM, removes it; the row is marked removed, then the blob deleted. */
    async remove(ctx: TenantContext, requestId: string, fileId: string): Promise<void> {
      const key = await database.withTenant(ctx.workspaceId, async (tx) => {
        const request = await requestOr404(tx, ctx, requestId, true);
        const row = await repo.attachment(tx, ctx.workspaceId, requestId, fileId);
        if (!row) throw E.attachmentNotFound(fileId);
        if (row.uploadedByUserId !== ctx.actor.userId && !can(ctx.role, 'requests.triage')) throw E.notUploader();
        await repo.removeAttachment(tx, ctx.workspaceId, fileId);
        await repo.insertActivity(tx, {
          workspaceId: ctx.workspaceId,
          requestId: request.id,
          kind: 'attached',
          actorUserId: ctx.actor.userId,
          text: `${actorName(ctx)} removed the file “${row.fileName}”`,
          data: { fileId, removed: true },
        });
        return row.storageKey;
      });
      await blobs.delete(key).catch((err: unknown) => log.error({ err, key }, 'could not delete a request file blob'));
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
