/**
 * Imports as a use case: run one from the CLI, or upload a file to the server,
 * preview and adjust its mapping, start it as a background job and follow it;
 * list the history, download rejected rows, undo. Every import is recorded.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { DealUpsertRequest, DealUpsertResponse, ImportMapping, ImportDetail, ImportList, ImportListQuery, ImportPreview, ImportRecord, ImportResult, ImportStartRequest } from '@tandem/contracts';
import { ImportStartRequest as ImportStartSchema } from '@tandem/contracts';
import type { DbOrTx, Tx } from '../../db/database.ts';
import { AppError } from '../../lib/app-error.ts';
import type { Actor, TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import { recordAudit } from '../audit/index.ts';
import { workspacesRepository } from '../workspaces/index.ts';
import { dealsRepository } from './deals.repository.ts';
import { stageTable } from './deals.service.ts';
import { ImportFileError } from '../../lib/tabular/tabular.errors.ts';
import { mappingFileSchema, type MappingFile } from './import/mapping-file.ts';
import { StageResolver, type StageTable } from './import/stages.ts';
import type { DealInput } from './import/deal-input.ts';
import { runDealImport, runDealInputs, type DealImportOutcome, type ImportFile, type ImportProgressReport } from './import-pipeline.ts';
import { previewDeals } from './import-preview.ts';
import { runAccountImport } from './import-accounts.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { importsRepository, type ImportRow } from './imports.repository.ts';
import { emit } from '../notifications/index.ts';

/** A running import whose heartbeat is older than this was interrupted. */
const STALE_AFTER_MS = 120_000;
/** Pending uploads nobody started are deleted after a day. */
const PENDING_TTL_MS = 86_400_000;

export interface ImportRequest {
  kind: 'deals' | 'accounts';
  format?: 'salesforce' | 'hubspot' | 'csv';
  source?: string;
  /** A mapping file's content: checked here (the contract's shape is looser than the file's schema). */
  mapping?: MappingFile | ImportMapping;
  dateFormat?: 'MDY' | 'DMY' | 'YMD';
  full?: boolean;
  dryRun?: boolean;
  strict?: boolean;
}

export const localFile = (filePath: string, size: number): ImportFile => ({
  name: path.basename(filePath),
  size,
  open: () => createReadStream(filePath, { highWaterMark: 1 << 20 }),
});

function resultOf(id: string, o: DealImportOutcome): ImportResult {
  return {
    importId: id,
    created: o.created,
    updated: o.updated,
    unchanged: o.unchanged,
    removed: o.removed,
    invalid: o.invalid,
    warnings: o.warnings,
    unknownStages: o.unknownStages,
    errors: o.errors,
    errorsTruncated: o.errorsTruncated,
  };
}

const countsOf = (o: DealImportOutcome) => ({
  rows: o.rows,
  created: o.created,
  updated: o.updated,
  unchanged: o.unchanged,
  removed: o.removed,
  invalid: o.invalid,
  warnings: o.warnings,
});

/** What a finished import's record says: counts, the result the CLI prints, warnings and the file's columns. */
const completedState = (id: string, o: DealImportOutcome) => ({
  status: 'completed' as const,
  format: o.format,
  source: o.source,
  finishedAt: new Date(),
  counts: countsOf(o),
  progress: { phase: 'done', rows: o.rows, totalRows: o.rows },
  result: { ...resultOf(id, o), warningList: o.warningList, headers: o.headers },
  uploadPath: null,
});

const messageOf = (e: unknown) => (e instanceof AppError ? (e.detail ?? e.title) : 'The import failed unexpectedly; nothing was imported. The server log has the details.');

function parseMapping(m: unknown): MappingFile {
  const r = mappingFileSchema.safeParse(m);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw E.badField(`mapping.${issue.path.join('.')}`, issue.message);
  }
  return r.data;
}

/** A mapping being edited, in words: the field that still needs a column, or the schema's own message. */
function mappingProblem(issue: { path: PropertyKey[]; message: string; code: string }): string {
  const [first, field] = issue.path;
  if (first === 'fields' && typeof field === 'string' && issue.code === 'invalid_type') return `Choose the column for ${field}; it is required.`;
  return `mapping.${issue.path.map(String).join('.')}: ${issue.message}`;
}

export function createImportsService(deps: Deps) {
  const { database, config, log } = deps;
  const tenant = <T>(ctx: { workspaceId: string }, fn: (tx: Tx) => Promise<T>) => database.withTenant(ctx.workspaceId, fn);
  const uploadDir = path.join(config.dataDir, 'uploads');
  let queue: Promise<void> = Promise.resolve();

  async function workspaceSettings(tx: DbOrTx, workspaceId: string): Promise<{ baseCurrency: string; stages: StageTable }> {
    const ws = await workspacesRepository.byId(tx, workspaceId);
    const stages = stageTable(await dealsRepository.stageMappings(tx, workspaceId));
    return { baseCurrency: ws?.baseCurrency ?? 'USD', stages };
  }

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

  async function toRecords(tx: DbOrTx, workspaceId: string, rows: ImportRow[]): Promise<ImportRecord[]> {
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
      canUndo: r.status === 'completed' && !r.dryRun && latestIds.has(r.id),
    }));
  }

  /**
   * Runs a deals import to the end. The import is recorded as running first (in
   * its own transaction, so it shows while it runs); its outcome is recorded in
   * the import's transaction, so "completed" and the data commit together.
   */
  async function execute(
    ctx: { workspaceId: string; actor: Actor },
    row: ImportRow | undefined,
    file: ImportFile,
    req: ImportRequest,
    onProgress?: (p: ImportProgressReport) => void,
  ): Promise<{ id: string; outcome: DealImportOutcome }> {
    const settings = await tenant(ctx, (tx) => workspaceSettings(tx, ctx.workspaceId));
    const id = row?.id ?? crypto.randomUUID();
    const recorded = !req.dryRun || row !== undefined;
    if (recorded && !row) {
      await tenant(ctx, (tx) =>
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
          await recordAudit(tx, ctx.workspaceId, ctx.actor, {
            action: req.kind === 'accounts' ? 'accounts.imported' : 'deals.imported',
            targetType: 'import',
            targetId: id,
            targetLabel: file.name,
            details: { source: o.source, ...countsOf(o) },
          });
          // One event per import, never one per deal.
          await emit(tx, {
            workspaceId: ctx.workspaceId,
            type: 'import.completed',
            payload: { importId: id, kind: req.kind, fileName: file.name, source: o.source, counts: countsOf(o), importedBy: { userId: ctx.actor.userId, name: ctx.actor.name } },
            actorUserId: ctx.actor.userId,
          });
        },
      });
      if (req.dryRun && recorded) {
        await beat?.stop();
        await tenant(ctx, (tx) =>
          importsRepository.update(tx, ctx.workspaceId, id, completedState(id, outcome)),
        );
      }
      return { id, outcome };
    } catch (e) {
      await beat?.stop();
      if (recorded) {
        await tenant(ctx, (tx) =>
          importsRepository.update(tx, ctx.workspaceId, id, { status: 'failed', error: messageOf(e), finishedAt: new Date(), uploadPath: null }),
        ).catch((err: unknown) => log.warn({ err, importId: id }, 'import failure not recorded'));
      }
      if (!(e instanceof AppError)) log.error({ err: e, importId: id }, 'import failed');
      throw e;
    }
  }

  async function getRow(ctx: TenantContext, id: string) {
    const row = await tenant(ctx, (tx) => importsRepository.byId(tx, ctx.workspaceId, id));
    if (!row) throw E.notFound(id);
    return row;
  }

  function uploadedFile(row: ImportRow): ImportFile {
    if (!row.uploadPath) throw E.uploadGone(row.id);
    return localFile(row.uploadPath, row.fileSize);
  }

  function requestFor(row: ImportRow, body: ImportStartRequest): ImportRequest {
    const opts = ImportStartSchema.parse(body);
    return {
      kind: row.kind,
      format: opts.format,
      source: opts.source,
      mapping: opts.mapping,
      dateFormat: opts.dateFormat,
      full: opts.full,
      dryRun: opts.dryRun,
      strict: opts.strict,
    };
  }

  function enqueue(ctx: TenantContext, row: ImportRow, req: ImportRequest) {
    queue = queue
      .then(() => execute(ctx, row, uploadedFile(row), req))
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => (row.uploadPath ? fs.rm(row.uploadPath, { force: true }) : undefined));
  }

  return {
    /** CLI: runs an import of a local file in this process and returns its result. */
    async runFile(ctx: { workspaceId: string; actor: Actor }, filePath: string, req: ImportRequest, onProgress?: (p: ImportProgressReport) => void) {
      const stat = await fs.stat(filePath).catch(() => undefined);
      if (!stat?.isFile()) throw new ImportFileError('DEALS_IMPORT_NO_FILE', 'File not found', `${filePath}: no such file.`);
      const { id, outcome } = await execute(ctx, undefined, localFile(filePath, stat.size), req, onProgress);
      return resultOf(id, outcome);
    },

    /** Server: keeps an upload for preview and start. The caller streams the file; it is refused past the size limit. */
    /** `stream.truncated`: the multipart parser stops a file at the size limit and says so there, without an error. */
    async upload(ctx: TenantContext, file: { name: string; stream: AsyncIterable<Buffer> & { truncated?: boolean } }, req: ImportRequest, start: boolean): Promise<ImportDetail> {
      await fs.mkdir(uploadDir, { recursive: true });
      const id = crypto.randomUUID();
      const target = path.join(uploadDir, `${id}.upload`);
      const limit = config.TANDEM_IMPORT_MAX_BYTES;
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > limit) done(E.tooLarge(limit));
          else done(null, chunk);
        },
      });
      try {
        await pipeline(file.stream, counter, createWriteStream(target));
        if (file.stream.truncated) throw E.tooLarge(limit);
      } catch (e) {
        await fs.rm(target, { force: true });
        throw e;
      }
      await tenant(ctx, (tx) =>
        importsRepository.insert(tx, {
          workspaceId: ctx.workspaceId,
          id,
          kind: req.kind,
          status: 'pending',
          format: req.format ?? null,
          source: req.source ?? null,
          fileName: file.name.slice(0, 255) || 'upload.csv',
          fileSize: size,
          options: { mapping: req.mapping, dateFormat: req.dateFormat, strict: req.strict ?? false },
          full: req.full ?? false,
          dryRun: req.dryRun ?? false,
          createdByUserId: ctx.actor.userId,
          createdByName: ctx.actor.name ?? 'API',
          uploadPath: target,
        }),
      );
      const { kind: _kind, ...options } = req;
      if (start) return this.start(ctx, id, options);
      return this.get(ctx, id);
    },

    async preview(ctx: TenantContext, id: string, body: ImportStartRequest): Promise<ImportPreview> {
      const row = await getRow(ctx, id);
      if (row.status !== 'pending') throw E.notPending(id, row.status);
      const req = requestFor(row, body);
      const settings = await tenant(ctx, (tx) => workspaceSettings(tx, ctx.workspaceId));
      // A source remembers its mapping: offered again when none is given.
      let draft = req.mapping as ImportMapping | undefined;
      if (!draft && (!req.format || req.format === 'csv')) {
        // Saved under the source, or under "csv" when none was named (as start() saves it).
        const saved = await tenant(ctx, (tx) => importsRepository.mapping(tx, ctx.workspaceId, row.kind, req.source ?? 'csv'));
        draft = (saved?.mapping as ImportMapping | null) ?? undefined;
      }
      // A mapping being edited may be incomplete: the preview says what is missing instead of refusing.
      const checked = draft ? mappingFileSchema.safeParse(draft) : undefined;
      const issue = checked && !checked.success ? checked.error.issues[0] : undefined;
      return previewDeals({
        file: uploadedFile(row),
        format: req.format,
        source: req.source,
        mapping: checked?.success ? checked.data : undefined,
        draft,
        problem: issue && mappingProblem(issue),
        dateFormat: req.dateFormat,
        baseCurrency: settings.baseCurrency,
        workspaceStages: settings.stages,
      });
    },

    async start(ctx: TenantContext, id: string, body: ImportStartRequest): Promise<ImportDetail> {
      const row = await getRow(ctx, id);
      if (row.status !== 'pending') throw E.notPending(id, row.status);
      const req = requestFor(row, body);
      uploadedFile(row);
      const started = await tenant(ctx, async (tx) => {
        const updated = await importsRepository.update(tx, ctx.workspaceId, id, {
          status: 'running',
          format: req.format ?? null,
          source: req.source ?? null,
          full: req.full ?? false,
          dryRun: req.dryRun ?? false,
          options: { mapping: req.mapping, dateFormat: req.dateFormat, strict: req.strict ?? false },
          startedAt: new Date(),
          heartbeatAt: new Date(),
          progress: { phase: 'queued', rows: 0, totalRows: null },
        });
        if (req.source || req.format) {
          await importsRepository.saveMapping(tx, {
            workspaceId: ctx.workspaceId,
            kind: row.kind,
            source: req.source ?? req.format!,
            format: req.format ?? 'csv',
            mapping: req.mapping ?? null,
          });
        }
        return updated!;
      });
      enqueue(ctx, started, req);
      return this.get(ctx, id);
    },

    async get(ctx: TenantContext, id: string): Promise<ImportDetail> {
      return tenant(ctx, async (tx) => {
        const row = await importsRepository.byId(tx, ctx.workspaceId, id);
        if (!row) throw E.notFound(id);
        const [record] = await toRecords(tx, ctx.workspaceId, [row]);
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
        return { items: await toRecords(tx, ctx.workspaceId, items), nextCursor, total };
      });
    },

    /** Puts back what the import changed. Only the latest import of a source can be undone, so every undo is exact. */
    async undo(ctx: TenantContext, id: string): Promise<ImportDetail> {
      await tenant(ctx, async (tx) => {
        const row = await importsRepository.byId(tx, ctx.workspaceId, id);
        if (!row) throw E.notFound(id);
        if (row.status !== 'completed') throw E.notUndoable(`Import ${id} is ${row.status}; only a completed import can be undone.`);
        if (row.dryRun) throw E.notUndoable(`Import ${id} was a dry run; it changed nothing.`);
        await importsRepository.lockSource(tx, ctx.workspaceId, row.kind, row.source!);
        const [latest] = await importsRepository.latestCompleted(tx, ctx.workspaceId, [{ kind: row.kind, source: row.source! }]);
        if (latest && latest.id !== id) throw E.notLatest(row.source!, latest.id);
        const undone = row.kind === 'accounts' ? await importsRepository.undoAccounts(tx, ctx.workspaceId, id) : await importsRepository.undoDeals(tx, ctx.workspaceId, id);
        if ('blockedByDeals' in undone && undone.blockedByDeals) {
          throw E.notUndoable(`${undone.blockedByDeals} deal${undone.blockedByDeals === 1 ? ' belongs' : 's belong'} to accounts this import created; undo the deals import that linked them first.`);
        }
        await importsRepository.update(tx, ctx.workspaceId, id, { status: 'undone', undoneAt: new Date() });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'deals.import_undone',
          targetType: 'import',
          targetId: id,
          targetLabel: row.fileName,
          details: undone,
        });
      });
      return this.get(ctx, id);
    },

    /** Discards a pending upload. */
    async discard(ctx: TenantContext, id: string): Promise<void> {
      const row = await getRow(ctx, id);
      if (row.status !== 'pending') throw E.notPending(id, row.status);
      await tenant(ctx, (tx) => importsRepository.remove(tx, ctx.workspaceId, id));
      if (row.uploadPath) await fs.rm(row.uploadPath, { force: true });
    },

    /** The rejected rows in pages of 1,000, in file order: the source of the rejected-rows CSV. */
    async rejectedHeaders(ctx: TenantContext, id: string): Promise<string[]> {
      const row = await getRow(ctx, id);
      return ((row.result as { headers?: string[] } | null)?.headers ?? []);
    },

    async *rejectedRows(ctx: TenantContext, id: string) {
      let afterLine = 0;
      for (;;) {
        const rows = await tenant(ctx, (tx) => importsRepository.rejects(tx, ctx.workspaceId, id, afterLine, 1000));
        if (!rows.length) return;
        yield* rows;
        afterLine = rows.at(-1)!.line;
      }
    },

    /**
     * The upsert API: up to 1,000 deals keyed by (source, external id), staged and
     * merged like a file in one transaction, recorded as an import (so it can be undone).
     */
    async upsert(ctx: TenantContext, body: DealUpsertRequest): Promise<DealUpsertResponse> {
      const settings = await tenant(ctx, (tx) => workspaceSettings(tx, ctx.workspaceId));
      const stages = new StageResolver(settings.stages);
      const inputs: DealInput[] = body.deals.map((d) => {
        const stage = stages.resolve(d.stage);
        const amount = d.amount === undefined ? undefined : String(d.amount);
        const deal: DealInput = {
          externalId: d.externalId,
          name: d.name ?? ([d.account, (d.products ?? []).join(', ')].filter(Boolean).join(' - ') || d.externalId),
          account: d.account,
          amount,
          currency: amount === undefined ? d.currency : (d.currency ?? settings.baseCurrency),
          stage: d.stage,
          stageCategory: stage.category,
          probability: d.probability ?? stage.probability,
          closeDate: d.closeDate,
          createdDate: d.createdDate,
          owner: d.owner,
          type: d.type,
          leadSource: d.leadSource,
          products: [...new Set(d.products ?? [])],
          competitors: [...new Set(d.competitors ?? [])],
          reason: d.reason,
          customFields: d.customFields ?? {},
        };
        return deal;
      });
      const id = crypto.randomUUID();
      const fileName = `API upsert (${inputs.length} deal${inputs.length === 1 ? '' : 's'})`;
      let results: Awaited<ReturnType<typeof importsRepository.incomingResults>> = [];
      await tenant(ctx, (tx) =>
        importsRepository.insert(tx, {
          workspaceId: ctx.workspaceId,
          id,
          kind: 'deals',
          status: 'running',
          source: body.source,
          fileName,
          createdByUserId: ctx.actor.userId,
          createdByName: ctx.actor.name ?? 'API',
          startedAt: new Date(),
          heartbeatAt: new Date(),
        }),
      );
      try {
        const outcome = await runDealInputs(
          database,
          { workspaceId: ctx.workspaceId, importId: id, source: body.source, full: false, dryRun: false, strict: true, baseCurrency: settings.baseCurrency,
            beforeCommit: async (tx, o) => {
              results = await importsRepository.incomingResults(tx, { workspaceId: ctx.workspaceId, importId: id, source: body.source, baseCurrency: settings.baseCurrency });
              await importsRepository.update(tx, ctx.workspaceId, id, { status: 'completed', finishedAt: new Date(), counts: countsOf(o), result: { ...resultOf(id, o), warningList: o.warningList } });
              await recordAudit(tx, ctx.workspaceId, ctx.actor, { action: 'deals.upserted', targetType: 'import', targetId: id, targetLabel: fileName, details: { source: o.source, ...countsOf(o) } });
              // The upsert API speaks for the CRM deal by deal: each stage change is an event.
              for (const c of await importsRepository.stageChanges(tx, ctx.workspaceId, id)) {
                await emit(tx, {
                  workspaceId: ctx.workspaceId,
                  type: 'deal.stage_changed',
                  payload: {
                    dealId: c.deal_id,
                    name: c.name,
                    source: body.source,
                    externalId: c.external_id,
                    from: c.prev_stage ? { stage: c.prev_stage, category: c.prev_category } : null,
                    to: { stage: c.stage, category: c.stage_category },
                    amount: c.amount,
                    currency: c.currency,
                    ownerUserId: c.owner_user_id,
                    changedBy: { userId: ctx.actor.userId, name: ctx.actor.name },
                  },
                  actorUserId: ctx.actor.userId,
                });
              }
            },
          },
          inputs,
          () => stages.unknownStages(),
        );
        const byId = new Map(results.map((r) => [r.external_id, r]));
        return {
          importId: id,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          results: body.deals.map((d) => {
            const r = byId.get(d.externalId)!;
            return { externalId: d.externalId, status: r.action, dealId: r.deal_id };
          }),
        };
      } catch (e) {
        await tenant(ctx, (tx) => importsRepository.update(tx, ctx.workspaceId, id, { status: 'failed', error: messageOf(e), finishedAt: new Date() })).catch(() => undefined);
        throw e;
      }
    },

    /** Housekeeping: imports whose process died are marked failed; stale pending uploads are deleted. */
    async recover() {
      const failed = await importsRepository.failInterrupted(database.db, new Date(Date.now() - STALE_AFTER_MS));
      const stale = await importsRepository.pendingOlderThan(database.db, new Date(Date.now() - PENDING_TTL_MS));
      for (const s of stale) {
        await tenant({ workspaceId: s.workspaceId }, (tx) => importsRepository.remove(tx, s.workspaceId, s.id));
        if (s.uploadPath) await fs.rm(s.uploadPath, { force: true });
      }
      return { interrupted: failed.length, expired: stale.length };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
