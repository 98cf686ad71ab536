/**
 * Every import use case as the one service the routes and the CLI call: history, the CLI's run,
 * upload → preview → start, undo and the upsert API, each in its own file.
 */
import type { Deps } from '../../lib/deps.ts';
import { createHistoryService } from './history.service.ts';
import { createRunService } from './run.service.ts';
import { createUndoService } from './undo.service.ts';
import { createUploadService } from './upload.service.ts';
import { createUpsertService } from './upsert.service.ts';

export function createImportsService(deps: Deps) {
  const history = createHistoryService(deps);
  const runs = createRunService(deps);
  return {
    ...history,
    runFile: runs.runFile,
    recover: runs.recover,
    ...createUploadService(deps, { history, runs }),
    ...createUndoService(deps, history),
    ...createUpsertService(deps),
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
