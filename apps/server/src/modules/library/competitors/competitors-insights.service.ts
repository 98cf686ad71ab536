/**
 * What the competitor pages read: the list (win rate with its sample and interval, open pipeline, battlecard
 * freshness), the page a rep opens before a competitive call, and the names in deals and feedback that no record
 * matches yet. Deals and feedback link to a record by key at read time (competitors.repository.ts).
 */
import {
  can,
  type CompetitorList,
  type CompetitorListQuery,
  type CompetitorPage,
  type CompetitorQuarter,
  type FeedbackKind,
  type Freshness,
  type ThemeStatus,
  type UnlinkedCompetitorNames,
} from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { freshnessState, loadAssetSummaries, todayIso } from '../asset-summaries.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import { addAmounts } from '../influence/amounts.ts';
import { winRateOf } from '../influence/win-rate.ts';
import { competitorsRepository as repo, toCompetitorDto, type DealStatsRow } from './competitors.repository.ts';

/** Quarters the page's chart covers at most (two years). */
const QUARTERS_SHOWN = 8;
const FIELD_INTEL_LIMIT = 12;
const OTHER_ASSETS_LIMIT = 12;
const FRESHNESS_ORDER: Freshness['state'][] = ['fresh', 'due_soon', 'overdue', 'not_published'];

interface Totals {
  won: number;
  lost: number;
  open: { deals: number; amount: string };
  lostAmount: { deals: number; amount: string; withoutAmount: number };
}

function totalsOf(rows: DealStatsRow[]): Totals {
  const t: Totals = { won: 0, lost: 0, open: { deals: 0, amount: '0.0000' }, lostAmount: { deals: 0, amount: '0.0000', withoutAmount: 0 } };
  for (const r of rows) {
    if (r.category === 'won') t.won += r.deals;
    if (r.category === 'lost') {
      t.lost += r.deals;
      t.lostAmount = { deals: t.lostAmount.deals + r.deals, amount: addAmounts(t.lostAmount.amount, r.amount), withoutAmount: t.lostAmount.withoutAmount + r.withoutAmount };
    }
    if (r.category === 'open') t.open = { deals: t.open.deals + r.deals, amount: addAmounts(t.open.amount, r.amount) };
  }
  return t;
}

const quarterIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
const quarterOf = (i: number) => ({ quarter: `${Math.floor(i / 4)}-Q${(i % 4) + 1}`, start: `${Math.floor(i / 4)}-${String((i % 4) * 3 + 1).padStart(2, '0')}-01` });

/** Win rate per close quarter: the last QUARTERS_SHOWN quarters up to the newest with closed deals, gaps filled. */
export function quartersOf(rows: DealStatsRow[]): CompetitorQuarter[] {
  const by = new Map<number, { won: number; closed: number }>();
  for (const r of rows) {
    if (!r.quarter || r.category === 'open') continue;
    const i = quarterIndex(r.quarter);
    const cell = by.get(i) ?? { won: 0, closed: 0 };
    cell.closed += r.deals;
    if (r.category === 'won') cell.won += r.deals;
    by.set(i, cell);
  }
  if (!by.size) return [];
  const last = Math.max(...by.keys());
  const first = Math.max(Math.min(...by.keys()), last - QUARTERS_SHOWN + 1);
  const out: CompetitorQuarter[] = [];
  for (let i = first; i <= last; i++) {
    const cell = by.get(i) ?? { won: 0, closed: 0 };
    out.push({ ...quarterOf(i), ...winRateOf(cell.won, cell.closed) });
  }
  return out;
}

/** A case-insensitive regular expression matching any of the names as whole words (for intel that names it in its text). */
export function namesPattern(names: readonly string[]): string {
  const words = names
    .map((n) => n.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // No name with a letter or digit (the records refuse those): a pattern that matches nothing.
  if (!words.length) return '(?!)';
  return `(^|[^[:alnum:]])(${words.join('|')})([^[:alnum:]]|$)`;
}

export function createCompetitorInsightsService(deps: Deps) {
  const { database } = deps;

  return {
    async list(ctx: TenantContext, query: CompetitorListQuery): Promise<CompetitorList> {
      return database.readTenant(ctx.workspaceId, async (tx) => {
        const [rows, stats, tagged, baseCurrency] = [
          await repo.list(tx, ctx.workspaceId),
          await repo.dealStats(tx, ctx.workspaceId),
          await repo.taggedAssets(tx, ctx.workspaceId),
          await repo.baseCurrency(tx, ctx.workspaceId),
        ];
        const q = query.q?.toLowerCase();
        const shown = q ? rows.filter((r) => [r.name, ...r.aliases].some((n) => n.toLowerCase().includes(q))) : rows;
        const today = todayIso();
        const items = shown.map((r) => {
          const t = totalsOf(stats.filter((s) => s.competitorId === r.id));
          const cards = tagged.filter((a) => a.competitorId === r.id && a.type === 'battlecard').map((a) => freshnessState('published', a.reviewBy, today));
          const worst = cards.length ? cards.reduce((w, s) => (FRESHNESS_ORDER.indexOf(s) > FRESHNESS_ORDER.indexOf(w) ? s : w)) : null;
          return {
            ...toCompetitorDto(r),
            winRate: winRateOf(t.won, t.won + t.lost),
            openPipeline: t.open,
            battlecards: { count: cards.length, overdue: cards.filter((s) => s === 'overdue').length, worst },
          };
        });
        return { items, nextCursor: null, total: items.length, baseCurrency };
      });
    },

    async page(ctx: TenantContext, id: string): Promise<CompetitorPage> {
      return database.readTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.byId(tx, ctx.workspaceId, id);
        if (!row) throw E.competitorNotFound(id);
        const stats = await repo.dealStats(tx, ctx.workspaceId, id);
        const feedback = await repo.feedbackCounts(tx, ctx.workspaceId, id);
        const themes = await repo.themes(tx, ctx.workspaceId, id);
        const intel = await repo.fieldIntel(tx, ctx.workspaceId, id, namesPattern([row.name, ...row.aliases]), FIELD_INTEL_LIMIT);
        const tagged = await repo.taggedAssets(tx, ctx.workspaceId, id);
        const baseCurrency = await repo.baseCurrency(tx, ctx.workspaceId);
        const cardIds = tagged.filter((a) => a.type === 'battlecard').map((a) => a.id);
        const otherIds = tagged.filter((a) => a.type !== 'battlecard').map((a) => a.id).slice(0, OTHER_ASSETS_LIMIT);
        const summaries = await loadAssetSummaries(tx, ctx.workspaceId, [...cardIds, ...otherIds], { publishedView: !can(ctx.role, 'library.write') });
        const cards = new Set(cardIds);
        const t = totalsOf(stats);
        return {
          competitor: toCompetitorDto(row),
          baseCurrency,
          winRate: winRateOf(t.won, t.won + t.lost),
          quarters: quartersOf(stats),
          lostRevenue: t.lostAmount,
          openPipeline: t.open,
          themes: themes.map((th) => ({ ...th, status: th.status as ThemeStatus })),
          battlecards: summaries
            .filter((s) => cards.has(s.id))
            .sort((a, b) => FRESHNESS_ORDER.indexOf(a.freshness.state) - FRESHNESS_ORDER.indexOf(b.freshness.state)),
          assets: summaries.filter((s) => !cards.has(s.id)),
          fieldIntel: intel.map((i) => ({ ...i, kind: i.kind as FeedbackKind })),
          linked: { deals: t.won + t.lost + t.open.deals, feedback: feedback.get(id) ?? 0 },
        };
      });
    },

    /** Names no record matches, one line per key (its most frequent spelling first), most deals and feedback first. */
    async unlinked(ctx: TenantContext): Promise<UnlinkedCompetitorNames> {
      const rows = await database.readTenant(ctx.workspaceId, (tx) => repo.unlinkedNames(tx, ctx.workspaceId));
      const byKey = new Map<string, typeof rows>();
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
      const items = [...byKey.values()].map((spellings) => {
        const sorted = [...spellings].sort((a, b) => b.deals + b.feedback - (a.deals + a.feedback) || a.name.localeCompare(b.name));
        return {
          name: sorted[0]!.name,
          spellings: sorted.map((s) => s.name),
          deals: sorted[0]!.keyDeals,
          feedback: sorted.reduce((n, s) => n + s.feedback, 0),
        };
      });
      items.sort((a, b) => b.deals + b.feedback - (a.deals + a.feedback) || a.name.localeCompare(b.name));
      return { items };
    },
  };
}

export type CompetitorInsightsService = ReturnType<typeof createCompetitorInsightsService>;
