/**
 * What people did with an asset and for which deal: events from the web app and from API clients (a browser
 * extension), deals an asset is attached to, helpful votes, the per-asset usage panel and the library report.
 * Share opens are recorded by the public share page (shares feature), never through the API.
 */
import { can, type AssetUsage, type AttachedDealList, type LibraryReport, type LibraryReportEntry, type RecordUsageRequest, type RecordUsageResponse, type UsageQuery, type Vote, type VoteRequest } from '@tandem/contracts';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { addDays, loadAssetSummaries, todayIso } from '../asset-summaries.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { usageRepository as repo, type ReportRow } from './usage.repository.ts';

/** A client's clock may run a little ahead of ours. */
const FUTURE_SLACK_MS = 5 * 60_000;
/** The library report's window. */
export const REPORT_WINDOW_DAYS = 90;
const REPORT_LIST_LENGTH = 10;
const DAY_MS = 86_400_000;

/** The Monday (UTC) on or before a day, YYYY-MM-DD. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The asset, if the caller may see it: people who manage the library see drafts; everyone else only material that
 * has been published (the assets feature's rule). Otherwise 404, as for an asset of another workspace.
 */
export async function visibleAsset(tx: Tx, ctx: TenantContext, assetId: string) {
  const asset = await repo.assetRef(tx, ctx.workspaceId, assetId);
  if (!asset || (asset.currentVersion === null && !can(ctx.role, 'library.write'))) throw E.assetNotFound(assetId);
  return asset;
}

export async function liveDeal(tx: Tx, ctx: TenantContext, dealId: string, path: string) {
  const deal = await repo.dealRef(tx, ctx.workspaceId, dealId);
  if (!deal) throw E.usageDealNotFound(path, dealId);
  return deal;
}

export function createUsageService(deps: Deps) {
  const { database } = deps;

  return {
    /** One event from a client; an attachment already made answers the first one (`recorded: false`). */
    async record(ctx: TenantContext, assetId: string, body: RecordUsageRequest): Promise<RecordUsageResponse> {
      const occurredAt = body.occurredAt ? new Date(body.occurredAt) : undefined;
      if (occurredAt && occurredAt.getTime() > Date.now() + FUTURE_SLACK_MS) throw E.usageInFuture();
      if (body.kind === 'attached' && !body.dealId) throw E.usageDealRequired();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        if (body.dealId) await liveDeal(tx, ctx, body.dealId, 'body.dealId');
        const base = { workspaceId: ctx.workspaceId, assetId, userId: ctx.actor.userId, ...(occurredAt ? { occurredAt } : {}) };
        if (body.kind === 'attached') {
          const made = await repo.attach(tx, { ...base, dealId: body.dealId! });
          if (made) return { ...made, recorded: true };
          return { ...(await repo.attachment(tx, ctx.workspaceId, assetId, body.dealId!))!, recorded: false };
        }
        return { ...(await repo.insertEvent(tx, { ...base, kind: body.kind, dealId: body.dealId ?? null })), recorded: true };
      });
    },

    async attachDeal(ctx: TenantContext, assetId: string, dealId: string): Promise<AttachedDealList> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        await liveDeal(tx, ctx, dealId, 'body.dealId');
        await repo.attach(tx, { workspaceId: ctx.workspaceId, assetId, dealId, userId: ctx.actor.userId });
        const items = await repo.attachedDeals(tx, ctx.workspaceId, assetId);
        return { items, total: items.length };
      });
    },

    async attachedDeals(ctx: TenantContext, assetId: string): Promise<AttachedDealList> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        const items = await repo.attachedDeals(tx, ctx.workspaceId, assetId);
        return { items, total: items.length };
      });
    },

    /** One vote per person: a second one replaces the first (and its comment). */
    async vote(ctx: TenantContext, assetId: string, body: VoteRequest): Promise<Vote> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        return repo.upsertVote(tx, {
          workspaceId: ctx.workspaceId,
          assetId,
          userId: ctx.actor.userId!,
          helpful: body.helpful,
          comment: body.comment?.trim() || null,
        });
      });
    },

    async unvote(ctx: TenantContext, assetId: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        await repo.deleteVote(tx, ctx.workspaceId, assetId, ctx.actor.userId!);
      });
    },

    /** The usage panel: weekly views and viewers from the Monday on or before `days` ago, counts over the same period, votes. */
    async get(ctx: TenantContext, assetId: string, q: UsageQuery, now = new Date()): Promise<AssetUsage> {
      const today = todayIso(now);
      const from = mondayOf(addDays(today, -q.days));
      const fromInstant = new Date(`${from}T00:00:00Z`);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await visibleAsset(tx, ctx, assetId);
        // One transaction, one client: the queries run one after the other.
        const weeks = await repo.weekly(tx, ctx.workspaceId, assetId, from, mondayOf(today));
        const totals = await repo.totals(tx, ctx.workspaceId, assetId, fromInstant);
        const dealsAttached = await repo.attachedCount(tx, ctx.workspaceId, assetId);
        const votes = await repo.votes(tx, ctx.workspaceId, assetId, ctx.actor.userId);
        return { days: q.days, from, weeks, totals: { ...totals, dealsAttached }, votes };
      });
    },

    /** Unused in 90 days, most used, most shared, overdue: short ranked lists for whoever keeps the library. */
    async report(ctx: TenantContext, now = new Date()): Promise<LibraryReport> {
      const since = new Date(now.getTime() - REPORT_WINDOW_DAYS * DAY_MS);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const n = REPORT_LIST_LENGTH;
        const unused = await repo.unused(tx, ctx.workspaceId, since, now, n);
        const mostUsed = await repo.ranked(tx, ctx.workspaceId, since, ['viewed', 'downloaded', 'copied', 'shared', 'attached'], ['share_opened'], n);
        const mostShared = await repo.ranked(tx, ctx.workspaceId, since, ['shared'], ['share_opened'], n);
        const overdue = await repo.overdue(tx, ctx.workspaceId, todayIso(now), n);
        const ids = [...unused, ...mostUsed, ...mostShared, ...overdue].map((r) => r.assetId);
        const summaries = new Map((await loadAssetSummaries(tx, ctx.workspaceId, ids, { publishedView: false })).map((s) => [s.id, s]));
        const entries = (rows: ReportRow[]): LibraryReportEntry[] =>
          rows.flatMap((r) => {
            const asset = summaries.get(r.assetId);
            return asset ? [{ asset, value: r.value, lastUsedAt: r.lastUsedAt }] : [];
          });
        return {
          windowDays: REPORT_WINDOW_DAYS,
          unused: entries(unused),
          unusedTotal: unused[0]?.total ?? 0,
          mostUsed: entries(mostUsed),
          mostShared: entries(mostShared),
          overdue: entries(overdue),
          overdueTotal: overdue[0]?.total ?? 0,
        };
      });
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
