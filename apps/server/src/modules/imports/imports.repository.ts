/**
 * The imports table and what hangs off it: rejected rows, the mapping remembered per source,
 * and the lock that serializes imports of one source. The merge itself is pipeline/*.repository.ts.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { after } from '../../db/keyset.ts';
import { importMappings, importRejects, imports } from './tables.ts';

export type ImportRow = typeof imports.$inferSelect;
export type ImportInsert = typeof imports.$inferInsert;

export const importsRepository = {
  async insert(db: DbOrTx, row: ImportInsert) {
    const [created] = await db.insert(imports).values(row).returning();
    return created!;
  },

  async update(db: DbOrTx, workspaceId: string, id: string, set: Partial<ImportInsert>) {
    const [row] = await db
      .update(imports)
      .set(set)
      .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)))
      .returning();
    return row;
  },

  async byId(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
    return row;
  },

  async list(db: DbOrTx, workspaceId: string, f: { kind?: string; after?: { createdAt: string; id: string }; limit: number }) {
    const where = and(eq(imports.workspaceId, workspaceId), f.kind ? eq(imports.kind, f.kind as 'deals') : undefined);
    const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(imports).where(where);
    const rows = await db
      .select()
      .from(imports)
      .where(and(where, f.after ? after('desc', [imports.createdAt, imports.id], [f.after.createdAt, f.after.id]) : undefined))
      .orderBy(desc(imports.createdAt), desc(imports.id))
      .limit(f.limit + 1);
    return { rows, total };
  },

  /** The latest completed (not undone, not dry-run) import of each (kind, source) among these. */
  async latestCompleted(db: DbOrTx, workspaceId: string, keys: { kind: string; source: string }[]) {
    if (!keys.length) return [];
    const sources = [...new Set(keys.map((k) => k.source))];
    return db
      .selectDistinctOn([imports.kind, imports.source], { id: imports.id, kind: imports.kind, source: imports.source, finishedAt: imports.finishedAt })
      .from(imports)
      .where(
        and(
          eq(imports.workspaceId, workspaceId),
          eq(imports.status, 'completed'),
          eq(imports.dryRun, false),
          inArray(imports.source, sources),
        ),
      )
      .orderBy(asc(imports.kind), asc(imports.source), desc(imports.finishedAt), desc(imports.id));
  },

  /** Running imports whose heartbeat stopped: their process died, and their transaction with it. */
  async failInterrupted(db: DbOrTx, olderThan: Date) {
    return db
      .update(imports)
      .set({ status: 'failed', error: 'The import was interrupted (its process stopped); nothing was imported. Run it again.', finishedAt: new Date() })
      .where(and(eq(imports.status, 'running'), sql`coalesce(${imports.heartbeatAt}, ${imports.createdAt}) < ${olderThan.toISOString()}`))
      .returning({ id: imports.id, uploadKey: imports.uploadKey });
  },

  async pendingOlderThan(db: DbOrTx, olderThan: Date) {
    return db
      .select({ workspaceId: imports.workspaceId, id: imports.id, uploadKey: imports.uploadKey })
      .from(imports)
      .where(and(eq(imports.status, 'pending'), sql`${imports.createdAt} < ${olderThan.toISOString()}`));
  },

  async remove(db: DbOrTx, workspaceId: string, id: string) {
    await db.delete(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id), ne(imports.status, 'running')));
  },

  async rejects(db: DbOrTx, workspaceId: string, importId: string, afterLine: number, limit: number) {
    return db
      .select({ line: importRejects.line, cells: importRejects.cells, errors: importRejects.errors })
      .from(importRejects)
      .where(and(eq(importRejects.workspaceId, workspaceId), eq(importRejects.importId, importId), sql`${importRejects.line} > ${afterLine}`))
      .orderBy(asc(importRejects.line))
      .limit(limit);
  },

  async mapping(db: DbOrTx, workspaceId: string, kind: string, source: string) {
    const [row] = await db
      .select()
      .from(importMappings)
      .where(and(eq(importMappings.workspaceId, workspaceId), eq(importMappings.kind, kind), eq(importMappings.source, source)));
    return row;
  },

  async saveMapping(db: DbOrTx, row: typeof importMappings.$inferInsert) {
    await db
      .insert(importMappings)
      .values(row)
      .onConflictDoUpdate({
        target: [importMappings.workspaceId, importMappings.kind, importMappings.source],
        set: { format: row.format, mapping: row.mapping, updatedAt: new Date() },
      });
  },

  /** Serializes imports of one (workspace, kind, source) until the transaction ends. */
  async lockSource(db: DbOrTx, workspaceId: string, kind: string, source: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`import:${workspaceId}:${kind}:${source}`}, 0))`);
  },
};
