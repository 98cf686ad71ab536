/** Rows to the DTOs of packages/contracts/src/feedback.ts, in one place. */
import type { FeedbackItem, ThemeLink, ThemeMetrics } from '@tandem/contracts';
import type { ItemListRow } from './feedback.repository.ts';
import type { ThemeMetricsRow } from './themes.repository.ts';

export const WEEKS = 12;

const iso = (d: Date) => d.toISOString();
const person = (userId: string | null, name: string | null | undefined) => (userId ? { userId, name: name ?? 'Former member' } : null);

export function toItemDto(r: ItemListRow): FeedbackItem {
  const i = r.item;
  const t = r.theme;
  return {
    id: i.id,
    kind: i.kind,
    text: i.text,
    quote: i.quote,
    competitor: i.competitor,
    source: i.source,
    deal: r.deal?.id ? { id: r.deal.id, name: r.deal.name, stageCategory: r.deal.stageCategory, amountBase: r.deal.amountBase } : null,
    account: r.account?.id ? { id: r.account.id, name: r.account.name, segment: r.account.segment } : null,
    submittedBy: person(i.submittedByUserId, r.submitterName),
    observedAt: iso(i.observedAt),
    createdAt: iso(i.createdAt),
    theme: t?.id ? { id: t.id, name: t.name, status: t.status } : null,
    assignment: i.themeId && i.assignedBy ? { by: i.assignedBy, confidence: i.assignmentConfidence } : null,
    response:
      t?.id && t.response && t.respondedAt
        ? { message: t.response, status: t.status, at: iso(t.respondedAt), by: person(t.respondedByUserId, r.responderName) }
        : null,
  };
}

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

export function toLinkDto(l: {
  link: { id: string; kind: ThemeLink['kind']; title: string; url: string | null; note: string | null; targetId: string | null; createdByUserId: string | null; createdAt: Date };
  name: string | null;
}): ThemeLink {
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
