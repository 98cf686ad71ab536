/**
 * Bulk import of feedback from a CSV (call-note exports): preview the columns, check or import every
 * row in one transaction (all or nothing unless invalid rows are skipped), and undo a whole import.
 */
import { randomUUID } from 'node:crypto';
import type { FeedbackImportMapping, FeedbackImportPreview, FeedbackImportResult, FeedbackKind } from '@tandem/contracts';
import { can } from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { feedbackRepository as itemsRepo } from '../items/items.repository.ts';
import { indexChanged } from '../similarity/similarity-cache.ts';
import { themePicker } from '../similarity/theme-picker.ts';
import type { feedbackItems } from '../tables.ts';
import { themesRepository as themesRepo, type ThemeRow } from '../themes/themes.repository.ts';
import { previewFile, readFile, type Candidate, type DateReader } from './feedback-import.parse.ts';
import { feedbackImportRepository as repo } from './feedback-import.repository.ts';

export interface UploadedFile {
  name: string;
  stream: AsyncIterable<Buffer>;
}

export interface FeedbackImportOptions {
  mapping: FeedbackImportMapping;
  dryRun: boolean;
  skipInvalid: boolean;
  defaultKind: FeedbackKind;
}

type NewItem = typeof feedbackItems.$inferInsert & { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSERT_CHUNK = 1000;
/** Ids per assignment statement, well under PostgreSQL's 65,535 parameters. */
const ASSIGN_CHUNK = 10_000;

/** The value as written, plus its 18-character form when it is a 15-character Salesforce id (deals are stored with those). */
function externalForms(ref: string): string[] {
  if (!/^[A-Za-z0-9]{15}$/.test(ref)) return [ref];
  const sf = normalizeSalesforceId(ref);
  return sf.ok ? [ref, sf.id] : [ref];
}

const uniqueById = <T extends { id: string }>(rows: (T | undefined)[]) => [...new Map(rows.filter((r): r is T => !!r).map((r) => [r.id, r])).values()];
const group = <K, V>(rows: V[], key: (v: V) => K) => {
  const m = new Map<K, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

/**
 * Turns deal, account and submitter cells into ids with one lookup per kind of reference for the whole file.
 * A deal is named by its Tandem id or its CRM id (any source); an account by id, name (any case) or CRM id;
 * a submitter is the active member with that email or name, else the person importing.
 */
async function resolver(tx: Tx, ctx: TenantContext, candidates: Candidate[]) {
  const ws = ctx.workspaceId;
  const dealRefs = [...new Set(candidates.map((c) => c.dealRef).filter(Boolean))];
  const accountRefs = [...new Set(candidates.map((c) => c.accountRef).filter(Boolean))];
  const deals = await repo.dealsByRefs(tx, ws, dealRefs.filter((r) => UUID.test(r)), [...new Set(dealRefs.flatMap(externalForms))]);
  const accounts = await repo.accountsByRefs(tx, ws, {
    ids: accountRefs.filter((r) => UUID.test(r)),
    lowerNames: [...new Set(accountRefs.map((r) => r.toLowerCase()))],
    externalIds: [...new Set(accountRefs.flatMap(externalForms))],
  });
  const members = await repo.activeMembers(tx, ws);
  const dealById = new Map(deals.map((d) => [d.id, d]));
  const dealsByExternal = group(deals, (d) => d.externalId);
  const accountsByKey = group(accounts, (a) => a.key);
  const memberByEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.userId]));
  const membersByName = group(members, (m) => m.name.trim().toLowerCase());

  return {
    deal(ref: string) {
      return uniqueById([dealById.get(ref), ...externalForms(ref).flatMap((f) => dealsByExternal.get(f) ?? [])]);
    },
    account(ref: string) {
      return uniqueById([ref, ref.toLowerCase(), ...externalForms(ref)].flatMap((k) => accountsByKey.get(k) ?? []));
    },
    submitter(ref: string): string | null {
      const byEmail = ref.includes('@') ? memberByEmail.get(ref.toLowerCase()) : undefined;
      const byName = membersByName.get(ref.toLowerCase());
      return byEmail ?? (byName?.length === 1 ? byName[0]!.userId : ctx.actor.userId);
    },
  };
}

/** One candidate as the item to insert, or every reason it cannot be. */
function resolveRow(
  c: Candidate,
  refs: Awaited<ReturnType<typeof resolver>>,
  columns: { dealId?: string; account?: string },
  dates: DateReader,
  ctx: TenantContext,
  now: Date,
): { item: NewItem } | { errors: string[] } {
  const errors = [...c.errors];
  let dealId: string | null = null;
  let accountId: string | null = null;
  let dealAccount: { id: string | null; name: string | null } | undefined;
  if (c.dealRef) {
    const found = refs.deal(c.dealRef);
    if (found.length === 1) {
      dealId = found[0]!.id;
      dealAccount = { id: found[0]!.accountId, name: found[0]!.accountName };
    } else if (found.length === 0) errors.push(`column "${columns.dealId}": no deal "${c.dealRef}" in this workspace (by Tandem id or CRM id)`);
    else errors.push(`column "${columns.dealId}": "${c.dealRef}" names ${found.length} deals (in ${found.map((d) => d.source).join(', ')}); use the Tandem deal id`);
  }
  if (c.accountRef) {
    const found = refs.account(c.accountRef);
    if (found.length === 1) accountId = found[0]!.id;
    else if (found.length === 0) errors.push(`column "${columns.account}": no account "${c.accountRef}" in this workspace (by name or CRM id)`);
    else errors.push(`column "${columns.account}": "${c.accountRef}" names ${found.length} accounts; use the account's CRM id`);
    if (accountId && dealAccount?.id && dealAccount.id !== accountId) {
      errors.push(
        `column "${columns.account}": deal "${c.dealRef}" belongs to ${dealAccount.name ? `"${dealAccount.name}"` : 'another account'}, not "${c.accountRef}"; leave the account empty to use the deal's`,
      );
    }
  }
  let observedAt = now;
  if (c.date) {
    const d = dates(c.date, now);
    if ('error' in d) errors.push(d.error);
    else observedAt = d.at;
  }
  if (errors.length) return { errors };
  return {
    item: {
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      kind: c.kind,
      text: c.text,
      quote: c.quote,
      dealId,
      accountId: accountId ?? dealAccount?.id ?? null,
      competitor: c.competitor,
      source: c.source,
      submittedByUserId: c.submitterRef ? refs.submitter(c.submitterRef) : ctx.actor.userId,
      observedAt,
    },
  };
}

/** Places each new item in its theme, grouped by theme and confidence; each theme signs up its new submitters. Returns a step to run once the items exist. */
async function placeItems(tx: Tx, workspaceId: string, items: NewItem[]) {
  const pick = await themePicker(tx, workspaceId);
  const groups = new Map<string, { theme: ThemeRow; confidence: number; ids: string[] }>();
  const followers = new Map<string, Set<string | null>>();
  for (const item of items) {
    const auto = pick(item.text);
    if (!auto) continue;
    const key = `${auto.theme.id}:${auto.confidence}`;
    const g = groups.get(key) ?? { theme: auto.theme, confidence: auto.confidence, ids: [] };
    g.ids.push(item.id);
    groups.set(key, g);
    const people = followers.get(auto.theme.id) ?? new Set();
    followers.set(auto.theme.id, people.add(item.submittedByUserId ?? null));
  }
  return async () => {
    let assigned = 0;
    for (const g of groups.values()) {
      for (let i = 0; i < g.ids.length; i += ASSIGN_CHUNK) {
        const ids = g.ids.slice(i, i + ASSIGN_CHUNK);
        assigned += (await itemsRepo.assignItems(tx, workspaceId, ids, g.theme, { assignedBy: 'auto', confidence: g.confidence, actorUserId: null })).length;
      }
    }
    for (const [themeId, userIds] of followers) await themesRepo.addFollowers(tx, workspaceId, themeId, [...userIds]);
    return assigned;
  };
}

export function createFeedbackImportService(deps: Deps) {
  const { database, audit } = deps;

  return {
    /** The largest file an upload may carry (TANDEM_IMPORT_MAX_BYTES); the route refuses a bigger one. */
    maxBytes: deps.config.TANDEM_IMPORT_MAX_BYTES,

    /** Columns, a suggested mapping and the first rows; nothing is written. */
    async preview(_ctx: TenantContext, file: UploadedFile): Promise<FeedbackImportPreview> {
      return previewFile(file.stream);
    },

    /** Checks every row; writes them all in one transaction unless it is a dry run or a row is invalid (and not skipped). */
    async import(ctx: TenantContext, file: UploadedFile, options: FeedbackImportOptions): Promise<FeedbackImportResult> {
      const { columns, candidates, dates } = await readFile(file.stream, options.mapping, options.defaultKind);
      const now = new Date();
      const result = await database.withTenant(ctx.workspaceId, async (tx) => {
        const refs = await resolver(tx, ctx, candidates);
        const items: NewItem[] = [];
        const rejected: FeedbackImportResult['rejected'] = [];
        for (const c of candidates) {
          const r = resolveRow(c, refs, columns, dates, ctx, now);
          if ('item' in r) items.push(r.item);
          else rejected.push({ line: c.line, errors: r.errors });
        }
        const base = { rows: candidates.length, rejected, dryRun: options.dryRun };
        if (options.dryRun || (rejected.length && !options.skipInvalid) || !items.length) return { ...base, batchId: null, created: 0, autoAssigned: 0 };

        const assign = await placeItems(tx, ctx.workspaceId, items);
        const batch = await repo.insertImport(tx, {
          workspaceId: ctx.workspaceId,
          fileName: file.name.slice(0, 255) || 'feedback.csv',
          rows: candidates.length,
          created: items.length,
          createdByUserId: ctx.actor.userId,
        });
        for (let i = 0; i < items.length; i += INSERT_CHUNK) {
          await itemsRepo.insertItems(tx, items.slice(i, i + INSERT_CHUNK).map((item) => ({ ...item, importBatchId: batch.id })));
        }
        const autoAssigned = await assign();
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'feedback.imported',
          targetType: 'feedback_import',
          targetId: batch.id,
          targetLabel: batch.fileName,
          details: { rows: candidates.length, created: items.length, rejected: rejected.length, autoAssigned },
        });
        return { ...base, batchId: batch.id, created: items.length, autoAssigned };
      });
      if (result.batchId) indexChanged(ctx.workspaceId);
      return result;
    },

    /** Deletes every item of an import (wherever triage has put them since) and marks it undone. */
    async undo(ctx: TenantContext, batchId: string): Promise<{ removed: number }> {
      const removed = await database.withTenant(ctx.workspaceId, async (tx) => {
        const batch = await repo.importById(tx, ctx.workspaceId, batchId);
        if (!batch) throw E.importNotFound(batchId);
        if (batch.undoneAt) throw E.importUndone(batchId);
        // Undo deletes items others may have triaged since: the person who imported, or marketing, decides.
        if (batch.createdByUserId !== ctx.actor.userId && !can(ctx.role, 'feedback.triage')) throw E.importNotYours();
        await repo.dropImportFollowers(tx, ctx.workspaceId, batchId, batch.createdAt);
        const n = await repo.undoImport(tx, ctx.workspaceId, batchId);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'feedback.import_undone',
          targetType: 'feedback_import',
          targetId: batchId,
          targetLabel: batch.fileName,
          details: { removed: n },
        });
        return n;
      });
      indexChanged(ctx.workspaceId);
      return { removed };
    },
  };
}

export type FeedbackImportService = ReturnType<typeof createFeedbackImportService>;
