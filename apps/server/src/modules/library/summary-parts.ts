import type { Freshness } from '@tandem/contracts';

// The parts of an asset summary computed without the database: the review clock and the excerpt.

/** Days before the review date from which an asset shows as "due soon". */
export const DUE_SOON_DAYS = 14;
const EXCERPT_CHARS = 220;

/** Today as YYYY-MM-DD (UTC): review dates are days. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Where an asset stands against its review date on `today`. */
export function freshnessState(status: string, reviewBy: string | null, today: string): Freshness['state'] {
  if (status !== 'published') return 'not_published';
  if (!reviewBy) return 'fresh';
  if (reviewBy < today) return 'overdue';
  return reviewBy <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'fresh';
}

/** Markdown to a short plain-text opening (for cards and result lists). */
export function excerptOf(markdown: string, max = EXCERPT_CHARS): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    // Table rules (|---|:--:|) and horizontal rules say nothing in a line of text.
    .replace(/^[\s|:-]*-{3,}[\s|:-]*$/gm, ' ')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
