/**
 * The import history: the list, one import with its result, and the rows it rejected
 * (the rejected-rows CSV reads them a page at a time).
 */
import type { ImportDetail, ImportList, ImportListQuery, ImportRecord, ImportResult } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { importsRepository, type ImportRow } from './imports.repository.ts';
import { mayUndo } from './undo-access.ts';

/** An import's row, or IMPORT_NOT_FOUND. */
export async function findImport(deps: Deps, ctx: TenantContext, id: string): Promise<ImportRow> {
  const row = await deps.database.withTenant(ctx.workspaceId, (tx) => importsRepository.byId(tx, ctx.workspaceId, id));
  if (!row) throw E.notFound(id);
  return row;
}

async function toRecords(tx: DbOrTx, ctx: TenantContext, rows: ImportRow[]): Promise<ImportRecord[]> {
  const { workspaceId } = ctx;
  const latest = await importsRepository.latestCompleted(
    tx,
    workspaceId,
    rows.filter((r) => r.source).map((r) => ({ kind: r.kind, source: r.source! })),
  );
  const latestIds = new Set(latest.map((l) => l.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    format: (r.format as ImportRecord['format']) ?? null,
    source: r.source,
    fileName: r.fileName,
    fileSize: r.fileSize,
    full: r.full,
    dryRun: r.dryRun,
    createdBy: { userId: r.createdByUserId, name: r.createdByName },
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    counts: (r.counts as ImportRecord['counts']) ?? null,
    progress: (r.progress as ImportRecord['progress']) ?? null,
    error: r.error,
    canUndo: r.status === 'completed' && !r.dryRun && latestIds.has(r.id) && mayUndo(ctx.role, r.origin),
  }));
}

export type HistoryService = ReturnType<typeof createHistoryService>;

export function createHistoryService(deps: Deps) {
  const { database } = deps;
  const tenant = <T>(ctx: TenantContext, fn: (tx: DbOrTx) => Promise<T>) => database.withTenant(ctx.workspaceId, fn);

  return {
    async get(ctx: TenantContext, id: string): Promise<ImportDetail> {
      return tenant(ctx, async (tx) => {
        const row = await importsRepository.byId(tx, ctx.workspaceId, id);
        if (!row) throw E.notFound(id);
        const [record] = await toRecords(tx, ctx, [row]);
        const result = row.result as (ImportResult & { warningList?: unknown }) | null;
        return {
          ...record!,
          result: result ? { ...result, warningList: undefined, headers: undefined } : null,
          warningList: (result?.warningList as ImportDetail['warningList']) ?? [],
        };
      });
    },

    async list(ctx: TenantContext, q: ImportListQuery): Promise<ImportList> {
      const key = decodeCursor(q.cursor, 2);
      return tenant(ctx, async (tx) => {
        const { rows, total } = await importsRepository.list(tx, ctx.workspaceId, {
          kind: q.kind,
          after: key ? { createdAt: key[0]!, id: key[1]! } : undefined,
          limit: q.limit,
        });
        const { items, nextCursor } = page(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
        return { items: await toRecords(tx, ctx, items), nextCursor, total };
      });
    },

    /** The file's columns, for the rejected-rows CSV; read before the download starts, so a missing import is a 404. */
    async rejectedHeaders(ctx: TenantContext, id: string): Promise<string[]> {
      const row = await findImport(deps, ctx, id);
      return (row.result as { headers?: string[] } | null)?.headers ?? [];
    },

    /** The rejected rows in pages of 1,000, in file order: the source of the rejected-rows CSV. */
    async *rejectedRows(ctx: TenantContext, id: string) {
      let afterLine = 0;
      for (;;) {
        const rows = await tenant(ctx, (tx) => importsRepository.rejects(tx, ctx.workspaceId, id, afterLine, 1000));
        if (!rows.length) return;
        yield* rows;
        afterLine = rows.at(-1)!.line;
      }
    },
  };
}
