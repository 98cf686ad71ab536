export interface ScoreWeights {
  pipeline: number;
  urgency: number;
  reach: number;
  strategic: number;
}
export const DEFAULT_WEIGHTS: ScoreWeights = { pipeline: 0.4, urgency: 0.3, reach: 0.2, strategic: 0.1 };

export interface ScoreDeal {
  amountBase: number | null;
  probability: number; // 0–1
  closeDate: string | null;
}
export interface ScoreInput {
  openDeals: ScoreDeal[]; // linked OPEN deals of all requesters, base currency
  neededBy: string | null; // 'YYYY-MM-DD'
  today: string; // 'YYYY-MM-DD' in the workspace time zone
  requesterCount: number;
  accountCount: number;
  strategicBoost: number; // 0–100 set by an admin with a reason (0 = none)
}
export type ScorePartName = 'pipeline' | 'urgency' | 'reach' | 'strategic';
/** detail: plain words, e.g. "€420,000 × stage probability over 3 open deals = €183,000" */
export interface ScorePart {
  name: ScorePartName;
  value: number;
  weight: number;
  detail: string;
}
export interface PriorityScore {
  total: number;
  parts: ScorePart[];
}

/** total = Σ value × weight exactly (values rounded to 2 decimals before summing). */
export function priorityScore(input: ScoreInput, weights: ScoreWeights, fmt?: { currency: string }): PriorityScore {
  void [input, weights, fmt];
  throw new Error('TODO');
}
