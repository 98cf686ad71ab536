// One deal's credit under every model, from its facts and touchpoints: shared by the deal view (live) and the ledger
// recompute (streamed), so both answer the same cents. Database-free.
import { markersOf } from './models/markers.ts';
import { MODELS, TEAMS, allCredits, allocate, type Model, type Team } from './models/models.ts';

export interface CreditTouch {
  id: number;
  occurredAt: number;
  team: Team;
}

export interface CreditDeal {
  amountCents: bigint;
  status: 'won' | 'open';
  closeDate: string | null;
  createdDate: number | null;
  firstStageAt: number | null;
  secondStageAt: number | null;
  wonAt: number | null;
}

export interface DealCredits {
  /** The touchpoints the models count (on or before the close), in time order. */
  counted: CreditTouch[];
  /** credits[model index][touchpoint index], cents. */
  credits: bigint[][];
  /** teamCredits[model index][team index] (marketing, sales, partner), cents. */
  teamCredits: bigint[][];
}

/** `touches` sorted by (occurredAt, id). Excluded ids (accepted disputes) are left out before the models run. */
export function dealCredits(deal: CreditDeal, touches: readonly CreditTouch[], halfLifeDays: number, now: number, excluded?: ReadonlySet<number>): DealCredits {
  const markers = markersOf(deal, now);
  const counted = touches.filter((t) => t.occurredAt <= markers.closeAt && !excluded?.has(t.id));
  if (!counted.length) return { counted, credits: [], teamCredits: [] };
  const credits = allCredits(deal.amountCents, counted, markers, { halfLifeDays });
  const teamCredits = credits.map((row) => {
    const byTeam = [0n, 0n, 0n];
    row.forEach((c, i) => (byTeam[TEAMS.indexOf(counted[i]!.team)]! += c));
    return byTeam;
  });
  return { counted, credits, teamCredits };
}

/** A team split in basis points (marketing, sales, partner) applied to an amount: exact, remainder by `allocate`. */
export function splitByTeam(amount: bigint, basisPoints: readonly number[]): bigint[] {
  if (basisPoints.every((b) => b === 0)) return [amount, 0n, 0n];
  return allocate(amount, basisPoints);
}

/** Cents as a decimal string: 123456n → "1234.56", -5n → "-0.05". */
export function money(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

export const modelIndex = (m: Model) => MODELS.indexOf(m);
export { MODELS, TEAMS };

/** What accepted disputes change on a deal: touchpoints left out, and the latest team split (basis points), if any. */
export interface Adjustment {
  excluded: Set<number>;
  split: readonly number[] | null;
}

export function adjustmentOf(accepted: readonly { excludeTouchpointIds: number[] | null; teamSplitBp: number[] | null }[]): Adjustment {
  return {
    excluded: new Set(accepted.flatMap((d) => d.excludeTouchpointIds ?? [])),
    split: [...accepted].reverse().find((d) => d.teamSplitBp)?.teamSplitBp ?? null,
  };
}

/**
 * One model's figures for a deal after its adjustment: each counted touchpoint's credit (the model re-run without
 * the excluded ones) and the team totals (the split when one was agreed, else the re-run's). The deal view and the
 * report both answer these, so an adjusted figure reads the same in both.
 */
export function adjustedCredits(deal: CreditDeal, touches: readonly CreditTouch[], halfLifeDays: number, now: number, model: Model, adj: Adjustment) {
  const k = modelIndex(model);
  const after = dealCredits(deal, touches, halfLifeDays, now, adj.excluded);
  const lines = after.counted.length ? after.credits[k]! : [];
  const teams = adj.split ? splitByTeam(deal.amountCents, adj.split) : (after.teamCredits[k] ?? [0n, 0n, 0n]);
  return { counted: after.counted, lines, teams };
}
