/**
 * Merging themes, and taking a merge back for a few seconds after (TANDEM_UNDO_SECONDS). A merge records what it
 * moved per source theme (items, links, the target's follower rows it created or stopped), so an undo moves back
 * exactly that and nothing a person did since. Merging sends no notification, so there is nothing to hold or withdraw.
 */
import type { MergeThemesResponse, ThemeDetail } from '@tandem/contracts';
import { violates } from '../../../db/errors.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { feedbackRepository as itemsRepo } from '../items/items.repository.ts';
import { indexChanged } from '../similarity/similarity-cache.ts';
import type { ThemeMergeSource } from '../tables.ts';
import { detail, liveTheme } from './theme-steps.ts';
import { themeMergesRepository as mergesRepo } from './theme-merges.repository.ts';
import { themesRepository as themesRepo, type ThemeRow } from './themes.repository.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function createThemesMergeService(deps: Deps) {
  const { database, audit } = deps;
  const undoSeconds = deps.config.TANDEM_UNDO_SECONDS;

  return {
    /** Merges sources into a theme: their items, followers and links move; the sources remain as pointers. */
    async merge(ctx: TenantContext, themeId: string, sourceThemeIds: string[]): Promise<MergeThemesResponse> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        const ws = ctx.workspaceId;
        const sources = [...new Set(sourceThemeIds)];
        if (sources.includes(themeId)) {
          await liveTheme(tx, ctx, themeId);
          throw E.mergeIntoItself();
        }
        // Lock in id order, so two merges (or a merge and an undo) over the same themes cannot deadlock.
        const rows = new Map<string, ThemeRow>();
        for (const id of [themeId, ...sources].sort()) rows.set(id, await liveTheme(tx, ctx, id, true));
        const target = rows.get(themeId)!;
        const mergedAt = new Date();
        const followersBefore = await mergesRepo.followerRows(tx, ws, [themeId, ...sources]);
        const linksBefore = await mergesRepo.linkIds(tx, ws, sources);
        const moved = await mergesRepo.moveSourceItems(tx, ws, sources, themeId);
        await themesRepo.mergeFollowers(tx, ws, sources, themeId);
        await themesRepo.moveLinks(tx, ws, sources, themeId);
        // Marked at the merge's own instant, so an undo can clear exactly the marks the merge made.
        await itemsRepo.markThemeItems(tx, ws, themeId, ctx.actor.userId, target.status !== 'new', !!target.response, mergedAt);
        for (const id of sources) await themesRepo.updateTheme(tx, ws, id, { mergedIntoId: themeId });
        await themesRepo.updateTheme(tx, ws, themeId, {});

        // The target's follower rows before, and who the merge stopped there (a stop on a source wins).
        const onTarget = new Map(followersBefore.filter((f) => f.themeId === themeId).map((f) => [f.userId, f.following]));
        const stoppedOnASource = new Set(followersBefore.filter((f) => f.themeId !== themeId && !f.following).map((f) => f.userId));
        const record: ThemeMergeSource[] = sources.map((id) => {
          const source = rows.get(id)!;
          const followers = followersBefore.filter((f) => f.themeId === id).map((f) => f.userId);
          return {
            themeId: id,
            name: source.name,
            status: source.status,
            ownerUserId: source.ownerUserId,
            itemIds: moved.filter((m) => m.from === id).map((m) => m.id),
            linkIds: linksBefore.filter((l) => l.themeId === id).map((l) => l.id),
            followersAdded: followers.filter((u) => !onTarget.has(u)),
            followersAlreadyThere: followers.filter((u) => onTarget.has(u)),
          };
        });
        const merge = await mergesRepo.insertMerge(tx, {
          workspaceId: ws,
          themeId,
          sources: record,
          followersStopped: [...onTarget].filter(([u, following]) => following && stoppedOnASource.has(u)).map(([u]) => u),
          mergedByUserId: ctx.actor.userId,
          mergedAt,
          undoUntil: undoSeconds > 0 ? new Date(mergedAt.getTime() + undoSeconds * 1000) : null,
        });
        await audit(tx, ws, ctx.actor, {
          action: 'theme.merged',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: target.name,
          details: { merged: sources.map((id) => rows.get(id)!.name), items: moved.length, mergeId: merge.id },
        });
        return {
          ...(await detail(tx, ctx, themeId)),
          merge: {
            id: merge.id,
            sources: record.map((s) => ({ id: s.themeId, name: s.name, status: s.status })),
            items: moved.length,
            undoUntil: merge.undoUntil?.toISOString() ?? null,
          },
        };
      });
      indexChanged(ctx.workspaceId);
      return out;
    },

    /**
     * Takes a merge back within its undo window: the sources stand on their own again with exactly the items and
     * links that moved, follower rows the merge created on the target go, and those it stopped follow again. Refused
     * once the window passed, once undone, and when undoing would lose later work: a moved item was moved again or
     * deleted, another merge into the target came after, or a new theme took a source's name. Editing an item's
     * text or details does not block it: the item goes back as it now is.
     */
    async undoMerge(ctx: TenantContext, themeId: string, mergeId: string): Promise<ThemeDetail> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        const ws = ctx.workspaceId;
        const found = await mergesRepo.merge(tx, ws, themeId, mergeId);
        if (!found) {
          if (!(await themesRepo.themeById(tx, ws, themeId))) throw E.themeNotFound(themeId);
          throw E.mergeNotFound(mergeId);
        }
        const sources = found.merge.sources;
        // The merge's locks, in the merge's order; then the record itself, read again under them.
        const rows = new Map<string, ThemeRow | undefined>();
        for (const id of [themeId, ...sources.map((s) => s.themeId)].sort()) rows.set(id, await themesRepo.lockTheme(tx, ws, id));
        const { merge, undoable } = (await mergesRepo.merge(tx, ws, themeId, mergeId, true))!;
        if (merge.undoneAt) throw E.mergeUndone();
        if (!undoable) throw E.mergeUndoTooLate(undoSeconds);
        const target = await liveTheme(tx, ctx, themeId);
        if (await mergesRepo.laterMerge(tx, ws, merge)) throw E.mergeChanged('Another theme was merged into this one since: undo that merge first.');
        for (const s of sources) {
          if (rows.get(s.themeId)?.mergedIntoId !== themeId) throw E.mergeChanged(`"${s.name}" is no longer merged into this theme.`);
        }
        const itemIds = sources.flatMap((s) => s.itemIds);
        const now = await mergesRepo.lockItemThemes(tx, ws, itemIds);
        const deleted = itemIds.length - now.length;
        const elsewhere = now.filter((i) => i.themeId !== themeId).length;
        if (deleted || elsewhere) {
          const what = [elsewhere ? `${plural(elsewhere, 'item')} moved elsewhere` : '', deleted ? `${plural(deleted, 'item')} deleted` : ''];
          throw E.mergeChanged(`Since the merge, ${what.filter(Boolean).join(' and ')}.`);
        }
        for (const s of sources) {
          const taken = await themesRepo.themeByName(tx, ws, s.name);
          if (taken) throw E.mergeChanged(`A theme named "${taken.name}" was created since, and "${s.name}" would take its name back.`);
        }

        for (const s of sources) {
          try {
            await themesRepo.updateTheme(tx, ws, s.themeId, { mergedIntoId: null });
          } catch (e) {
            if (violates(e, 'themes_name_key')) throw E.mergeChanged(`A theme named "${s.name}" was created since.`);
            throw e;
          }
          await mergesRepo.moveItemsBack(tx, ws, s.itemIds, themeId, s.themeId);
          await mergesRepo.moveLinksBack(tx, ws, s.linkIds, themeId, s.themeId);
          await itemsRepo.unmarkThemeItems(tx, ws, s.themeId, merge.mergedAt);
        }
        await itemsRepo.unmarkThemeItems(tx, ws, themeId, merge.mergedAt);
        await mergesRepo.deleteFollowers(tx, ws, themeId, [...new Set(sources.flatMap((s) => s.followersAdded))]);
        await mergesRepo.followAgain(tx, ws, themeId, merge.followersStopped);
        await themesRepo.updateTheme(tx, ws, themeId, {});
        await mergesRepo.markUndone(tx, ws, mergeId, ctx.actor.userId);
        await audit(tx, ws, ctx.actor, {
          action: 'theme.merge_undone',
          targetType: 'theme',
          targetId: themeId,
          targetLabel: target.name,
          details: { restored: sources.map((s) => s.name), items: itemIds.length, mergeId },
        });
        return detail(tx, ctx, themeId);
      });
      indexChanged(ctx.workspaceId);
      return out;
    },
  };
}

export type ThemesMergeService = ReturnType<typeof createThemesMergeService>;
