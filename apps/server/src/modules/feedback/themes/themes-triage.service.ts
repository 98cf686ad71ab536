/**
 * A theme's own life: listing and reading themes, renaming, status changes with the response every follower
 * hears, links to what addressed it, and following. Where items sit is themes-structure.service.ts.
 */
import type { AddThemeLinkRequest, ChangeThemeStatusRequest, FollowThemeResponse, Theme, ThemeDetail, ThemeList, ThemeListQuery, UpdateThemeRequest } from '@tandem/contracts';
import { THEME_STATUS_LABELS } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { feedbackRepository as itemsRepo } from '../items/items.repository.ts';
import { detail, liveTheme, named, uniqueName } from './theme-steps.ts';
import { themesRepository as themesRepo } from './themes.repository.ts';

/** A repeatable query parameter (`?status=a&status=b`) as a list. */
const many = <T>(x: T | T[] | undefined) => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);

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

export function createThemesTriageService(deps: Deps) {
  const { database, audit, emit, withdraw } = deps;
  const undoSeconds = deps.config.TANDEM_UNDO_SECONDS;

  return {
    async list(ctx: TenantContext, q: ThemeListQuery): Promise<ThemeList> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await themesRepo.listThemes(tx, ctx.workspaceId, { statuses: many(q.status), q: q.q });
        const items = sortThemes(await themesRepo.themeDtos(tx, ctx.workspaceId, rows), q.sort);
        return { items, total: items.length };
      });
    },

    async get(ctx: TenantContext, themeId: string): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, (tx) => detail(tx, ctx, themeId));
    },

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
        await audit(tx, ctx.workspaceId, ctx.actor, {
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
        await itemsRepo.markThemeItems(tx, ctx.workspaceId, themeId, ctx.actor.userId, body.status !== 'new', !!message, now);
        const recipients = (await themesRepo.followers(tx, ctx.workspaceId, themeId))
          .filter((f) => f.following && f.userId !== ctx.actor.userId)
          .map((f) => f.userId);
        const links = await themesRepo.links(tx, ctx.workspaceId, [themeId]);
        const metrics = await themesRepo.themeMetrics(tx, ctx.workspaceId, [themeId]);
        // Emitted even when no person is told: Slack channels and webhooks still hear of it. Held for the undo
        // window, so an undo within it withdraws the event and nobody ever hears of the change.
        const event = await emit(tx, {
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
          holdSeconds: undoSeconds,
        });
        await themesRepo.insertStatusChange(tx, {
          workspaceId: ctx.workspaceId,
          themeId,
          fromStatus: theme.status,
          toStatus: body.status,
          message,
          changedByUserId: ctx.actor.userId,
          changedAt: now,
          notified: recipients.length,
          eventId: event.id,
          ...(undoSeconds > 0 ? { undoUntil: new Date(now.getTime() + undoSeconds * 1000) } : {}),
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.status_changed',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: theme.name,
          details: { from: theme.status, to: body.status, notified: recipients.length, withMessage: !!message },
        });
        return detail(tx, ctx, themeId);
      });
    },

    /**
     * Takes back the newest status change while its event is still held: the status, the response and the items'
     * acknowledged/responded marks return to what they were, the history loses the change, and the event is
     * withdrawn, so nobody hears of either. Once the event went out, undo is refused (a second message would
     * contradict the first); change the status again instead.
     */
    async undoStatus(ctx: TenantContext, themeId: string, changeId: string): Promise<ThemeDetail> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const theme = await liveTheme(tx, ctx, themeId, true);
        const history = await themesRepo.statusHistory(tx, ctx.workspaceId, themeId);
        const change = history.find((h) => h.change.id === changeId)?.change;
        if (!change) throw E.statusChangeNotFound(changeId);
        if (history[0]!.change.id !== changeId) throw E.undoNotNewest();
        if (!change.eventId || !history[0]!.undoable) throw E.undoTooLate();
        if (!(await withdraw(tx, ctx.workspaceId, change.eventId))) throw E.undoTooLate();
        const previous = history.slice(1).find((h) => h.change.message)?.change;
        await themesRepo.updateTheme(tx, ctx.workspaceId, themeId, {
          status: change.fromStatus ?? 'new',
          ...(change.message
            ? { response: previous?.message ?? null, respondedAt: previous?.changedAt ?? null, respondedByUserId: previous?.changedByUserId ?? null }
            : {}),
        });
        await itemsRepo.unmarkThemeItems(tx, ctx.workspaceId, themeId, change.changedAt);
        await themesRepo.deleteStatusChange(tx, ctx.workspaceId, changeId);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.status_change_undone',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: theme.name,
          details: { from: change.toStatus, to: change.fromStatus ?? 'new', notified: 0 },
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

    async follow(ctx: TenantContext, themeId: string, following: boolean): Promise<FollowThemeResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await liveTheme(tx, ctx, themeId);
        if (ctx.actor.userId) await themesRepo.setFollowing(tx, ctx.workspaceId, themeId, ctx.actor.userId, following);
        return { following };
      });
    },
  };
}

export type ThemesTriageService = ReturnType<typeof createThemesTriageService>;
