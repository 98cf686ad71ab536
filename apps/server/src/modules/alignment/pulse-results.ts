/**
 * A closed pulse's figures from its anonymous answers: per team (or one role within sales) the mean and the
 * distribution per friction, the perception gap, and the free-text terms — every one gated by `disclose`.
 */
import { FRICTION_KEYS, FRICTION_LABELS, type FrictionKey, type GroupFigures, type PulseRole } from '@tandem/contracts';
import { commentTerms, disclose, inCell, type CellKey, type Respondent } from './anonymity.ts';
import type { StoredQuestion } from './tables.ts';

export interface Answer extends Respondent {
  answers: Record<string, number>;
  comment: string | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One friction's mean and distribution over the answers given (each answer to each of its statements counts once). */
export function frictionFigures(answers: readonly Answer[], questions: readonly StoredQuestion[], friction: FrictionKey) {
  const ids = questions.filter((q) => q.friction === friction).map((q) => q.id);
  const distribution = [0, 0, 0, 0, 0];
  for (const a of answers) for (const id of ids) {
    const v = a.answers[id];
    if (v !== undefined && v >= 1 && v <= 5) distribution[v - 1]! += 1;
  }
  const total = distribution.reduce((s, n) => s + n, 0);
  const mean = total ? round2(distribution.reduce((s, n, i) => s + n * (i + 1), 0) / total) : null;
  return { mean, distribution };
}

export function groupFigures(cell: CellKey, all: readonly Answer[], questions: readonly StoredQuestion[], k: number): GroupFigures {
  const d = disclose(cell, all, k);
  if (!d.shown) return { shown: false, reason: d.reason, respondents: null, frictions: FRICTION_KEYS.map((key) => ({ key, mean: null, distribution: null })), comments: null };
  const mine = all.filter((a) => inCell(cell, a));
  return {
    shown: true,
    reason: null,
    respondents: d.n,
    frictions: FRICTION_KEYS.map((key) => ({ key, ...frictionFigures(mine, questions, key) })),
    comments: commentTerms(
      mine.map((a) => a.comment),
      2,
    ),
  };
}

/** The cell a team shows under a role filter: sales narrowed to leads or reps; marketing as itself (or nobody). */
export function cellsFor(role: PulseRole | null): { marketing: CellKey | null; sales: CellKey | null } {
  if (!role) return { marketing: 'marketing', sales: 'sales' };
  if (role === 'marketing') return { marketing: 'marketing', sales: null };
  return { marketing: null, sales: role === 'sales_lead' ? 'sales_lead' : 'sales_rep' };
}

const EMPTY: GroupFigures = {
  shown: false,
  reason: 'Not part of this view.',
  respondents: null,
  frictions: FRICTION_KEYS.map((key) => ({ key, mean: null, distribution: null })),
  comments: null,
};

/** Both teams' figures for one pulse and the gap between them (only when both are shown). */
export function pulseFigures(all: readonly Answer[], questions: readonly StoredQuestion[], k: number, role: PulseRole | null) {
  const cells = cellsFor(role);
  const marketing = cells.marketing ? groupFigures(cells.marketing, all, questions, k) : EMPTY;
  const sales = cells.sales ? groupFigures(cells.sales, all, questions, k) : EMPTY;
  const frictions = FRICTION_KEYS.map((key, i) => {
    const m = marketing.frictions[i]!.mean;
    const s = sales.frictions[i]!.mean;
    return { key, label: FRICTION_LABELS[key], marketing: m, sales: s, gap: m !== null && s !== null ? round2(m - s) : null };
  });
  return { marketing, sales, frictions };
}
