/**
 * Share links: made for an asset's current published version (usually for one deal), listed with their opens,
 * turned off at once; and the public page a prospect opens without signing in, which records each open with an
 * anonymised visitor (a keyed, truncated hash of address and browser; never the address).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { can, type CreateShareLinkRequest, type CreateShareLinkResponse, type ShareLink, type Role, type ShareLinkList } from '@tandem/contracts';
import { hashToken } from '../../../lib/crypto.ts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { AppError } from '../../../lib/app-error.ts';
import { listAssetFiles, openAssetFile, type OpenedFile } from '../files/files.service.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { renderMarkdown } from '../markdown.ts';
import { usageRepository } from '../usage/usage.repository.ts';
import { liveDeal, visibleAsset } from '../usage/usage.service.ts';
import type { GoneReason, SharedFile, SharePageContent } from './share-page.ts';
import { sharesRepository as repo, type ShareLinkRow } from './shares.repository.ts';

const DAY_MS = 86_400_000;
/** What a share token looks like (32 random bytes, base64url); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Hex characters of the visitor hash kept: enough to tell visitors apart, too few to be worth reversing. */
const VISITOR_HASH_CHARS = 16;

type Refusal = { kind: 'not_found' } | { kind: 'gone'; reason: GoneReason; at: Date | null; workspaceName: string };
export type ShareOpenResult = Refusal | { kind: 'page'; content: Omit<SharePageContent, 'basePath'> };
export type ShareFileResult = Refusal | { kind: 'file'; file: OpenedFile };

/** A missing file or asset answers the share page's 404, not an API problem. */
const isNotFound = (e: unknown) => e instanceof AppError && e.status === 404;

export interface Visitor {
  ip: string;
  userAgent: string;
}

function stateOf(row: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): ShareLink['state'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

function toDto(r: ShareLinkRow, ctx: TenantContext, now: Date): ShareLink {
  return {
    id: r.id,
    assetId: r.assetId,
    deal: r.dealId && r.dealName ? { id: r.dealId, name: r.dealName } : null,
    createdBy: r.createdByUserId && r.createdByName ? { userId: r.createdByUserId, name: r.createdByName } : null,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedBy: r.revokedByUserId && r.revokedByName ? { userId: r.revokedByUserId, name: r.revokedByName } : null,
    state: stateOf(r, now),
    opens: r.opens,
    visitors: r.visitors,
    lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
    canRevoke: !r.revokedAt && mayRevoke(ctx, r.createdByUserId),
  };
}

function mayRevoke(ctx: { role: Role; actor: { userId: string | null } }, createdBy: string | null): boolean {
  return (!!createdBy && createdBy === ctx.actor.userId) || can(ctx.role, 'library.write');
}

export function createSharesService(deps: Deps) {
  const { database, audit } = deps;
  // A purpose-bound key: a visitor hash is worth nothing anywhere else the instance secret is used.
  const visitorKey = createHmac('sha256', deps.secret).update('tandem/share-visitor/v1').digest();
  const visitorHash = (workspaceId: string, v: Visitor) =>
    createHmac('sha256', visitorKey).update(`${workspaceId}\n${v.ip}\n${v.userAgent}`).digest('hex').slice(0, VISITOR_HASH_CHARS);

  /** Where the link a token names lives (workspace and id), or undefined: nothing else is read without the tenant. */
  async function resolve(token: string) {
    if (!TOKEN.test(token)) return undefined;
    return repo.byTokenHash(database.db, hashToken(deps.secret, token));
  }

  /** The link, if it still works and its asset is still published; else why not (read in the link's tenant). */
  async function usableLink(tx: Tx, found: { workspaceId: string; id: string }, now: Date) {
    const row = await repo.linkInTenant(tx, found.workspaceId, found.id);
    if (!row) return { kind: 'not_found' } as const;
    const workspaceName = await repo.workspaceName(tx, found.workspaceId);
    const state = stateOf(row, now);
    if (state !== 'active') return { kind: 'gone', reason: state, at: state === 'revoked' ? row.revokedAt : row.expiresAt, workspaceName } as const;
    const v = await repo.publishedVersion(tx, found.workspaceId, row.assetId);
    if (!v || v.status !== 'published' || v.number === null || v.title === null || v.body === null || v.publishedAt === null) {
      return { kind: 'gone', reason: 'withdrawn', at: null, workspaceName } as const;
    }
    return { kind: 'link', row, workspaceName, version: { number: v.number, title: v.title, body: v.body, publishedAt: v.publishedAt } } as const;
  }

  return {
    async create(ctx: TenantContext, assetId: string, body: CreateShareLinkRequest, now = new Date()): Promise<CreateShareLinkResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx, assetId);
        if (asset.status !== 'published' || asset.currentVersion === null) throw E.shareNotPublished(asset.title);
        const deal = body.dealId ? await liveDeal(tx, ctx, body.dealId, 'body.dealId') : null;
        const token = randomBytes(32).toString('base64url');
        const expiresAt = body.expiresInDays ? new Date(now.getTime() + body.expiresInDays * DAY_MS) : null;
        const id = await repo.insertLink(tx, {
          workspaceId: ctx.workspaceId,
          assetId,
          dealId: deal?.id ?? null,
          tokenHash: hashToken(deps.secret, token),
          createdByUserId: ctx.actor.userId,
          expiresAt,
        });
        await usageRepository.insertEvent(tx, {
          workspaceId: ctx.workspaceId,
          assetId,
          kind: 'shared',
          userId: ctx.actor.userId,
          dealId: deal?.id ?? null,
          shareLinkId: id,
          occurredAt: now,
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'share_link.created',
          targetType: 'asset',
          targetId: assetId,
          targetLabel: asset.title,
          details: { shareLinkId: id, dealId: deal?.id ?? null, dealName: deal?.name ?? null, expiresAt: expiresAt?.toISOString() ?? null },
        });
        const [row] = await repo.links(tx, ctx.workspaceId, assetId, id);
        return { ...toDto(row!, ctx, now), url: `${deps.config.publicUrl}/s/${token}` };
      });
    },

    async list(ctx: TenantContext, assetId: string, now = new Date()): Promise<ShareLinkList> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        const items = (await repo.links(tx, ctx.workspaceId, assetId)).map((r) => toDto(r, ctx, now));
        return { items, total: items.length };
      });
    },

    /** Turns a link off at once (its maker, or whoever manages the library); a link already off is answered as it is. */
    async revoke(ctx: TenantContext, assetId: string, linkId: string, now = new Date()): Promise<ShareLink> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const asset = await visibleAsset(tx, ctx, assetId);
        const [link] = await repo.links(tx, ctx.workspaceId, assetId, linkId);
        if (!link) throw E.shareLinkNotFound(linkId);
        if (!mayRevoke(ctx, link.createdByUserId)) throw E.shareRevokeForbidden();
        if (await repo.revoke(tx, ctx.workspaceId, linkId, ctx.actor.userId, now)) {
          await audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'share_link.revoked',
            targetType: 'asset',
            targetId: assetId,
            targetLabel: asset.title,
            details: { shareLinkId: linkId, dealId: link.dealId, opens: link.opens },
          });
        }
        const [row] = await repo.links(tx, ctx.workspaceId, assetId, linkId);
        return toDto(row!, ctx, now);
      });
    },

    /**
     * The public page for a token. The token's hash is looked up before the workspace is known (system handle);
     * everything else — the link's state, the published version, the open — is read and written inside that
     * workspace's tenant transaction. `record: false` (a HEAD request) shows without counting an open.
     */
    async open(token: string, visitor: Visitor, opts: { record: boolean; now?: Date }): Promise<ShareOpenResult> {
      const now = opts.now ?? new Date();
      const found = await resolve(token);
      if (!found) return { kind: 'not_found' };
      const result = await database.withTenant(found.workspaceId, async (tx) => {
        const link = await usableLink(tx, found, now);
        if (link.kind !== 'link') return link;
        const { row, version, workspaceName } = link;
        if (opts.record) {
          await repo.insertOpen(tx, { workspaceId: found.workspaceId, shareLinkId: row.id, visitorHash: visitorHash(found.workspaceId, visitor), openedAt: now });
          await usageRepository.insertEvent(tx, {
            workspaceId: found.workspaceId,
            assetId: row.assetId,
            kind: 'share_opened',
            userId: null,
            dealId: row.dealId,
            shareLinkId: row.id,
            occurredAt: now,
          });
        }
        const content = {
          workspaceName,
          title: version.title,
          bodyHtml: renderMarkdown(version.body),
          version: version.number,
          publishedAt: version.publishedAt,
          files: [] as SharedFile[],
        };
        return { kind: 'page', assetId: row.assetId, content } as const;
      });
      if (result.kind !== 'page') return result;
      // Only what the page shows of each file: never who uploaded it.
      const files = await listAssetFiles(deps, found.workspaceId, result.assetId).catch((e: unknown) => (isNotFound(e) ? [] : Promise.reject(e)));
      result.content.files = files.map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes }));
      return { kind: 'page', content: result.content };
    },

    /** A file of the shared asset, while the link works (no open is counted: the page's open was). */
    async openFile(token: string, fileId: string, now = new Date()): Promise<ShareFileResult> {
      const found = await resolve(token);
      if (!found) return { kind: 'not_found' };
      const link = await database.withTenant(found.workspaceId, (tx) => usableLink(tx, found, now));
      if (link.kind !== 'link') return link;
      try {
        return { kind: 'file', file: await openAssetFile(deps, found.workspaceId, link.row.assetId, fileId) };
      } catch (e) {
        if (isNotFound(e)) return { kind: 'not_found' };
        throw e;
      }
    },
  };
}

export type SharesService = ReturnType<typeof createSharesService>;
