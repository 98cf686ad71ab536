/**
 * Undo: puts back what an import changed. Only the latest completed import of a source can be
 * undone, so every undo finds exactly the state the import left and restores exactly what it found.
 */
import type { ImportDetail } from '@tandem/contracts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import type { HistoryService } from './history.service.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { importsRepository } from './imports.repository.ts';
import { mayUndo } from './undo-access.ts';
import { undoRepository } from './undo.repository.ts';

export function createUndoService(deps: Deps, history: HistoryService) {
  return {
    async undo(ctx: TenantContext, id: string): Promise<ImportDetail> {
      await deps.database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await importsRepository.byId(tx, ctx.workspaceId, id);
        if (!row) throw E.notFound(id);
        if (!mayUndo(ctx.role, row.origin)) throw E.undoForbidden(ctx.role, row.origin);
        if (row.status !== 'completed') throw E.notUndoable(`Import ${id} is ${row.status}; only a completed import can be undone.`);
        if (row.dryRun) throw E.notUndoable(`Import ${id} was a dry run; it changed nothing.`);
        await importsRepository.lockSource(tx, ctx.workspaceId, row.kind, row.source!);
        const [latest] = await importsRepository.latestCompleted(tx, ctx.workspaceId, [{ kind: row.kind, source: row.source! }]);
        if (latest && latest.id !== id) throw E.notLatest(row.source!, latest.id);
        const undone =
          row.kind === 'accounts' ? await undoRepository.undoAccounts(tx, ctx.workspaceId, id) : await undoRepository.undoDeals(tx, ctx.workspaceId, id);
        if ('blockedByDeals' in undone && undone.blockedByDeals) {
          throw E.notUndoable(
            `${undone.blockedByDeals} deal${undone.blockedByDeals === 1 ? ' belongs' : 's belong'} to accounts this import created; undo the deals import that linked them first.`,
          );
        }
        await importsRepository.update(tx, ctx.workspaceId, id, { status: 'undone', undoneAt: new Date() });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'deals.import_undone',
          targetType: 'import',
          targetId: id,
          targetLabel: row.fileName,
          details: undone,
        });
      });
      return history.get(ctx, id);
    },
  };
}
