import type {
  CreateFeedbackRequest,
  CreateFeedbackResponse,
  FeedbackItem,
  FeedbackList,
  FeedbackListQuery,
  FeedbackResponseMetrics,
  MyFeedbackSummary,
  SimilarFeedback,
  UpdateFeedbackRequest,
} from '@tandem/contracts';
import { can } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeTimeCursor, page } from '../../../lib/pagination.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { indexAdded, indexChanged, similarityIndex } from '../similarity/similarity-cache.ts';
import { themePicker } from '../similarity/theme-picker.ts';
import { announceAdded } from '../themes/theme-steps.ts';
import { themesRepository as themesRepo, type ThemeRow } from '../themes/themes.repository.ts';
import { feedbackRepository as repo, type FeedbackItemRow, type ItemFilter } from './items.repository.ts';

const DAY = 86_400_000;
const DUPLICATE_WINDOW_DAYS = 90;

/** A repeatable query parameter (`?kind=a&kind=b`) as a list. */
const many = <T>(x: T | T[] | undefined) => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);

function filterOf(ctx: TenantContext, q: Omit<FeedbackListQuery, 'cursor' | 'limit'>): ItemFilter {
  return {
    kinds: many(q.kind),
    competitor: q.competitor,
    segment: q.segment,
    themeId: q.theme === 'none' ? null : q.theme,
    statuses: many(q.status),
    submittedByUserId: q.submittedBy === 'me' ? (ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000') : q.submittedBy,
    dealId: q.dealId,
    accountId: q.accountId,
    q: q.q,
    // A bare day is a UTC day, inclusive; an instant is exclusive at the top (the start of the next local day).
    from: q.from ? new Date(q.from.length === 10 ? `${q.from}T00:00:00Z` : q.from) : undefined,
    to: q.to ? (q.to.length === 10 ? new Date(`${q.to}T23:59:59.999Z`) : new Date(new Date(q.to).getTime() - 1)) : undefined,
  };
}

/** The deal and account an item may name: both must exist; the account defaults to the deal's. */
async function resolveLinks(tx: DbOrTx, workspaceId: string, dealId: string | null | undefined, accountId: string | null | undefined, at = 'body') {
  let account = accountId ?? null;
  if (dealId) {
    const deal = await repo.dealRef(tx, workspaceId, dealId);
    if (!deal) throw E.dealNotFound(`${at}.dealId`, dealId);
    if (account && deal.accountId && account !== deal.accountId) throw E.dealAccountMismatch();
    account = account ?? deal.accountId;
  }
  if (account && !(await repo.accountRef(tx, workspaceId, account))) throw E.accountNotFound(`${at}.accountId`, account);
  return { dealId: dealId ?? null, accountId: account };
}

export function createFeedbackService(deps: Deps) {
  const { database, audit, emit } = deps;

  async function ownedItem(tx: DbOrTx, ctx: TenantContext, itemId: string): Promise<FeedbackItemRow> {
    const item = await repo.itemById(tx, ctx.workspaceId, itemId);
    if (!item) throw E.itemNotFound(itemId);
    if (item.submittedByUserId !== ctx.actor.userId && !can(ctx.role, 'feedback.triage')) throw E.notYours();
    return item;
  }

  return {
    async list(ctx: TenantContext, q: FeedbackListQuery): Promise<FeedbackList> {
      const { cursor, limit, ...filters } = q;
      const after = decodeTimeCursor(cursor);
      const f = filterOf(ctx, filters);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await repo.listItems(tx, ctx.workspaceId, f, limit + 1, after ? { observedAt: after.createdAt, id: after.id } : undefined);
        const total = await repo.countItems(tx, ctx.workspaceId, f);
        const p = page(rows, limit, (r) => [r.observedAt, r.id]);
        return { items: p.items, nextCursor: p.nextCursor, total };
      });
    },

    async get(ctx: TenantContext, itemId: string): Promise<FeedbackItem> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const [item] = await repo.itemDtos(tx, ctx.workspaceId, [itemId]);
        if (!item) throw E.itemNotFound(itemId);
        return item;
      });
    },

    async create(ctx: TenantContext, body: CreateFeedbackRequest): Promise<CreateFeedbackResponse> {
      const result = await database.withTenant(ctx.workspaceId, async (tx) => {
        const links = await resolveLinks(tx, ctx.workspaceId, body.dealId, body.accountId);
        let placed: { theme: ThemeRow | undefined; by: 'person' | 'auto'; confidence: number | null } | null = null;
        if (body.sameAsId) {
          const same = await repo.itemById(tx, ctx.workspaceId, body.sameAsId);
          if (!same) throw E.invalidField('body.sameAsId', `no feedback item ${body.sameAsId} in this workspace`);
          if (same.themeId) placed = { theme: await themesRepo.themeById(tx, ctx.workspaceId, same.themeId), by: 'person', confidence: null };
        } else {
          const auto = (await themePicker(tx, ctx.workspaceId, database))(body.text);
          if (auto) placed = { theme: auto.theme, by: 'auto', confidence: auto.confidence };
        }
        const [row] = await repo.insertItems(tx, [
          {
            workspaceId: ctx.workspaceId,
            kind: body.kind,
            text: body.text,
            quote: body.quote || null,
            dealId: links.dealId,
            accountId: links.accountId,
            competitor: body.competitor || null,
            source: body.source ?? 'call',
            submittedByUserId: ctx.actor.userId,
            observedAt: body.observedAt ? new Date(body.observedAt) : undefined,
            sameAsId: body.sameAsId ?? null,
          },
        ]);
        const item = row!;
        const theme = placed?.theme;
        if (placed && theme) {
          await repo.assignItems(tx, ctx.workspaceId, [item.id], theme, { assignedBy: placed.by, confidence: placed.confidence, actorUserId: null });
          await themesRepo.addFollowers(tx, ctx.workspaceId, theme.id, [item.submittedByUserId]);
          await announceAdded(tx, ctx, emit, theme, [item], 'logged');
        }
        const [dto] = await repo.itemDtos(tx, ctx.workspaceId, [item.id]);
        return {
          row: { ...item, themeId: theme?.id ?? null },
          response: {
            item: dto!,
            autoAssigned:
              placed?.by === 'auto' && theme ? { theme: { id: theme.id, name: theme.name, status: theme.status }, confidence: placed.confidence! } : null,
          },
        };
      });
      indexAdded(ctx.workspaceId, [result.row]);
      return result.response;
    },

    async similar(ctx: TenantContext, text: string, excludeId?: string): Promise<SimilarFeedback> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const index = await similarityIndex(tx, ctx.workspaceId, database);
        const hits = index.nearest(text, { since: new Date(Date.now() - DUPLICATE_WINDOW_DAYS * DAY), limit: 5, excludeId });
        const dtos = await repo.itemDtos(tx, ctx.workspaceId, hits.map((h) => h.row.id));
        const sim = new Map(hits.map((h) => [h.row.id, Math.round(h.similarity * 100) / 100]));
        const items = dtos.map((d) => ({ ...d, similarity: sim.get(d.id)! }));
        return { items, reporters: new Set(items.map((i) => i.submittedBy?.userId ?? 'unknown')).size };
      });
    },

    async update(ctx: TenantContext, itemId: string, body: UpdateFeedbackRequest): Promise<FeedbackItem> {
      const dto = await database.withTenant(ctx.workspaceId, async (tx) => {
        const item = await ownedItem(tx, ctx, itemId);
        const patch: Partial<FeedbackItemRow> = {};
        if (body.kind !== undefined) patch.kind = body.kind;
        if (body.text !== undefined) patch.text = body.text;
        if (body.quote !== undefined) patch.quote = body.quote || null;
        if (body.competitor !== undefined) patch.competitor = body.competitor || null;
        if (body.source !== undefined) patch.source = body.source;
        if (body.dealId !== undefined || body.accountId !== undefined) {
          const dealId = body.dealId !== undefined ? body.dealId : item.dealId;
          // A new deal brings its own account unless one is given; unlinking the deal keeps the account.
          const accountId = body.accountId !== undefined ? body.accountId : body.dealId ? null : item.accountId;
          Object.assign(patch, await resolveLinks(tx, ctx.workspaceId, dealId, accountId));
        }
        await repo.updateItem(tx, ctx.workspaceId, itemId, patch);
        return (await repo.itemDtos(tx, ctx.workspaceId, [itemId]))[0]!;
      });
      if (body.text !== undefined) indexChanged(ctx.workspaceId);
      return dto;
    },

    async remove(ctx: TenantContext, itemId: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        const item = await ownedItem(tx, ctx, itemId);
        await repo.deleteItem(tx, ctx.workspaceId, itemId);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'feedback.deleted',
          targetType: 'feedback',
          targetId: itemId,
          targetLabel: item.text.slice(0, 80),
        });
      });
      indexChanged(ctx.workspaceId);
    },

    async mine(ctx: TenantContext): Promise<MyFeedbackSummary> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = ctx.actor.userId ? await repo.mySummary(tx, ctx.workspaceId, ctx.actor.userId) : [];
        return {
          total: rows.reduce((s, r) => s + r.n, 0),
          byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
          withResponse: rows.reduce((s, r) => s + r.responded, 0),
        };
      });
    },

    async metrics(ctx: TenantContext): Promise<FeedbackResponseMetrics> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await repo.responseStats(tx, ctx.workspaceId);
        const stats = (r: (typeof rows)[number]) => ({
          items: r.items,
          acknowledged: r.acknowledged,
          responded: r.responded,
          responseRate: r.items ? r.responded / r.items : 0,
          medianHoursToAcknowledge: r.medianHours === null ? null : Math.round(Number(r.medianHours) * 10) / 10,
          acknowledgedByPerson: r.acknowledgedByPerson,
        });
        const total = rows.find((r) => r.isTotal);
        const people = rows.filter((r) => r.userId !== null).sort((a, b) => b.acknowledged - a.acknowledged);
        return {
          overall: total ? stats(total) : { items: 0, acknowledged: 0, responded: 0, responseRate: 0, medianHoursToAcknowledge: null, acknowledgedByPerson: 0 },
          byPerson: people.map((r) => ({ ...stats(r), person: { userId: r.userId!, name: r.name ?? 'Former member' } })),
          untriaged: total?.untriaged ?? 0,
        };
      });
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
