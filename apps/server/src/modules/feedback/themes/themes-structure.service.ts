/**
 * What belongs where: creating a theme (with items), splitting items out into a new one, and moving items between
 * themes or back to triage (merging: themes-merge.service.ts). Each changes theme centres, so the similarity index
 * is dropped.
 */
import type { CreateThemeRequest, MoveFeedbackResponse, ThemeDetail } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { indexChanged } from '../similarity/similarity-cache.ts';
import { announceAdded, detail, existingItems, liveTheme, newTheme, placeItems } from './theme-steps.ts';
import { themesRepository as themesRepo } from './themes.repository.ts';

export function createThemesStructureService(deps: Deps) {
  const { database, audit, emit } = deps;

  return {
    async create(ctx: TenantContext, body: CreateThemeRequest): Promise<ThemeDetail> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        await existingItems(tx, ctx, body.itemIds);
        const theme = await newTheme(tx, ctx, body.name, body.description || null, body.itemIds, 'person');
        await audit(tx, ctx.workspaceId, ctx.actor, {
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
        await audit(tx, ctx.workspaceId, ctx.actor, {
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

    /** Moves items into a theme, or out of any (back to triage). */
    async moveItems(ctx: TenantContext, itemIds: string[], themeId: string | null): Promise<MoveFeedbackResponse> {
      const moved = await database.withTenant(ctx.workspaceId, async (tx) => {
        const items = await existingItems(tx, ctx, itemIds);
        const theme = themeId ? await liveTheme(tx, ctx, themeId, true) : null;
        const n = await placeItems(tx, ctx, items.map((i) => i.id), theme, 'person');
        // Only the items that were elsewhere are news to the theme's followers.
        if (theme) await announceAdded(tx, ctx, emit, theme, items.filter((i) => i.themeId !== theme.id), 'moved');
        await audit(tx, ctx.workspaceId, ctx.actor, {
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

export type ThemesStructureService = ReturnType<typeof createThemesStructureService>;
