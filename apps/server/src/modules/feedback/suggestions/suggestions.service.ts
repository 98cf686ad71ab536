import type { AcceptSuggestionRequest, ThemeDetail, ThemeSuggestionList } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { nameClusters, nameWeakness } from '../clustering/theme-names.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import { feedbackRepository as itemsRepo } from '../items/items.repository.ts';
import { indexChanged } from '../similarity/similarity-cache.ts';
import { detail, newTheme } from '../themes/theme-steps.ts';
import { themesRepository as themesRepo } from '../themes/themes.repository.ts';
import { ClusterTimeoutError, clusterInWorker } from './cluster-in-worker.ts';
import { suggestionsRepository as repo } from './suggestions.repository.ts';

/** The newest untriaged items the engine groups in one run: ~6 s of CPU on this machine, in a worker thread. */
export const SUGGEST_MAX_ITEMS = 2000;
/** A suggestion is something several people said. */
const MIN_SIZE = 3;
const MIN_ITEMS_TO_RUN = 6;

/**
 * How many groups to suggest: √n, between 2 and 50. Silhouette (the CLI's `--k auto`) splits feedback into many
 * small, near-identical groups (40–41 for ~410 untriaged demo items); √n gives ~20 a PMM can review, with more
 * of each group about one thing. Measured over three demo seeds (docs/decisions/0005-feedback-themes.md).
 */
export const suggestionCount = (n: number) => Math.max(2, Math.min(50, Math.round(Math.sqrt(n))));

/** How long one run's worker may take before it is stopped (a PMM waits for it). */
export const CLUSTER_TIMEOUT_MS = 120_000;

/** Groups untriaged feedback into suggested themes; a PMM accepts, renames or discards each. */
export function createSuggestionsService(deps: Deps, opts: { clusterTimeoutMs?: number } = {}) {
  const clusterTimeoutMs = opts.clusterTimeoutMs ?? CLUSTER_TIMEOUT_MS;
  const { database, audit } = deps;
  /** The run going on per workspace in this process. */
  const runs = new Map<string, Promise<ThemeSuggestionList>>();

  /**
   * The pending suggestions as listed: without the items triaged since the run (a suggestion left with fewer than
   * two is not shown), each with why its name is weak, judged now against the themes and the suggestions above it
   * (a theme created since the run may have taken a suggestion's name). The list and accepting read the same.
   */
  async function live(tx: DbOrTx, ctx: TenantContext) {
    const pending = await repo.pendingSuggestions(tx, ctx.workspaceId);
    const rows = await itemsRepo.itemsByIds(tx, ctx.workspaceId, pending.flatMap((s) => s.itemIds));
    const open = new Set(rows.filter((r) => !r.themeId).map((r) => r.id));
    const themeNames = await repo.themeNames(tx, ctx.workspaceId);
    const labels: string[] = [];
    return pending
      .map((s) => {
        const itemIds = s.itemIds.filter((id) => open.has(id));
        const reps = s.representativeIds.filter((id) => open.has(id));
        return { s, itemIds, shown: (reps.length ? reps : itemIds).slice(0, 3) };
      })
      .filter((x) => x.itemIds.length >= 2)
      .map((x) => {
        const weakness = nameWeakness(x.s.label, { themes: themeNames, suggestions: labels });
        labels.push(x.s.label);
        return { ...x, weakness };
      });
  }

  async function current(tx: DbOrTx, ctx: TenantContext): Promise<ThemeSuggestionList> {
    const listed = await live(tx, ctx);
    const computedAt = await repo.lastSuggestionRun(tx, ctx.workspaceId);
    const unthemed = await repo.countUnthemed(tx, ctx.workspaceId);
    // Every suggestion's examples in one query.
    const dtos = new Map((await itemsRepo.itemDtos(tx, ctx.workspaceId, listed.flatMap((x) => x.shown))).map((d) => [d.id, d]));
    const items = [];
    for (const { s, itemIds, shown, weakness } of listed) {
      const money = await repo.groupRevenue(tx, ctx.workspaceId, itemIds);
      items.push({
        id: s.id,
        label: s.label,
        keyPhrases: s.keyPhrases,
        nameIsWeak: weakness !== null,
        nameWeakness: weakness,
        size: itemIds.length,
        representatives: shown.flatMap((id) => dtos.get(id) ?? []),
        itemIds,
        accounts: money.accounts,
        openPipeline: money.openPipeline,
        createdAt: s.createdAt.toISOString(),
      });
    }
    return { items, computedAt: computedAt?.toISOString() ?? null, unthemed };
  }

  /** One run: cluster in a worker thread, then replace the pending suggestions in one transaction. */
  async function compute(ctx: TenantContext): Promise<ThemeSuggestionList> {
    const items = await database.withTenant(ctx.workspaceId, (tx) => repo.unthemed(tx, ctx.workspaceId, SUGGEST_MAX_ITEMS));
    const rows: { label: string; keyPhrases: string[]; itemIds: string[]; representativeIds: string[] }[] = [];
    if (items.length >= MIN_ITEMS_TO_RUN) {
      const result = await clusterInWorker(
        items.map((i) => i.text),
        { k: suggestionCount(items.length), seed: 42 },
        clusterTimeoutMs,
      ).catch((e: unknown) => {
        // Nothing is replaced: the last run's suggestions stay, and the next request may run again.
        throw e instanceof ClusterTimeoutError ? E.suggestionsTimedOut(e.timeoutMs / 1000, items.length) : e;
      });
      // Each group's texts, the most central first (the engine's representatives), to name it from what they say.
      const members = result.clusters.map((c) => [...c.representatives]);
      result.assignments.forEach((c, i) => {
        if (!result.clusters[c]!.representatives.includes(i)) members[c]!.push(i);
      });
      const kept = result.clusters.filter((c) => c.size >= MIN_SIZE);
      const taken = await database.withTenant(ctx.workspaceId, (tx) => repo.themeNames(tx, ctx.workspaceId));
      const names = nameClusters(
        items.map((i) => i.text),
        kept.map((c) => ({ members: members[c.id]!, keyPhrases: c.keyPhrases })),
        taken,
      );
      for (const [n, c] of kept.entries()) {
        rows.push({
          label: names[n]!.name,
          keyPhrases: c.keyPhrases,
          itemIds: members[c.id]!.map((i) => items[i]!.id),
          representativeIds: c.representatives.map((i) => items[i]!.id),
        });
      }
    }
    return database.withTenant(ctx.workspaceId, async (tx) => {
      const now = new Date();
      await repo.replacePendingSuggestions(
        tx,
        ctx.workspaceId,
        rows.map((r) => ({ ...r, workspaceId: ctx.workspaceId, createdAt: now })),
      );
      return current(tx, ctx);
    });
  }

  return {
    async list(ctx: TenantContext): Promise<ThemeSuggestionList> {
      return database.withTenant(ctx.workspaceId, (tx) => current(tx, ctx));
    },

    /**
     * Runs the clustering engine over the newest untriaged items and replaces the pending suggestions. A second
     * request while a run is going joins it rather than starting another worker (per process; across processes an
     * advisory lock keeps the replacement whole).
     */
    refresh(ctx: TenantContext): Promise<ThemeSuggestionList> {
      const running = runs.get(ctx.workspaceId);
      if (running) return running.then(() => database.withTenant(ctx.workspaceId, (tx) => current(tx, ctx)));
      const run = compute(ctx).finally(() => runs.delete(ctx.workspaceId));
      runs.set(ctx.workspaceId, run);
      return run;
    },

    async accept(ctx: TenantContext, suggestionId: string, body: AcceptSuggestionRequest): Promise<ThemeDetail> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        const s = await repo.lockSuggestion(tx, ctx.workspaceId, suggestionId);
        if (!s) throw E.suggestionNotFound(suggestionId);
        if (s.status !== 'pending') throw E.suggestionDecided(s.status);
        if (body.name === undefined) {
          // A weak name is never published as it is: the PMM names the theme (the card's "Rename & accept").
          const weakness = (await live(tx, ctx)).find((x) => x.s.id === s.id)?.weakness;
          if (weakness) throw E.suggestionNameNeeded(s.label, weakness.message);
        }
        const inSuggestion = new Set(s.itemIds);
        const foreign = (body.itemIds ?? []).filter((id) => !inSuggestion.has(id));
        if (foreign.length) throw E.invalidField('body.itemIds', `${foreign.length} item(s) are not part of this suggestion: ${foreign.slice(0, 3).join(', ')}`);
        // Locked: a PMM moving one of these items at the same moment wins or waits, never gets overwritten.
        const wanted = await itemsRepo.lockItems(tx, ctx.workspaceId, body.itemIds ?? s.itemIds);
        const open = wanted.filter((i) => !i.themeId).map((i) => i.id);
        if (!open.length) throw E.suggestionEmpty();
        const theme = await newTheme(tx, ctx, body.name ?? s.label, null, open, 'suggestion');
        await repo.decideSuggestion(tx, ctx.workspaceId, s.id, { status: 'accepted', themeId: theme.id, decidedByUserId: ctx.actor.userId });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.suggestion_accepted',
          targetType: 'theme',
          targetId: theme.id,
          targetLabel: theme.name,
          details: { suggested: s.label, items: open.length },
        });
        return detail(tx, ctx, theme.id);
      });
      indexChanged(ctx.workspaceId);
      return out;
    },

    /**
     * The inverse of accept, while the theme it made is untouched (no status change, link, merge, nor items from
     * elsewhere): the items wait for triage again, the theme is gone and the suggestion is pending once more.
     * Accepting tells nobody, so undoing takes nothing back from anyone.
     */
    async undoAccept(ctx: TenantContext, suggestionId: string): Promise<ThemeSuggestionList> {
      const out = await database.withTenant(ctx.workspaceId, async (tx) => {
        const s = await repo.lockSuggestion(tx, ctx.workspaceId, suggestionId);
        if (!s) throw E.suggestionNotFound(suggestionId);
        if (s.status !== 'accepted' || !s.themeId) throw E.suggestionNotAccepted(s.status);
        const theme = await themesRepo.lockTheme(tx, ctx.workspaceId, s.themeId);
        if (!theme || theme.mergedIntoId || theme.status !== 'new') throw E.acceptUndoTooLate(theme?.name ?? s.label);
        const inSuggestion = new Set(s.itemIds);
        const itemIds = await themesRepo.themeItemIds(tx, ctx.workspaceId, theme.id);
        if (itemIds.some((id) => !inSuggestion.has(id)) || (await themesRepo.touched(tx, ctx.workspaceId, theme.id))) throw E.acceptUndoTooLate(theme.name);
        await itemsRepo.lockItems(tx, ctx.workspaceId, itemIds);
        await itemsRepo.assignItems(tx, ctx.workspaceId, itemIds, null, { assignedBy: 'person', confidence: null, actorUserId: ctx.actor.userId });
        await themesRepo.deleteTheme(tx, ctx.workspaceId, theme.id);
        await repo.reopenSuggestion(tx, ctx.workspaceId, s.id);
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.suggestion_accept_undone',
          targetType: 'theme_suggestion',
          targetId: s.id,
          targetLabel: theme.name,
          details: { items: itemIds.length },
        });
        return current(tx, ctx);
      });
      indexChanged(ctx.workspaceId);
      return out;
    },

    async discard(ctx: TenantContext, suggestionId: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        const s = await repo.lockSuggestion(tx, ctx.workspaceId, suggestionId);
        if (!s) throw E.suggestionNotFound(suggestionId);
        if (s.status !== 'pending') throw E.suggestionDecided(s.status);
        await repo.decideSuggestion(tx, ctx.workspaceId, s.id, { status: 'discarded', decidedByUserId: ctx.actor.userId });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'theme.suggestion_discarded',
          targetType: 'theme_suggestion',
          targetId: s.id,
          targetLabel: s.label,
          details: { items: s.itemIds.length },
        });
      });
    },
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
