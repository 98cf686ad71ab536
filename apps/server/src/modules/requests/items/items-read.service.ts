/**
 * Reading requests: the queue and other lists (filters, sort, cursor), similar open requests while typing, a
 * request's page, its comments and its activity log.
 */
import {
  OPEN_REQUEST_STATUSES,
  type RequestActivityKind,
  type RequestActivityList,
  type RequestCommentList,
  type RequestDetail,
  type RequestList,
  type RequestListQuery,
  type RequestSummary,
  type SimilarRequests,
  type SimilarRequestsQuery,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../../../lib/pagination.ts';
import { processCache } from '../../../lib/process-caches.ts';
import { openQueue, queueContext, scoreRow, summaryOf, type QueueEntry, type QueueRow, type SummaryRow } from '../queue/queue.ts';
import { queueRepository } from '../queue/queue.repository.ts';
import { itemsRepository as repo } from './items.repository.ts';
import { requestDetail, requestOr404 } from './request-detail.ts';
import { buildSimilarityIndex, rankIndexed, type SimilarityIndex } from './similarity.ts';

type ListQuery = z.output<typeof RequestListQuery>;

/** Similarity below which an open request is not offered as "+1 this instead" (see similarity.test.ts). */
export const SIMILAR_MIN = 0.3;

/** What filters and sorts read of a request: the fields queue rows and full rows share. */
type ListRow = Pick<QueueRow, 'id' | 'number' | 'type' | 'title' | 'status' | 'neededBy' | 'assigneeUserId' | 'createdAt' | 'updatedAt'>;

interface Listed {
  row: ListRow;
  entry?: QueueEntry;
  /** The full row, read already (closed requests) or for the page only (open ones). */
  full?: SummaryRow;
  total: number;
}

const time = (d: Date) => d.getTime();

/** Similarity indexes of the open requests by (workspace, type asked for), with the requests' stamp they were built at. */
const SIMILAR_INDEXES = processCache(new Map<string, { stamp: number; index: SimilarityIndex }>());
const MAX_SIMILAR_INDEXES = 32;

export function createItemsReadService(deps: Deps) {
  const { database } = deps;

  return {
    async list(ctx: TenantContext, query: ListQuery, now = new Date()): Promise<RequestList> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        const statuses: readonly string[] = query.status?.length ? query.status : OPEN_REQUEST_STATUSES;
        const wantsOpen = statuses.some((s) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(s));
        const closedStatuses = statuses.filter((s) => !(OPEN_REQUEST_STATUSES as readonly string[]).includes(s));
        const queue = wantsOpen ? await openQueue(db, ctx.workspaceId, now) : null;
        const context = queue?.context ?? (await queueContext(db, ctx.workspaceId, now));
        const closedRows = closedStatuses.length ? await queueRepository.rowsWithStatus(db, ctx.workspaceId, closedStatuses) : [];
        const me = ctx.actor.userId;
        const ofDeal = query.dealId ? await repo.requestIdsOfDeal(db, ctx.workspaceId, query.dealId) : null;
        const mine = query.requester === 'me' ? await repo.requestIdsOfRequester(db, ctx.workspaceId, me ?? '00000000-0000-0000-0000-000000000000') : null;
        const q = query.q?.toLowerCase();
        // Words are looked for in titles and descriptions (one statement); "#12" or "12" also finds request 12.
        const matching = q ? await repo.requestIdsMatching(db, ctx.workspaceId, query.q!) : null;
        const keep = (r: ListRow) =>
          statuses.includes(r.status) &&
          (!query.type?.length || query.type.includes(r.type as never)) &&
          (!query.assignee ||
            (query.assignee === 'none' ? r.assigneeUserId === null : r.assigneeUserId === (query.assignee === 'me' ? me : query.assignee))) &&
          (!ofDeal || ofDeal.has(r.id)) &&
          (!mine || mine.has(r.id)) &&
          (!q || matching!.has(r.id) || `#${r.number}` === q || String(r.number) === q);

        // Open requests in queue order first (their rank), then the others by score; other sorts are plain.
        let items: Listed[] = [
          ...(queue?.entries ?? []).filter((e) => keep(e.row)).map((e) => ({ row: e.row, entry: e, total: e.score.total })),
          ...closedRows
            .filter(keep)
            .map((row) => ({ row, full: row, total: scoreRow(row, context, false).score.total }))
            .sort((a, b) => b.total - a.total || time(a.row.createdAt) - time(b.row.createdAt)),
        ];
        if (query.sort === 'needed_by') {
          items = items.sort(
            (a, b) =>
              (a.row.neededBy ?? '9999-12-31').localeCompare(b.row.neededBy ?? '9999-12-31') ||
              (a.entry?.rank ?? Infinity) - (b.entry?.rank ?? Infinity) ||
              time(a.row.createdAt) - time(b.row.createdAt),
          );
        } else if (query.sort === 'created') {
          items = items.sort((a, b) => time(b.row.createdAt) - time(a.row.createdAt) || (a.row.id < b.row.id ? 1 : -1));
        } else if (query.sort === 'updated') {
          items = items.sort((a, b) => time(b.row.updatedAt) - time(a.row.updatedAt) || (a.row.id < b.row.id ? 1 : -1));
        }

        // The cursor: how many came before, and the id of the last one shown (its place is looked up again, so a
        // reorder between pages neither repeats nor skips much).
        let start = 0;
        const key = decodeCursor(query.cursor, 2);
        if (key) {
          const offset = Number(key[0]);
          if (!Number.isInteger(offset) || offset < 0) invalidCursor();
          const at = items.findIndex((x) => x.row.id === key[1]);
          start = at >= 0 ? at + 1 : Math.min(offset, items.length);
        }
        const pageItems = items.slice(start, start + query.limit);
        const end = start + pageItems.length;
        const last = pageItems[pageItems.length - 1];
        // The page's open requests read in full (texts, names, deals part by part) in one more statement.
        const missing = pageItems.filter((x) => !x.full).map((x) => x.row.id);
        const full = new Map((await queueRepository.rowsByIds(db, ctx.workspaceId, missing)).map((r) => [r.id, r]));
        return {
          items: pageItems.flatMap((x): RequestSummary[] => {
            const row = x.full ?? full.get(x.row.id);
            return row ? [summaryOf(row, context, x.entry)] : [];
          }),
          nextCursor: end < items.length && last ? encodeCursor([String(end), last.row.id]) : null,
          total: items.length,
        };
      });
    },

    async similar(ctx: TenantContext, query: z.output<typeof SimilarRequestsQuery>): Promise<SimilarRequests> {
      const limit = query.limit;
      return database.readTenant(ctx.workspaceId, async (db) => {
        // The open requests' index, kept while the requests' stamp holds (titles, descriptions and statuses move it).
        const { requests: stamp } = await queueRepository.stamps(db, ctx.workspaceId);
        const slot = `${ctx.workspaceId}|${query.type ?? ''}`;
        let kept = SIMILAR_INDEXES.get(slot);
        SIMILAR_INDEXES.delete(slot);
        if (!kept || kept.stamp !== stamp) {
          const docs = (await repo.openTexts(db, ctx.workspaceId)).filter((d) => !query.type || d.type === query.type);
          kept = { stamp, index: buildSimilarityIndex(docs.map((d) => ({ id: d.id, text: `${d.title}\n${d.description}` }))) };
        }
        SIMILAR_INDEXES.set(slot, kept);
        if (SIMILAR_INDEXES.size > MAX_SIMILAR_INDEXES) SIMILAR_INDEXES.delete(SIMILAR_INDEXES.keys().next().value!);
        const ranked = rankIndexed(kept.index, query.text, { limit, min: SIMILAR_MIN });
        if (!ranked.length) return { items: [] };
        const queue = await openQueue(db, ctx.workspaceId);
        const full = new Map((await queueRepository.rowsByIds(db, ctx.workspaceId, ranked.map((r) => r.id))).map((r) => [r.id, r]));
        return {
          items: ranked.flatMap((r) => {
            const entry = queue.byId.get(r.id);
            const row = full.get(r.id);
            return entry && row ? [{ request: summaryOf(row, queue.context, entry), similarity: r.similarity }] : [];
          }),
        };
      });
    },

    get(ctx: TenantContext, id: string): Promise<RequestDetail> {
      return database.readTenant(ctx.workspaceId, (db) => requestDetail(db, ctx, id));
    },

    async comments(ctx: TenantContext, id: string): Promise<RequestCommentList> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await requestOr404(db, ctx, id);
        const rows = await repo.comments(db, ctx.workspaceId, id);
        return {
          items: rows.map((c) => ({
            id: c.id,
            author: c.authorUserId ? { userId: c.authorUserId, name: c.authorName ?? 'Former member' } : null,
            body: c.body,
            createdAt: c.createdAt.toISOString(),
          })),
        };
      });
    },

    async activity(ctx: TenantContext, id: string): Promise<RequestActivityList> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await requestOr404(db, ctx, id);
        const rows = await repo.activity(db, ctx.workspaceId, id);
        return {
          items: rows.map((a) => ({
            id: a.id,
            kind: a.kind as RequestActivityKind,
            actor: a.actorUserId ? { userId: a.actorUserId, name: a.actorName ?? 'Former member' } : null,
            text: a.text,
            at: a.at.toISOString(),
          })),
        };
      });
    },
  };
}

export type ItemsReadService = ReturnType<typeof createItemsReadService>;
