/**
 * Touchpoints imported from a CSV: preview (columns, the preset they look like, a suggested mapping), then import
 * every valid row in one transaction — matched to the workspace's deals by Tandem id, CRM id or name, upserted by
 * source + touchpoint id (a re-import updates, never duplicates) — while each refused line is reported with its
 * column and value. Nothing is half-written: a crash rolls the whole import back.
 */
import type { TouchpointImportPreset, TouchpointImportMapping, TouchpointImportPreview, TouchpointImportResult } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';
import { attributionRepository as repo, type TouchpointInsert } from '../attribution.repository.ts';
import { endOfDay } from '../models/markers.ts';
import { previewFile, readFile, sourceOf, type Candidate, type Columns, type DateReader, type RowProblem } from './touchpoint-import.parse.ts';
import { touchpointImportRepository as importRepo, type DealMatch } from './touchpoint-import.repository.ts';

export interface UploadedFile {
  name: string;
  stream: AsyncIterable<Buffer>;
}

export interface TouchpointImportOptions {
  mapping: TouchpointImportMapping;
  preset?: TouchpointImportPreset;
  /** The source the touchpoints are kept under; the preset's (salesforce, hubspot, csv) unless given. */
  source?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows per upsert statement (ten parameters each, well under PostgreSQL's 65,535). */
const UPSERT_CHUNK = 1_000;
const MARK_CHUNK = 10_000;

/** The value as written, plus its 18-character form when it is a 15-character Salesforce id (deals are stored with those). */
function externalForms(ref: string): string[] {
  if (!/^[A-Za-z0-9]{15}$/.test(ref)) return [ref];
  const sf = normalizeSalesforceId(ref);
  return sf.ok ? [ref, sf.id] : [ref];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A deal cell → the deals it names: by Tandem id, else by CRM id, else by name (any case). */
function dealIndex(found: DealMatch[]) {
  const byId = new Map(found.map((d) => [d.id, d]));
  const byExternal = new Map<string, DealMatch[]>();
  const byName = new Map<string, DealMatch[]>();
  for (const d of found) {
    push(byExternal, d.externalId, d);
    push(byName, d.name.toLowerCase(), d);
  }
  return (ref: string): DealMatch[] => {
    const id = byId.get(ref);
    if (id) return [id];
    const ext = [...new Map(externalForms(ref).flatMap((f) => byExternal.get(f) ?? []).map((d) => [d.id, d])).values()];
    return ext.length ? ext : (byName.get(ref.toLowerCase()) ?? []);
  };
}

/** One candidate as the touchpoint to upsert, or every reason it cannot be. */
function resolveRow(c: Candidate, deal: (ref: string) => DealMatch[], columns: Columns, readDate: DateReader, now: number) {
  const problems: RowProblem[] = [...c.errors];
  let match: DealMatch | undefined;
  if (c.dealRef) {
    const found = deal(c.dealRef);
    if (found.length === 1) match = found[0];
    else if (!found.length) problems.push({ column: columns.deal!, value: c.dealRef, message: 'no deal with this id or name in this workspace' });
    else problems.push({ column: columns.deal!, value: c.dealRef, message: `names ${found.length} deals; use the deal's id` });
  }
  let at: Date | null = null;
  if (c.date) {
    const d = readDate(c.date);
    if ('error' in d) problems.push({ column: columns.occurredAt!, value: c.date, message: d.error });
    else at = d.at;
  }
  if (match && at) {
    const closeEnd = match.closeDate ? endOfDay(match.closeDate) : now;
    if (at.getTime() > now && at.getTime() > closeEnd)
      problems.push({ column: columns.occurredAt!, value: c.date, message: `in the future and after the deal's close (${match.closeDate ?? 'no close date'}): a touchpoint is something that happened` });
  }
  return { problems, match, at };
}

export function createTouchpointImportService(deps: Deps, options: { now?: () => Date } = {}) {
  const { database } = deps;
  const clock = options.now ?? (() => new Date());

  return {
    /** The largest file an upload may carry (TANDEM_IMPORT_MAX_BYTES); the route refuses a bigger one. */
    maxBytes: deps.config.TANDEM_IMPORT_MAX_BYTES,

    /** Columns, the preset, a suggested mapping and the first rows; nothing is written. */
    async preview(_ctx: TenantContext, file: UploadedFile): Promise<TouchpointImportPreview> {
      return previewFile(file.stream);
    },

    /** Every valid row upserted in one transaction; the refused ones listed by line, column and value. */
    async import(ctx: TenantContext, file: UploadedFile, opts: TouchpointImportOptions): Promise<TouchpointImportResult> {
      const preset = opts.preset ?? 'csv';
      const source = opts.source?.trim() || sourceOf(preset);
      const { columns, candidates, readDate } = await readFile(file.stream, opts.mapping, preset);
      const now = clock().getTime();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const refs = [...new Set(candidates.map((c) => c.dealRef).filter(Boolean))];
        const found = await importRepo.dealsByRefs(tx, ctx.workspaceId, {
          ids: refs.filter((r) => UUID.test(r)),
          externalIds: [...new Set(refs.flatMap(externalForms))],
          lowerNames: [...new Set(refs.map((r) => r.toLowerCase()))],
        });
        const deal = dealIndex(found);
        const refused: TouchpointImportResult['refused'] = [];
        const rows: TouchpointInsert[] = [];
        const seen = new Map<string, number>();
        for (const c of candidates) {
          const { problems, match, at } = resolveRow(c, deal, columns, readDate, now);
          const earlier = seen.get(c.externalId);
          if (c.externalId && earlier !== undefined)
            problems.push({ column: columns.externalId.join(' + '), value: c.externalId, message: `the same touchpoint id as line ${earlier}; each touchpoint once per file` });
          if (problems.length || !match || !at) {
            refused.push(...problems.map((p) => ({ line: c.line, ...p })));
            continue;
          }
          seen.set(c.externalId, c.line);
          rows.push({ workspaceId: ctx.workspaceId, source, externalId: c.externalId, dealId: match.id, occurredAt: at, team: c.team, kind: c.kind, campaign: c.campaign });
        }
        let created = 0;
        const dirty = new Set<string>();
        for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
          const chunk = rows.slice(i, i + UPSERT_CHUNK);
          for (const d of await repo.currentDeals(tx, ctx.workspaceId, chunk.map((r) => ({ source, externalId: r.externalId })))) dirty.add(d);
          for (const r of chunk) dirty.add(r.dealId);
          created += (await repo.upsertTouchpoints(tx, chunk)).filter((s) => s.created).length;
        }
        const marked = [...dirty];
        for (let i = 0; i < marked.length; i += MARK_CHUNK) await repo.markDirty(tx, ctx.workspaceId, marked.slice(i, i + MARK_CHUNK));
        const result = { fileName: file.name.slice(0, 255) || 'touchpoints.csv', preset, source, rows: candidates.length, created, updated: rows.length - created, refused, dealsMarked: dirty.size };
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'attribution.touchpoints_imported',
          targetType: 'attribution',
          targetId: source,
          targetLabel: result.fileName,
          details: { preset, rows: result.rows, created, updated: result.updated, refusedLines: new Set(refused.map((r) => r.line)).size },
        });
        return result;
      });
    },
  };
}

export type TouchpointImportService = ReturnType<typeof createTouchpointImportService>;
