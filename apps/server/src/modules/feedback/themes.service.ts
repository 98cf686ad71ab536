import type {
  AddThemeLinkRequest,
  ChangeThemeStatusRequest,
  CreateThemeRequest,
  Theme,
  ThemeDetail,
  ThemeList,
  ThemeListQuery,
  UpdateThemeRequest,
} from '@tandem/contracts';
import { THEME_STATUS_LABELS } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { recordAudit } from '../audit/index.ts';
import { emit } from '../notifications/index.ts';
import { toLinkDto, toMetricsDto, trendWeeks } from './feedback.dto.ts';
import { FeedbackErrors as E } from './feedback.errors.ts';
import { feedbackRepository as repo, type ThemeRow } from './feedback.repository.ts';
import { themesRepository as themesRepo } from './themes.repository.ts';
import { indexChanged } from './similarity-cache.ts';
import { many } from './feedback.service.ts';
import { violates } from '../../db/errors.ts';

const DEAL_LIMIT = 200;
const person = (userId: string | null, names: Map<string, string>) => (userId ? { userId, name: names.get(userId) ?? 'Former member' } : null);

/** Themes as the board shows them: each with its metrics, trend and top competitors, in three queries for all. */
export async function themeDtos(tx: DbOrTx, workspaceId: string, rows: ThemeRow[], now = new Date()): Promise<Theme[]> {
  const ids = rows.map((t) => t.id);
  const weeks = trendWeeks(now);
  const since = new Date(`${weeks[0]}T00:00:00Z`);
  // One connection runs one query at a time: these go in turn.
  const metrics = await themesRepo.themeMetrics(tx, workspaceId, ids);
  const weekly = await themesRepo.weeklyCounts(tx, workspaceId, ids, since);
  const competitors = await themesRepo.competitorCounts(tx, workspaceId, ids);
  const names = await themesRepo.personNames(tx, rows.flatMap((t) => [t.ownerUserId, t.respondedByUserId].filter((x): x is string => !!x)));
  const counts = new Map<string, Map<string, number>>();
  for (const w of weekly) {
    const m = counts.get(w.themeId!) ?? new Map<string, number>();
    m.set(w.week, w.n);
    counts.set(w.themeId!, m);
  }
  const comp = new Map<string, { name: string; items: number }[]>();
  for (const c of competitors) comp.set(c.themeId!, [...(comp.get(c.themeId!) ?? []), { name: c.name, items: c.n }]);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    status: t.status,
    owner: person(t.ownerUserId, names),
    response: t.response,
    respondedAt: t.respondedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    metrics: toMetricsDto(metrics.get(t.id), weeks, counts.get(t.id), comp.get(t.id)),
  }));
}

function sortThemes(items: Theme[], sort: ThemeListQuery['sort']): Theme[] {
  const num = (s: string) => Number(s);
  const key: Record<ThemeListQuery['sort'], (a: Theme, b: Theme) => number> = {
    '-openPipeline': (a, b) => num(b.metrics.openPipeline) - num(a.metrics.openPipeline),
    '-lostRevenue': (a, b) => num(b.metrics.lostRevenue) - num(a.metrics.lostRevenue),
    '-items': (a, b) => b.metrics.items - a.metrics.items,
    '-lastSeen': (a, b) => (b.metrics.lastSeen ?? '').localeCompare(a.metrics.lastSeen ?? ''),
    name: (a, b) => a.name.localeCompare(b.name),
  };
  return [...items].sort((a, b) => key[sort](a, b) || b.metrics.items - a.metrics.items || a.name.localeCompare(b.name));
}

export function createThemesService(deps: Deps) {
  const { database } = deps;

  async function liveTheme(tx: DbOrTx, ctx: TenantContext, themeId: string, lock = false): Promise<ThemeRow> {
    const theme = lock ? await themesRepo.lockTheme(tx, ctx.workspaceId, themeId) : await themesRepo.themeById(tx, ctx.workspaceId, themeId);
    if (!theme) throw E.themeNotFound(themeId);
    if (theme.mergedIntoId) {
      const into = await themesRepo.themeById(tx, ctx.workspaceId, theme.mergedIntoId);
      throw E.themeMerged(theme.name, into?.name ?? 'another theme');
    }
    return theme;
  }

  async function uniqueName(tx: DbOrTx, ctx: TenantContext, name: string, exceptId?: string) {
    const other = await themesRepo.themeByName(tx, ctx.workspaceId, name);
    if (other && other.id !== exceptId) throw E.themeNameTaken('body.name', other.name);
  }

  /** The check above cannot see a theme another transaction is creating: its unique index can. */
  async function named<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (violates(e, 'themes_name_key')) throw E.themeNameTaken('body.name', name);
      throw e;
    }
  }

  async function detail(tx: DbOrTx, ctx: TenantContext, themeId: string): Promise<ThemeDetail> {
    const theme = await themesRepo.themeById(tx, ctx.workspaceId, themeId);
    if (!theme) throw E.themeNotFound(themeId);
    const [dto] = await themeDtos(tx, ctx.workspaceId, [theme]);
    const links = await themesRepo.links(tx, ctx.workspaceId, [theme.id]);
    const history = await themesRepo.statusHistory(tx, ctx.workspaceId, theme.id);
    const dealRows = await themesRepo.themeDeals(tx, ctx.workspaceId, theme.id, DEAL_LIMIT);
    const kinds = await themesRepo.kindCounts(tx, ctx.workspaceId, theme.id);
    const followers = await themesRepo.followers(tx, ctx.workspaceId, theme.id);
    const mergedInto = theme.mergedIntoId ? await themesRepo.themeById(tx, ctx.workspaceId, theme.mergedIntoId) : undefined;
    return {
      ...dto!,
      links: links.map(toLinkDto),
      history: history.map((h) => ({
        id: h.change.id,
        from: h.change.fromStatus,
        to: h.change.toStatus,
        message: h.change.message,
        by: h.change.changedByUserId ? { userId: h.change.changedByUserId, name: h.name ?? 'Former member' } : null,
        at: h.change.changedAt.toISOString(),
        notified: h.change.notified,
      })),
      deals: dealRows.map((d) => ({
        id: d.id,
        name: d.name,
        account: d.account,
        stage: d.stage,
        stageCategory: d.stageCategory,
        amountBase: d.amountBase,
        closeDate: d.closeDate,
        via: d.direct ? ('item' as const) : ('account' as const),
      })),
      kinds: kinds.map((k) => ({ kind: k.kind, items: k.n })),
      subscribers: followers.filter((f) => f.following).length,
      following: followers.some((f) => f.userId === ctx.actor.userId && f.following),
      mergedInto: mergedInto ? { id: mergedInto.id, name: mergedInto.name, status: mergedInto.status } : null,
    };
  }

  /** Puts items into a theme and signs their submitters up to it. */
  async function placeItems(tx: DbOrTx, ctx: TenantContext, itemIds: string[], theme: ThemeRow | null, assignedBy: 'person' | 'suggestion') {
    const moved = await repo.assignItems(tx, ctx.workspaceId, itemIds, theme, { assignedBy, confidence: null, actorUserId: ctx.actor.userId });
    if (theme) await themesRepo.addFollowers(tx, ctx.workspaceId, theme.id, moved.map((m) => m.submittedByUserId));
    return moved.length;
  }

  async function existingItems(tx: DbOrTx, ctx: TenantContext, itemIds: string[], path = 'body.itemIds') {
    const unique = [...new Set(itemIds)];
    // Locked: a suggestion accepted or a split at the same moment waits, then sees where the items went.
    const rows = await repo.lockItems(tx, ctx.workspaceId, unique);
    if (rows.length !== unique.length) {
      const found = new Set(rows.map((r) => r.id));
      throw E.itemsNotFound(path, unique.filter((id) => !found.has(id)));
    }
    return rows;
  }

  async function newTheme(tx: DbOrTx, ctx: TenantContext, name: string, description: string | null, itemIds: string[], assignedBy: 'person' | 'suggestion') {
    await uniqueName(tx, ctx, name);
    const theme = await named(name, () => themesRepo.insertTheme(tx, { workspaceId: ctx.workspaceId, name, description, createdByUserId: ctx.actor.userId }));
    await placeItems(tx, ctx, itemIds, theme, assignedBy);
    return theme;
  }

  return {
    async list(ctx: TenantContext, q: ThemeListQuery): Promise<ThemeList> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await themesRepo.listThemes(tx, ctx.workspaceId, { statuses: many(q.status), q: q.q });
        const items = sortThemes(await themeDtos(tx, ctx.workspaceId, rows), q.sort);
        return { items, total: items.length };
      });
    },

    async get(ctx: TenantContext, themeId: string): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, (tx) => detail(tx, ctx, themeId));
    },

    async create(ctx: TenantContext, body: CreateThemeRequest): Promise<ThemeDetail> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        await existingItems(tx, ctx, body.itemIds);
        const theme = await newTheme(tx, ctx, body.name, body.description || null, body.itemIds, 'person');
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.created',
          targetType: 'theme',
          targetId: theme.id,
          targetLabel: theme.name,
          details: { items: body.itemIds.length },
        });
        return detail(tx, ctx, theme.id);
      });
      indexChanged(ctx.workspaceId);
      return out;
    },

    /** Internal: a theme from a suggestion (suggestions.service). */
    newTheme,
    detail,

    async update(ctx: TenantContext, themeId: string, body: UpdateThemeRequest): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const theme = await liveTheme(tx, ctx, themeId, true);
        if (body.name !== undefined) await uniqueName(tx, ctx, body.name, themeId);
        if (body.ownerUserId && !(await themesRepo.isMember(tx, ctx.workspaceId, body.ownerUserId, ['admin', 'marketing']))) {
          throw E.ownerNotMarketing(body.ownerUserId);
        }
        await named(body.name ?? theme.name, () =>
          themesRepo.updateTheme(tx, ctx.workspaceId, themeId, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description || null } : {}),
          ...(body.ownerUserId !== undefined ? { ownerUserId: body.ownerUserId } : {}),
          }),
        );
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.updated',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: body.name ?? theme.name,
          details: { ...(body.name !== undefined && body.name !== theme.name ? { renamedFrom: theme.name } : {}), fields: Object.keys(body) },
        });
        return detail(tx, ctx, themeId);
      });
    },

    /**
     * Moves a theme along new → … → addressed | won't address, usually with a response. Every follower (each
     * submitter once, however many items) except the person acting hears of it through one event.
     */
    async changeStatus(ctx: TenantContext, themeId: string, body: ChangeThemeStatusRequest): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const theme = await liveTheme(tx, ctx, themeId, true);
        const message = body.message?.trim() || null;
        if (body.status === theme.status && !message) throw E.sameStatus(THEME_STATUS_LABELS[theme.status].toLowerCase());
        if ((body.status === 'addressed' || body.status === 'wont_address') && !message) {
          throw E.responseRequired(THEME_STATUS_LABELS[body.status].toLowerCase());
        }
        const now = new Date();
        await themesRepo.updateTheme(tx, ctx.workspaceId, themeId, {
          status: body.status,
          ...(message ? { response: message, respondedAt: now, respondedByUserId: ctx.actor.userId } : {}),
        });
        await repo.markThemeItems(tx, ctx.workspaceId, themeId, ctx.actor.userId, body.status !== 'new', !!message);
        const recipients = (await themesRepo.followers(tx, ctx.workspaceId, themeId))
          .filter((f) => f.following && f.userId !== ctx.actor.userId)
          .map((f) => f.userId);
        const links = await themesRepo.links(tx, ctx.workspaceId, [themeId]);
        const metrics = await themesRepo.themeMetrics(tx, ctx.workspaceId, [themeId]);
        await themesRepo.insertStatusChange(tx, {
          workspaceId: ctx.workspaceId,
          themeId,
          fromStatus: theme.status,
          toStatus: body.status,
          message,
          changedByUserId: ctx.actor.userId,
          changedAt: now,
          notified: recipients.length,
        });
        // Emitted even when no person is told: Slack channels and webhooks still hear of it.
        await emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'feedback.theme_status_changed',
          payload: {
            themeId,
            name: theme.name,
            from: theme.status,
            to: body.status,
            message,
            links: links.map((l) => ({ title: l.link.title, url: l.link.url })),
            items: metrics.get(themeId)?.items ?? 0,
            changedBy: { userId: ctx.actor.userId, name: ctx.actor.name },
            recipientUserIds: recipients,
          },
          actorUserId: ctx.actor.userId,
        });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.status_changed',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: theme.name,
          details: { from: theme.status, to: body.status, notified: recipients.length, withMessage: !!message },
        });
        return detail(tx, ctx, themeId);
      });
    },

    async addLink(ctx: TenantContext, themeId: string, body: AddThemeLinkRequest): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await liveTheme(tx, ctx, themeId);
        await themesRepo.insertLink(tx, {
          workspaceId: ctx.workspaceId,
          themeId,
          kind: body.kind,
          title: body.title,
          url: body.kind === 'url' ? body.url! : null,
          note: body.note || null,
          createdByUserId: ctx.actor.userId,
        });
        await themesRepo.updateTheme(tx, ctx.workspaceId, themeId, {});
        return detail(tx, ctx, themeId);
      });
    },

    async removeLink(ctx: TenantContext, themeId: string, linkId: string): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await liveTheme(tx, ctx, themeId);
        if (!(await themesRepo.deleteLink(tx, ctx.workspaceId, themeId, linkId))) throw E.linkNotFound(linkId);
        return detail(tx, ctx, themeId);
      });
    },

    /** Merges sources into a theme: their items, followers and links move; the sources remain as pointers. */
    async merge(ctx: TenantContext, themeId: string, sourceThemeIds: string[]): Promise<ThemeDetail> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        const sources = [...new Set(sourceThemeIds)];
        if (sources.includes(themeId)) {
          await liveTheme(tx, ctx, themeId);
          throw E.mergeIntoItself();
        }
        // Lock in id order, so two merges over the same themes cannot deadlock.
        const rows = new Map<string, ThemeRow>();
        for (const id of [themeId, ...sources].sort()) rows.set(id, await liveTheme(tx, ctx, id, true));
        const target = rows.get(themeId)!;
        const moved = await repo.moveThemeItems(tx, ctx.workspaceId, sources, themeId);
        await themesRepo.mergeFollowers(tx, ctx.workspaceId, sources, themeId);
        await themesRepo.moveLinks(tx, ctx.workspaceId, sources, themeId);
        await repo.markThemeItems(tx, ctx.workspaceId, themeId, ctx.actor.userId, target.status !== 'new', !!target.response);
        for (const id of sources) await themesRepo.updateTheme(tx, ctx.workspaceId, id, { mergedIntoId: themeId });
        await themesRepo.updateTheme(tx, ctx.workspaceId, themeId, {});
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.merged',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: target.name,
          details: { merged: sources.map((id) => rows.get(id)!.name), items: moved },
        });
        return detail(tx, ctx, themeId);
      });
      indexChanged(ctx.workspaceId);
      return out;
    },

    /** Moves some of a theme's items into a new theme of their own. */
    async split(ctx: TenantContext, themeId: string, name: string, itemIds: string[]): Promise<ThemeDetail> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        const theme = await liveTheme(tx, ctx, themeId, true);
        const items = await existingItems(tx, ctx, itemIds);
        const outside = items.filter((i) => i.themeId !== themeId).map((i) => i.id);
        if (outside.length) throw E.notInTheme(outside);
        const total = (await themesRepo.themeMetrics(tx, ctx.workspaceId, [themeId])).get(themeId)?.items ?? 0;
        if (items.length >= total) throw E.splitAll();
        const created = await newTheme(tx, ctx, name, null, items.map((i) => i.id), 'person');
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.split',
          targetType: 'theme',
          targetId: created.id,
          targetLabel: created.name,
          details: { from: theme.name, items: items.length },
        });
        return detail(tx, ctx, created.id);
      });
      indexChanged(ctx.workspaceId);
      return out;
    },

    async follow(ctx: TenantContext, themeId: string, following: boolean) {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await liveTheme(tx, ctx, themeId);
        if (ctx.actor.userId) await themesRepo.setFollowing(tx, ctx.workspaceId, themeId, ctx.actor.userId, following);
        return { following };
      });
    },

    /** Moves items into a theme, or out of any (back to triage). */
    async moveItems(ctx: TenantContext, itemIds: string[], themeId: string | null) {
      const moved = await database.withTenant(ctx.workspaceId, async (tx) => {
        const items = await existingItems(tx, ctx, itemIds);
        const theme = themeId ? await liveTheme(tx, ctx, themeId, true) : null;
        const n = await placeItems(tx, ctx, items.map((i) => i.id), theme, 'person');
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'feedback.moved',
          targetType: 'theme',
          targetId: theme?.id,
          targetLabel: theme?.name ?? 'No theme',
          details: { items: n },
        });
        return n;
      });
      indexChanged(ctx.workspaceId);
      return { moved };
    },
  };
}

export type ThemesService = ReturnType<typeof createThemesService>;
