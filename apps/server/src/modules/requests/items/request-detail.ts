/**
 * A request's page (RequestDetail): its summary (score, SLA, rank and plan in the open queue) and what only the page
 * shows — description, deals, attachments, delivery, boost — with what the caller may do. Shared by the reads and by
 * every change's answer.
 */
import { OPEN_REQUEST_STATUSES, can, type RequestDetail, type RequestPermissions, type RequestStatus } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import { openQueue, queueContext, summaryOf } from '../queue/queue.ts';
import { queueRepository } from '../queue/queue.repository.ts';
import { RequestsErrors as E } from '../requests.errors.ts';
import { itemsRepository as repo, type RequestRow } from './items.repository.ts';

export const isOpen = (status: string) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(status);

/** The request, or 404 (a request of another workspace is not found: row-level security and the filter agree). */
export async function requestOr404(db: DbOrTx, ctx: TenantContext, id: string, lock = false): Promise<RequestRow> {
  const row = await repo.byId(db, ctx.workspaceId, id, lock);
  if (!row) throw E.notFound(id);
  return row;
}

export function permissionsOf(ctx: TenantContext, row: Pick<RequestRow, 'status'>, isRequester: boolean): RequestPermissions {
  const status = row.status as RequestStatus;
  const open = isOpen(status);
  const triage = can(ctx.role, 'requests.triage');
  const create = can(ctx.role, 'requests.create');
  const admin = can(ctx.role, 'requests.settings');
  const closed = status === 'accepted' || status === 'declined' || status === 'merged';
  const requesterOrAdmin = create && (isRequester || admin);
  return {
    edit: create && (isRequester || triage) && !closed,
    triage: triage && open,
    start: triage && status === 'triaged',
    deliver: triage && (status === 'triaged' || status === 'in_progress'),
    accept: requesterOrAdmin && status === 'delivered',
    reopen: requesterOrAdmin && status === 'delivered',
    decline: triage && open,
    plusOne: create && open && !isRequester,
    merge: triage && open,
    override: triage && open,
    boost: admin && open,
    comment: create,
    attach: create && !closed,
  };
}

/** The request's page as `ctx` sees it, read in `db` (inside a change's transaction: what it just wrote). */
export async function requestDetail(db: DbOrTx, ctx: TenantContext, id: string, now = new Date()): Promise<RequestDetail> {
  const row = await requestOr404(db, ctx, id);
  const open = isOpen(row.status);
  const queue = open ? await openQueue(db, ctx.workspaceId, now) : null;
  const context = queue?.context ?? (await queueContext(db, ctx.workspaceId, now));
  const entry = queue?.byId.get(id);
  const summaryRow = (await queueRepository.rowsByIds(db, ctx.workspaceId, [id]))[0];
  if (!summaryRow) throw E.notFound(id);
  const summary = summaryOf(summaryRow, context, entry);
  // One after the other: `db` is a transaction's single connection.
  const deals = await repo.dealsDetail(db, ctx.workspaceId, id);
  const attachments = await repo.attachments(db, ctx.workspaceId, id);
  const deliveredAssets = await repo.libraryAssets(db, ctx.workspaceId, row.deliveryAssetIds);
  const mergedInto = row.mergedIntoId ? await repo.mergedInto(db, ctx.workspaceId, row.mergedIntoId) : null;
  const names = await repo.members(db, ctx.workspaceId, [row.deliveredByUserId, row.boostByUserId].filter((x): x is string => !!x));
  const person = (userId: string | null) => (userId ? { userId, name: names.get(userId)?.name ?? 'Former member' } : null);
  const isRequester = !!ctx.actor.userId && summaryRow.requesterIds.includes(ctx.actor.userId);
  return {
    ...summary,
    description: row.description,
    deals: deals.map((d) => ({
      dealId: d.dealId,
      name: d.name,
      accountName: d.accountName ?? null,
      amount: d.amount === null ? null : Number(d.amount),
      currency: d.currency,
      amountBase: d.amountBase === null ? null : Number(d.amountBase),
      stage: d.stage,
      probability: (d.probability ?? 0) / 100,
      isOpen: d.stageCategory === 'open',
      closeDate: d.closeDate,
      addedBy: d.addedByUserId ? { userId: d.addedByUserId, name: d.addedByName ?? 'Former member' } : null,
    })),
    attachments: attachments.map((a) => ({
      fileId: a.row.id,
      fileName: a.row.fileName,
      contentType: a.row.mediaType,
      sizeBytes: a.row.sizeBytes,
      uploadedBy: a.row.uploadedByUserId ? { userId: a.row.uploadedByUserId, name: a.uploaderName ?? 'Former member' } : null,
      uploadedAt: a.row.uploadedAt.toISOString(),
    })),
    delivery: row.deliveredAt
      ? {
          assets: row.deliveryAssetIds.flatMap((assetId) => {
            const a = deliveredAssets.get(assetId);
            return a ? [{ assetId, title: a.title, type: a.type }] : [];
          }),
          note: row.deliveryNote,
          deliveredAt: row.deliveredAt.toISOString(),
          deliveredBy: person(row.deliveredByUserId),
        }
      : null,
    declineReason: row.declinedReason,
    mergedInto,
    strategicBoost:
      row.boostPoints > 0 && row.boostAt
        ? { points: row.boostPoints, reason: row.boostReason ?? '', by: person(row.boostByUserId), at: row.boostAt.toISOString() }
        : null,
    isRequester,
    firstRespondedAt: row.firstRespondedAt?.toISOString() ?? null,
    permissions: permissionsOf(ctx, row, isRequester),
  };
}
