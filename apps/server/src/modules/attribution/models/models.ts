// The nine attribution models as pure functions over integer cents: no database, no HTTP. Every model turns a deal's
// touchpoints (in time order) into integer weights; `allocate` turns weights into credits that sum exactly to the
// amount. docs/attribution.md states each rule in words; `MODEL_RULES` is the same text the UI shows.

export const MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'j_shaped', 'inverse_j'] as const;
export type Model = (typeof MODELS)[number];
export const TEAMS = ['marketing', 'sales', 'partner'] as const;
export type Team = (typeof TEAMS)[number];

/** One touchpoint as the models see it: the caller passes them sorted by (occurredAt, id). */
export interface ModelTouch {
  occurredAt: number;
}

/** The deal's stage markers (epoch ms); `markersOf` derives them from the stage history. */
export interface Markers {
  leadCreatedAt: number | null;
  opportunityCreatedAt: number | null;
  closeAt: number;
}

export interface ModelOptions {
  halfLifeDays: number;
}

const DAY_MS = 86_400_000;
/** The weight of the latest touchpoint under time decay; older ones halve every half-life (never below 1). */
const DECAY_SCALE = 2 ** 20;

/** Positional models: per-mille shares at the markers, and the share the middle touchpoints split evenly. */
interface Positional {
  first?: number;
  lead?: number;
  opportunity?: number;
  close?: number;
  last?: number;
  middle: number;
}

const POSITIONAL: Partial<Record<Model, Positional>> = {
  u_shaped: { first: 400, lead: 400, middle: 200 },
  w_shaped: { first: 300, lead: 300, opportunity: 300, middle: 100 },
  full_path: { first: 225, lead: 225, opportunity: 225, close: 225, middle: 100 },
  j_shaped: { first: 200, last: 600, middle: 200 },
  inverse_j: { first: 600, last: 200, middle: 200 },
};

/** Each model's rule in plain words (shown in the UI and the API). */
export const MODEL_RULES: Record<Model, string> = {
  first_touch: 'All credit to the first touchpoint.',
  last_touch: 'All credit to the last touchpoint on or before the close.',
  linear: 'Credit split evenly across every touchpoint.',
  u_shaped: '40% to the first touchpoint, 40% to the lead-creation touchpoint, 20% split evenly across the others.',
  w_shaped: '30% each to the first, lead-creation and opportunity-creation touchpoints, 10% split across the others.',
  full_path: '22.5% each to the first, lead-creation, opportunity-creation and closing touchpoints, 10% split across the others.',
  time_decay: 'Each touchpoint weighs half as much per half-life (7 days unless set) before the latest one.',
  j_shaped: '20% to the first touchpoint, 60% to the last, 20% split evenly across the others.',
  inverse_j: '60% to the first touchpoint, 20% to the last, 20% split evenly across the others.',
};

/** Index of the last touchpoint at or before `at`; the first touchpoint when all are later or `at` is unknown. */
function touchAt(touches: readonly ModelTouch[], at: number | null): number {
  if (at === null) return 0;
  let found = 0;
  for (let i = 0; i < touches.length; i++) if (touches[i]!.occurredAt <= at) found = i;
  return found;
}

/** The marker positions: first, lead creation, opportunity creation (never before lead), close and last. */
export function markerIndexes(touches: readonly ModelTouch[], markers: Markers) {
  const n = touches.length;
  const lead = touchAt(touches, markers.leadCreatedAt);
  const opportunity = Math.max(lead, markers.opportunityCreatedAt === null ? lead : touchAt(touches, markers.opportunityCreatedAt));
  return { first: 0, lead, opportunity, close: n - 1, last: n - 1 };
}

/**
 * Integer weights of a positional model. Shares of coinciding markers add up on one touchpoint; the middle share is
 * split evenly across the touchpoints no marker holds (weights scaled by their count to stay integers); when every
 * touchpoint holds a marker, the middle share is dropped and the marker shares are renormalised.
 */
function positionalWeights(rule: Positional, touches: readonly ModelTouch[], markers: Markers): number[] {
  const n = touches.length;
  const at = markerIndexes(touches, markers);
  const marker = new Array<number>(n).fill(0);
  const held = new Array<boolean>(n).fill(false);
  for (const key of ['first', 'lead', 'opportunity', 'close', 'last'] as const) {
    const share = rule[key];
    if (share === undefined) continue;
    marker[at[key]]! += share;
    held[at[key]] = true;
  }
  const middle = held.filter((h) => !h).length;
  if (middle === 0) return marker;
  return marker.map((m, i) => (held[i] ? m * middle : rule.middle));
}

function timeDecayWeights(touches: readonly ModelTouch[], halfLifeDays: number): number[] {
  const latest = touches[touches.length - 1]!.occurredAt;
  const halfLife = Math.max(halfLifeDays, 1 / 24) * DAY_MS;
  return touches.map((t) => Math.max(1, Math.round(DECAY_SCALE * 2 ** (-(latest - t.occurredAt) / halfLife))));
}

/** Every model's integer weights for touchpoints sorted by time (all on or before the close). */
export function weightsOf(model: Model, touches: readonly ModelTouch[], markers: Markers, options: ModelOptions): number[] {
  const n = touches.length;
  if (n === 0) return [];
  switch (model) {
    case 'first_touch':
      return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return touches.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'linear':
      return touches.map(() => 1);
    case 'time_decay':
      return timeDecayWeights(touches, options.halfLifeDays);
    case 'u_shaped':
    case 'w_shaped':
    case 'full_path':
    case 'j_shaped':
    case 'inverse_j':
      return positionalWeights(POSITIONAL[model]!, touches, markers);
    default: {
      const never: never = model;
      throw new Error(`unknown model ${String(never)}`);
    }
  }
}

/**
 * Splits `amount` cents by integer weights: each touchpoint gets the floor of its share, and the remainder (fewer
 * cents than touchpoints) goes to the touchpoint with the largest weight, the earliest among equals. Credits are
 * non-negative and sum exactly to the amount. Exact in bigint; plain numbers when amount × total weight stays below 2^53.
 */
export function allocate(amount: bigint, weights: readonly number[]): bigint[] {
  const n = weights.length;
  if (n === 0) return [];
  if (amount < 0n) throw new RangeError('amount must be non-negative');
  let total = 0;
  let top = 0;
  for (let i = 0; i < n; i++) {
    total += weights[i]!;
    if (weights[i]! > weights[top]!) top = i;
  }
  if (total <= 0) throw new RangeError('weights must have a positive total');
  const credits = new Array<bigint>(n);
  let given = 0n;
  if ((amount + 1n) * BigInt(total) <= BigInt(Number.MAX_SAFE_INTEGER)) {
    const a = Number(amount);
    for (let i = 0; i < n; i++) {
      const product = a * weights[i]!;
      let q = Math.floor(product / total);
      // Division rounds: correct the quotient with exact integer arithmetic (both products stay below 2^53).
      if (q * total > product) q -= 1;
      else if ((q + 1) * total <= product) q += 1;
      const c = BigInt(q);
      credits[i] = c;
      given += c;
    }
  } else {
    const t = BigInt(total);
    for (let i = 0; i < n; i++) {
      const c = (amount * BigInt(weights[i]!)) / t;
      credits[i] = c;
      given += c;
    }
  }
  credits[top] = credits[top]! + (amount - given);
  return credits;
}

/** One model's credits for a deal's eligible touchpoints (sorted by time). */
export function creditsOf(model: Model, amount: bigint, touches: readonly ModelTouch[], markers: Markers, options: ModelOptions): bigint[] {
  return allocate(amount, weightsOf(model, touches, markers, options));
}

/** Every model's credits, in MODELS order. */
export function allCredits(amount: bigint, touches: readonly ModelTouch[], markers: Markers, options: ModelOptions): bigint[][] {
  return MODELS.map((m) => creditsOf(m, amount, touches, markers, options));
}
