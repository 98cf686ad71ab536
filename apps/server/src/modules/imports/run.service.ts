/**
 * Running an import: in this process from the CLI, or as the server's background job once an
 * upload is started (one at a time, in order). The run is recorded as running first, with a
 * heartbeat; its outcome is recorded in the import's own transaction, so "completed" and the
 * data commit together. Housekeeping marks runs whose process died as failed.
 */
import fs from 'node:fs/promises';
import type { DbOrTx } from '../../db/database.ts';
import { connectionLost } from '../../db/errors.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Actor, TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { dealSettingsOf } from '../deals/index.ts';
import { completedState, countsOf, localFile, messageOf, parseMapping, readingLimits, resultOf, type ImportRequest } from './import-outcome.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { importsRepository, type ImportRow } from './imports.repository.ts';
import { runAccountImport } from './pipeline/account-pipeline.ts';
import { runDealImport } from './pipeline/deal-pipeline.ts';
import type { DealImportOutcome, ImportProgressReport } from './pipeline/merge.ts';
import type { MappingFile } from './reading/mapping-file.ts';
import type { ImportFile } from './reading/open-records.ts';

/** A running import whose heartbeat is older than this was interrupted. */
const STALE_AFTER_MS = 120_000;
/** Tries (2 s apart) at recording a failed run while the database is away. */
const RECORD_RETRIES = 300;
/** Pending uploads nobody started are deleted after a day. */
const PENDING_TTL_MS = 86_400_000;

type RunContext = { workspaceId: string; actor: Actor };

export type RunService = ReturnType<typeof createRunService>;

export function createRunService(deps: Deps) {
  const { database, log } = deps;
  const tenant = <T>(ctx: { workspaceId: string }, fn: (tx: DbOrTx) => Promise<T>) => database.withTenant(ctx.workspaceId, fn);
  let queue: Promise<void> = Promise.resolve();

  /**
   * The import's heartbeat: every 2 s its latest progress is written in a short
   * transaction of its own (a running import whose heartbeat stops was interrupted).
   */
  function heartbeat(workspaceId: string, importId: string, also?: (p: ImportProgressReport) => void) {
    let latest: ImportProgressReport | undefined;
    let chain = Promise.resolve();
    const beat = () => {
      const progress = latest;
      chain = chain
        .then(() => tenant({ workspaceId }, (tx) => importsRepository.update(tx, workspaceId, importId, { heartbeatAt: new Date(), ...(progress && { progress }) })))
        .then(() => undefined)
        .catch((err: unknown) => log.warn({ err, importId }, 'import progress not recorded'));
    };
    const timer = setInterval(beat, 2000);
    timer.unref();
    return {
      report(p: ImportProgressReport) {
        // A new phase shows at once; rows within a phase at the next beat.
        const phaseChanged = latest?.phase !== p.phase;
        latest = p;
        also?.(p);
        if (phaseChanged) beat();
      },
      async stop() {
        clearInterval(timer);
        await chain;
      },
    };
  }

  /** Records a new run as running, in its own transaction, so it shows while it runs. */
  function recordRunning(ctx: RunContext, id: string, file: ImportFile, req: ImportRequest) {
    return tenant(ctx, (tx) =>
      importsRepository.insert(tx, {
        workspaceId: ctx.workspaceId,
        id,
        kind: req.kind,
        status: 'running',
        format: req.format ?? null,
        source: req.source ?? null,
        fileName: file.name,
        fileSize: file.size,
        options: { mapping: req.mapping, dateFormat: req.dateFormat, strict: req.strict ?? false },
        full: req.full ?? false,
        dryRun: req.dryRun ?? false,
        createdByUserId: ctx.actor.userId,
        createdByName: ctx.actor.name ?? 'cli',
        startedAt: new Date(),
        heartbeatAt: new Date(),
      }),
    );
  }

  /**
   * Records a run as failed. While the database is away (the reason it failed, often), the record is
   * tried again every 2 s in the background for up to 10 minutes, so the run does not stay "running"
   * until housekeeping notices its heartbeat stopped.
   */
  async function recordFailure(ctx: RunContext, id: string, e: unknown) {
    const write = () =>
      tenant(ctx, (tx) => importsRepository.update(tx, ctx.workspaceId, id, { status: 'failed', error: messageOf(e), finishedAt: new Date(), uploadKey: null }));
    await write().catch((err: unknown) => {
      log.warn({ err, importId: id }, 'import failure not recorded yet; trying again while the database is away');
      let tries = 0;
      const retry = () =>
        void write().catch((again: unknown) => {
          if (++tries < RECORD_RETRIES) setTimeout(retry, 2000).unref();
          else log.error({ err: again, importId: id }, 'import failure not recorded');
        });
      setTimeout(retry, 2000).unref();
    });
  }

  /** Runs a deals or accounts import to the end; `row` is the upload's record when it has one. */
  async function execute(
    ctx: RunContext,
    row: ImportRow | undefined,
    file: ImportFile,
    req: ImportRequest,
    onProgress?: (p: ImportProgressReport) => void,
  ): Promise<{ id: string; outcome: DealImportOutcome }> {
    const settings = await tenant(ctx, (tx) => dealSettingsOf(tx, ctx.workspaceId));
    const id = row?.id ?? crypto.randomUUID();
    const recorded = !req.dryRun || row !== undefined;
    if (recorded && !row) await recordRunning(ctx, id, file, req);
    const beat = recorded ? heartbeat(ctx.workspaceId, id, onProgress) : undefined;
    try {
      const run = req.kind === 'accounts' ? runAccountImport : runDealImport;
      const outcome = await run(database, {
        workspaceId: ctx.workspaceId,
        importId: id,
        file,
        format: req.format,
        source: req.source,
        mapping: req.mapping && req.kind === 'deals' ? parseMapping(req.mapping) : (req.mapping as MappingFile | undefined),
        dateFormat: req.dateFormat,
        full: req.full ?? false,
        dryRun: req.dryRun ?? false,
        strict: req.strict ?? false,
        baseCurrency: settings.baseCurrency,
        workspaceStages: settings.stages,
        onProgress: beat ? (p) => beat.report(p) : onProgress,
        beforeCommit: async (tx, o) => {
          await beat?.stop();
          await importsRepository.update(tx, ctx.workspaceId, id, completedState(id, o));
          await deps.audit(tx, ctx.workspaceId, ctx.actor, {
            action: req.kind === 'accounts' ? 'accounts.imported' : 'deals.imported',
            targetType: 'import',
            targetId: id,
            targetLabel: file.name,
            details: { source: o.source, ...countsOf(o) },
          });
          // One event per import, never one per deal.
          await deps.emit(tx, {
            workspaceId: ctx.workspaceId,
            type: 'import.completed',
            payload: { importId: id, kind: req.kind, fileName: file.name, source: o.source, counts: countsOf(o), importedBy: { userId: ctx.actor.userId, name: ctx.actor.name } },
            actorUserId: ctx.actor.userId,
          });
        },
      });
      if (req.dryRun && recorded) {
        await beat?.stop();
        await tenant(ctx, (tx) => importsRepository.update(tx, ctx.workspaceId, id, completedState(id, outcome)));
      }
      return { id, outcome };
    } catch (e) {
      await beat?.stop();
      if (recorded) await recordFailure(ctx, id, e);
      if (connectionLost(e)) log.warn({ err: e, importId: id }, 'import failed: the database connection was lost');
      else if (!(e instanceof AppError)) log.error({ err: e, importId: id }, 'import failed');
      throw e;
    }
  }

  return {
    /** CLI: runs an import of a local file in this process and returns its result. */
    async runFile(ctx: RunContext, filePath: string, req: ImportRequest, onProgress?: (p: ImportProgressReport) => void) {
      const stat = await fs.stat(filePath).catch(() => undefined);
      if (!stat?.isFile()) throw E.localFileMissing(filePath);
      const { id, outcome } = await execute(ctx, undefined, { ...localFile(filePath, stat.size), ...readingLimits(deps.config) }, req, onProgress);
      return resultOf(id, outcome);
    },

    /** Server: runs a started upload as a background job, after those started before it; its file is deleted after. */
    enqueue(ctx: TenantContext, row: ImportRow, file: ImportFile, req: ImportRequest) {
      queue = queue
        .then(() => execute(ctx, row, file, req))
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => (row.uploadKey ? deps.files.delete(row.uploadKey) : undefined));
    },

    /** Housekeeping: imports whose process died are marked failed; stale pending uploads are deleted. */
    async recover() {
      const failed = await importsRepository.failInterrupted(database.db, new Date(Date.now() - STALE_AFTER_MS));
      const stale = await importsRepository.pendingOlderThan(database.db, new Date(Date.now() - PENDING_TTL_MS));
      for (const s of stale) {
        await tenant({ workspaceId: s.workspaceId }, (tx) => importsRepository.remove(tx, s.workspaceId, s.id));
        if (s.uploadKey) await deps.files.delete(s.uploadKey);
      }
      return { interrupted: failed.length, expired: stale.length };
    },
  };
}
