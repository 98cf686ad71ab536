/** Theme rows to the DTOs of packages/contracts/src/feedback.ts, in one place (the repository maps with it). */
import type { Theme, ThemeLink, ThemeMetrics } from '@tandem/contracts';
import type { themeLinks, themes } from '../tables.ts';

export type ThemeRow = typeof themes.$inferSelect;
export type ThemeStatusValue = ThemeRow['status'];

export const WEEKS = 12;

export interface ThemeMetricsRow {
  themeId: string;
  items: number;
  accounts: number;
  submitters: number;
  openPipeline: string;
  openDeals: number;
  lostRevenue: string;
  lostDeals: number;
  wonRevenue: string;
  wonDeals: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
}

const iso = (d: Date) => d.toISOString();
const person = (userId: string | null, name: string | null | undefined) => (userId ? { userId, name: name ?? 'Former member' } : null);

/** Monday of the week of `d`, as YYYY-MM-DD (UTC). */
export function weekStart(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The Mondays of the last WEEKS weeks, oldest first, ending with this week. */
export function trendWeeks(now: Date): string[] {
  const last = new Date(`${weekStart(now)}T00:00:00Z`);
  return Array.from({ length: WEEKS }, (_, i) => {
    const d = new Date(last);
    d.setUTCDate(d.getUTCDate() - 7 * (WEEKS - 1 - i));
    return d.toISOString().slice(0, 10);
  });
}

export function toMetricsDto(
  m: ThemeMetricsRow | undefined,
  weeks: string[],
  counts: Map<string, number> | undefined,
  competitors: { name: string; items: number }[] | undefined,
): ThemeMetrics {
  return {
    items: m?.items ?? 0,
    accounts: m?.accounts ?? 0,
    submitters: m?.submitters ?? 0,
    openPipeline: m?.openPipeline ?? '0',
    openDeals: m?.openDeals ?? 0,
    lostRevenue: m?.lostRevenue ?? '0',
    lostDeals: m?.lostDeals ?? 0,
    wonRevenue: m?.wonRevenue ?? '0',
    wonDeals: m?.wonDeals ?? 0,
    firstSeen: m?.firstSeen ? iso(m.firstSeen) : null,
    lastSeen: m?.lastSeen ? iso(m.lastSeen) : null,
    topCompetitors: (competitors ?? []).slice(0, 3),
    trend: weeks.map((week) => ({ week, items: counts?.get(week) ?? 0 })),
  };
}

export function toThemeDto(t: ThemeRow, names: Map<string, string>, metrics: ThemeMetrics): Theme {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    status: t.status,
    owner: t.ownerUserId ? { userId: t.ownerUserId, name: names.get(t.ownerUserId) ?? 'Former member' } : null,
    response: t.response,
    respondedAt: t.respondedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    metrics,
  };
}

export function toLinkDto(l: { link: typeof themeLinks.$inferSelect; name: string | null }): ThemeLink {
  return {
    id: l.link.id,
    kind: l.link.kind,
    title: l.link.title,
    url: l.link.url,
    note: l.link.note,
    targetId: l.link.targetId,
    createdBy: person(l.link.createdByUserId, l.name),
    createdAt: iso(l.link.createdAt),
  };
}
