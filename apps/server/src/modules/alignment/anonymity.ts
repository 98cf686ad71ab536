/**
 * The anonymity rules, free of the database so they can be tested alone (docs/decisions/0020-alignment-index.md).
 * Every figure belongs to a cell of one closed pulse: a team (marketing, sales) or a role within sales (leads, reps).
 * A cell is shown only when it has at least `k` respondents AND, for its parent cell, the rest of the parent is
 * either empty or also at least `k` — otherwise the parent's figure minus this one would describe fewer than `k`
 * people (two filters whose difference is one person). A child of a hidden parent is hidden too. Figures are only
 * computed for closed pulses (no live figures that two reads a minute apart could difference), and never across
 * a chosen span of pulses (each trend point is one pulse's cell, gated alone).
 */
import type { PulseRole, PulseSide } from '@tandem/contracts';

export type CellKey = PulseSide | 'sales_lead' | 'sales_rep';

export interface Respondent {
  side: PulseSide;
  role: PulseRole;
}

export const CELL_PARENT: Record<CellKey, CellKey | null> = { marketing: null, sales: null, sales_lead: 'sales', sales_rep: 'sales' };

export function inCell(cell: CellKey, r: Respondent): boolean {
  switch (cell) {
    case 'marketing':
    case 'sales':
      return r.side === cell;
    case 'sales_lead':
      return r.side === 'sales' && r.role === 'sales_lead';
    case 'sales_rep':
      return r.side === 'sales' && r.role === 'sales';
    default: {
      const never: never = cell;
      throw new Error(`unknown cell ${String(never)}`);
    }
  }
}

export type Disclosure = { shown: true; n: number } | { shown: false; reason: string };

/** Whether `cell`'s figures may be shown, given every respondent of the pulse and the minimum group size `k`. */
export function disclose(cell: CellKey, respondents: readonly Respondent[], k: number): Disclosure {
  const n = respondents.filter((r) => inCell(cell, r)).length;
  if (n === 0) return { shown: false, reason: 'No answers from this group.' };
  if (n < k) return { shown: false, reason: `Too few answers: fewer than ${k} people in this group answered.` };
  const parent = CELL_PARENT[cell];
  if (parent) {
    const p = disclose(parent, respondents, k);
    if (!p.shown) return { shown: false, reason: p.reason };
    const rest = p.n - n;
    if (rest > 0 && rest < k)
      return { shown: false, reason: `Too few answers: this group and the rest of its team differ by fewer than ${k} people, so comparing the two would single someone out.` };
  }
  return { shown: true, n };
}

/** The minimum group size a workspace may set: never below 3. */
export function effectiveMinimum(k: number | null | undefined, floor = 3, fallback = 5): number {
  if (k === null || k === undefined || !Number.isFinite(k)) return fallback;
  return Math.max(floor, Math.floor(k));
}

const STOP = new Set(
  'a an and are as at be but by can do for from get has have i if in is it its just more my no not of on or our so than that the their them then there they this to too us was we what when which who will with would you your'.split(' '),
);

/**
 * Free text in aggregate only: the words at least `minPeople` (2 or more) respondents used, each counted once per
 * respondent, most used first. A word one person used is never shown, so no phrasing is attributed to anyone.
 */
export function commentTerms(comments: readonly (string | null)[], minPeople: number, limit = 12): { term: string; respondents: number }[] {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (!c) continue;
    const words = new Set(
      c
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
        .split(/\s+/)
        .filter((w) => w.length > 2 && !STOP.has(w)),
    );
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= Math.max(2, minPeople))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([term, respondents]) => ({ term, respondents }));
}
