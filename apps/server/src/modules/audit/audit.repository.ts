import { and, count, desc, eq, gte, like, lte, sql } from 'drizzle-orm';
import { after } from '../../db/keyset.ts';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../workspaces/tables.ts';
import { auditLog } from './tables.ts';

export type AuditInsert = typeof auditLog.$inferInsert;

export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  after?: { createdAt: Date; id: string };
  limit: number;
}

export const auditRepository = {
  async insert(tx: DbOrTx, rows: AuditInsert[]) {
    if (rows.length) await tx.insert(auditLog).values(rows);
  },

  async list(tx: DbOrTx, workspaceId: string, f: AuditFilter) {
    const where = [eq(auditLog.workspaceId, workspaceId)];
    if (f.action) {
      where.push(f.action.endsWith('.') ? like(auditLog.action, `${f.action.replace(/[%_\\]/g, '\\$&')}%`) : eq(auditLog.action, f.action));
    }
    if (f.actorUserId) where.push(eq(auditLog.actorUserId, f.actorUserId));
    if (f.from) where.push(gte(auditLog.createdAt, f.from));
    if (f.to) where.push(lte(auditLog.createdAt, f.to));
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(auditLog).where(and(...where));
    if (f.after) where.push(after('desc', [auditLog.createdAt, auditLog.id], [f.after.createdAt, f.after.id]));
    const rows = await tx
      .select({
        id: auditLog.id,
        action: auditLog.action,
        actorUserId: auditLog.actorUserId,
        actorName: sql<string | null>`coalesce(${users.name}, ${auditLog.actorName})`,
        via: auditLog.via,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        targetLabel: auditLog.targetLabel,
        ip: auditLog.ip,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(...where))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(f.limit + 1);
    return { rows, total };
  },
};
