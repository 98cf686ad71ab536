import type { AuditEntry, AuditListQuery, ListEnvelope } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { Actor, TenantContext } from '../../lib/context.ts';
import type { AuditRecord, Deps } from '../../lib/deps.ts';
import { decodeTimeCursor, page } from '../../lib/pagination.ts';
import { auditRepository } from './audit.repository.ts';

export type { AuditRecord };

/**
 * The one function every module uses to add to the audit log. Call it inside
 * the transaction that makes the change, so the entry exists exactly when the change does.
 */
export async function recordAudit(tx: DbOrTx, workspaceIds: string | string[], actor: Actor, entry: AuditRecord): Promise<void> {
  const ids = Array.isArray(workspaceIds) ? workspaceIds : [workspaceIds];
  await auditRepository.insert(
    tx,
    ids.map((workspaceId) => ({
      workspaceId,
      action: entry.action,
      actorUserId: actor.userId,
      actorName: actor.name,
      via: actor.via,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel ?? null,
      ip: actor.ip,
      requestId: actor.requestId,
      details: entry.details ?? {},
    })),
  );
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: Deps) {
  return {
    list(ctx: TenantContext, q: AuditListQuery) {
      return deps.database.withTenant(ctx.workspaceId, (tx) => listAudit(tx, ctx.workspaceId, q));
    },
  };
}

async function listAudit(tx: DbOrTx, workspaceId: string, q: AuditListQuery): Promise<ListEnvelope<AuditEntry>> {
  const { rows, total } = await auditRepository.list(tx, workspaceId, {
    action: q.action,
    actorUserId: q.actorUserId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    after: decodeTimeCursor(q.cursor),
    limit: q.limit,
  });
  const { items, nextCursor } = page(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    total,
    nextCursor,
    items: items.map((r) => ({
      id: r.id,
      action: r.action,
      actor: { userId: r.actorUserId, name: r.actorName, via: r.via },
      targetType: r.targetType,
      targetId: r.targetId,
      targetLabel: r.targetLabel,
      ip: r.ip,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
