/**
 * The Alignment Index's arithmetic, free of the database (docs/alignment.md has the weights and the reasons).
 * Each signal maps a measurement to 0–100 or to null ("no data yet"). A friction's score is the weighted mean of
 * the signals that have data; its confidence is the share of its weight that had data. Missing data lowers the
 * confidence, never the score; below MIN_CONFIDENCE there is no score at all.
 */

/** Below this share of a friction's weight with data, the friction has no score ("not enough data"). */
export const MIN_CONFIDENCE = 0.3;
/** The overall index needs at least this many frictions with a score. */
export const MIN_FRICTIONS_FOR_OVERALL = 4;

const clamp = (x: number) => Math.max(0, Math.min(100, x));
const round = (x: number) => Math.round(x);

/** A share as 0–100; null when fewer than `minSample` cases stand behind it. */
export function proportionScore(numerator: number, denominator: number, minSample: number): number | null {
  if (denominator < minSample || denominator <= 0) return null;
  return round(clamp((100 * numerator) / denominator));
}

/** Days to acknowledge feedback: 2 days or less is 100, 14 days or more is 0, straight in between. */
export function ackDaysScore(medianDays: number | null, acknowledged: number, minSample = 3): number | null {
  if (medianDays === null || acknowledged < minSample) return null;
  return round(clamp((100 * (14 - medianDays)) / 12));
}

/** Request demand against PMM capacity over the coming weeks: at or under capacity is 100, three times it is 0. */
export function demandCapacityScore(demandHours: number, capacityHours: number): number | null {
  if (capacityHours <= 0) return demandHours > 0 ? 0 : null;
  const ratio = demandHours / capacityHours;
  return round(clamp((100 * (3 - ratio)) / 2));
}

/**
 * Attribution model spread: each team's share of the credited won revenue under each of the nine models; the spread
 * of a team's share is its largest minus its smallest share, in percentage points; the widest team spread w gives
 * 100 − w. Low spread means the models agree on who drove revenue (both teams touch deals early and late); a wide one
 * means the credit depends on the model chosen. Null under `minDeals` attributed won deals or with no credit at all.
 */
export function modelSpread(teamCredits: readonly (readonly number[])[], attributedDeals: number, minDeals = 5): { value: number; points: number; team: number } | null {
  if (attributedDeals < minDeals || !teamCredits.length) return null;
  const shares: number[][] = [];
  for (const row of teamCredits) {
    const total = row.reduce((a, b) => a + b, 0);
    if (total <= 0) return null;
    shares.push(row.map((c) => (100 * c) / total));
  }
  let points = 0;
  let team = 0;
  for (let t = 0; t < shares[0]!.length; t++) {
    const col = shares.map((r) => r[t]!);
    const spread = Math.max(...col) - Math.min(...col);
    if (spread > points) [points, team] = [spread, t];
  }
  return { value: round(clamp(100 - points)), points: Math.round(points), team };
}

/**
 * Credit agreed: the share of won revenue whose credit stood agreed (touchpoints, a model of record, no open dispute),
 * by count when no amounts are recorded; 0 when no model of record was chosen (nobody agreed on anything); null under
 * `minDeals` won deals.
 */
export function creditAgreedScore(won: { deals: number; amount: number; agreedDeals: number; agreedAmount: number }, modelOfRecordChosen: boolean, minDeals = 5): number | null {
  if (won.deals < minDeals) return null;
  if (!modelOfRecordChosen) return 0;
  return won.amount > 0 ? round(clamp((100 * won.agreedAmount) / won.amount)) : proportionScore(won.agreedDeals, won.deals, minDeals);
}

/** The survey's agreement: the two teams' means (1–5) averaged, as 0–100; null unless both teams are shown. */
export function surveyScore(marketing: number | null, sales: number | null): number | null {
  if (marketing === null || sales === null) return null;
  return round(clamp((((marketing + sales) / 2 - 1) / 4) * 100));
}

export interface WeightedValue {
  value: number | null;
  weight: number;
}

/** A friction's score and confidence from its signals (weights need not sum to 1). */
export function combine(signals: readonly WeightedValue[]): { score: number | null; confidence: number } {
  const total = signals.reduce((s, x) => s + x.weight, 0);
  const withData = signals.filter((x): x is { value: number; weight: number } => x.value !== null);
  const weightWithData = withData.reduce((s, x) => s + x.weight, 0);
  const confidence = total > 0 ? Math.round((weightWithData / total) * 100) / 100 : 0;
  if (!withData.length || confidence < MIN_CONFIDENCE) return { score: null, confidence };
  return { score: round(withData.reduce((s, x) => s + x.value * x.weight, 0) / weightWithData), confidence };
}

/** The overall index: the mean of the frictions' scores, when enough frictions have one. */
export function overallScore(scores: readonly (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  if (known.length < MIN_FRICTIONS_FOR_OVERALL) return null;
  return round(known.reduce((a, b) => a + b, 0) / known.length);
}
