/**
 * The web app's way in: a file is uploaded and kept as a pending import, previewed (and its
 * mapping adjusted) as often as needed, then started as a background job, or discarded.
 * A source remembers the mapping it was last started with.
 */
import type { ImportDetail, ImportMapping, ImportPreview, ImportStartRequest } from '@tandem/contracts';
import { ImportStartRequest as ImportStartSchema } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { FileMissingError } from '../../lib/file-store.ts';
import { dealSettingsOf } from '../deals/index.ts';
import { findImport, type HistoryService } from './history.service.ts';
import { readingLimits, type ImportRequest } from './import-outcome.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { importsRepository, type ImportRow } from './imports.repository.ts';
import { mappingFileSchema } from './reading/mapping-file.ts';
import type { ImportFile } from './reading/open-records.ts';
import { previewDeals } from './reading/preview.ts';
import type { RunService } from './run.service.ts';

/** A mapping being edited, in words: the field that still needs a column, or the schema's own message. */
function mappingProblem(issue: { path: PropertyKey[]; message: string; code: string }): string {
  const [first, field] = issue.path;
  if (first === 'fields' && typeof field === 'string' && issue.code === 'invalid_type') return `Choose the column for ${field}; it is required.`;
  return `mapping.${issue.path.map(String).join('.')}: ${issue.message}`;
}

/** A pending upload's file, read from the file store by its key, whichever process received it. */
function storedFile(deps: Deps, row: ImportRow): ImportFile {
  const key = row.uploadKey;
  if (!key) throw E.uploadGone(row.id);
  return {
    name: `${row.id}.upload`, // told apart by its content (a ZIP signature), as uploaded files always were
    label: row.fileName,
    size: row.fileSize,
    open: () =>
      (async function* () {
        try {
          yield* deps.files.open(key) as AsyncIterable<Buffer>;
        } catch (e) {
          throw e instanceof FileMissingError ? E.uploadGone(row.id) : e;
        }
      })(),
    ...readingLimits(deps.config),
  };
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

async function pendingRow(deps: Deps, ctx: TenantContext, id: string) {
  const row = await findImport(deps, ctx, id);
  if (row.status !== 'pending') throw E.notPending(id, row.status);
  return row;
}

export function createUploadService(deps: Deps, { history, runs }: { history: HistoryService; runs: RunService }) {
  const { database, config } = deps;
  const tenant = <T>(ctx: TenantContext, fn: (tx: DbOrTx) => Promise<T>) => database.withTenant(ctx.workspaceId, fn);
  const uploadedFile = (row: ImportRow) => storedFile(deps, row);

  async function start(ctx: TenantContext, id: string, body: ImportStartRequest): Promise<ImportDetail> {
    const row = await pendingRow(deps, ctx, id);
    const req = requestFor(row, body);
    uploadedFile(row);
    // A file none of whose rows can be imported is refused here, not run to a "completed" that created nothing.
    if (row.kind === 'deals' && !req.dryRun) {
      const { check } = await previewOf(ctx, row, req);
      if (check && check.rows > 0 && check.invalid === check.rows) throw E.nothingToImport(check.rows, check.wholeFile, check.reasons);
    }
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
    runs.enqueue(ctx, started, uploadedFile(started), req);
    return history.get(ctx, id);
  }

  return {
    /** The largest upload taken (TANDEM_IMPORT_MAX_BYTES): the multipart parser stops a file there. */
    uploadLimit: config.TANDEM_IMPORT_MAX_BYTES,

    /**
     * Keeps an upload for preview and start. The caller streams the file; it is refused past the size
     * limit (`stream.truncated`: the multipart parser stops a file at the limit and says so there, without an error).
     */
    async upload(
      ctx: TenantContext,
      file: { name: string; stream: AsyncIterable<Buffer> & { truncated?: boolean } },
      req: ImportRequest,
      startNow: boolean,
    ): Promise<ImportDetail> {
      const id = crypto.randomUUID();
      // A key, not a path: every process sharing the store finds the file (a second machine behind a load balancer).
      const key = `uploads/${id}.upload`;
      const limit = config.TANDEM_IMPORT_MAX_BYTES;
      const limited = async function* () {
        let read = 0;
        for await (const chunk of file.stream) {
          read += chunk.length;
          if (read > limit) throw E.tooLarge(limit);
          yield chunk;
        }
        if (file.stream.truncated) throw E.tooLarge(limit);
      };
      const { size } = await deps.files.put(key, limited());
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
          uploadKey: key,
        }),
      );
      const { kind: _kind, ...options } = req;
      if (startNow) return start(ctx, id, options);
      return history.get(ctx, id);
    },

    async preview(ctx: TenantContext, id: string, body: ImportStartRequest): Promise<ImportPreview> {
      const row = await pendingRow(deps, ctx, id);
      return previewOf(ctx, row, requestFor(row, body));
    },

    start,

    /** Discards a pending upload. */
    async discard(ctx: TenantContext, id: string): Promise<void> {
      const row = await pendingRow(deps, ctx, id);
      await tenant(ctx, (tx) => importsRepository.remove(tx, ctx.workspaceId, id));
      if (row.uploadKey) await deps.files.delete(row.uploadKey);
    },
  };

  /** The preview of a pending upload under these choices; without a mapping, the one remembered for its source. */
  async function previewOf(ctx: TenantContext, row: ImportRow, req: ImportRequest): Promise<ImportPreview> {
    const settings = await tenant(ctx, (tx) => dealSettingsOf(tx, ctx.workspaceId));
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
  }
}
