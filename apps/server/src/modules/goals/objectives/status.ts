/**
 * The status rule (docs/decisions: goal status): a key result's value against a straight path from its baseline on
 * the period's first day to its target on the period's last day. Pure: dates are workspace-local `YYYY-MM-DD`.
 *
 * - expected today = baseline + (target − baseline) × elapsed, elapsed = days since the start ÷ days from start to end
 *   (0 on the first day, 1 on the last day and after);
 * - progress = (value − baseline) ÷ (target − baseline): the share of the way covered (the direction is in the sign);
 * - on track: progress ≥ elapsed (on the path or ahead of it);
 *   at risk: behind the path by at most AT_RISK_BAND of the whole way (10 points of progress);
 *   off track: further behind;
 * - no data: no value (a metric with nothing to count in the period so far, a manual result with no check-in value,
 *   or a period that has not begun).
 * A goal's status is the worst of its key results' (off track > at risk > on track); no data only when none has data.
 */
import type { GoalStatus } from '@tandem/contracts';

/** How far behind the path (as a share of the way from baseline to target) is still "at risk" rather than "off track". */
export const AT_RISK_BAND = 0.1;
/** Float slack, so a value exactly on the path counts as on it. */
const EPSILON = 1e-9;

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;

/** The share of the period elapsed on `today`: 0 on the first day (and before), 1 on the last day (and after). */
export function elapsedShare(start: string, end: string, today: string): number {
  const span = dayNumber(end) - dayNumber(start);
  if (span <= 0) return today >= start ? 1 : 0;
  return Math.min(1, Math.max(0, (dayNumber(today) - dayNumber(start)) / span));
}

export interface StatusInput {
  baseline: number;
  target: number;
  value: number | null;
  start: string;
  end: string;
  today: string;
}

export interface StatusResult {
  status: GoalStatus;
  /** Where the path says the value should be today. */
  expected: number;
  /** The share of the way from baseline to target covered; null without a value. */
  progress: number | null;
}

export function keyResultStatus({ baseline, target, value, start, end, today }: StatusInput): StatusResult {
  const elapsed = elapsedShare(start, end, today);
  const expected = baseline + (target - baseline) * elapsed;
  if (value === null || !Number.isFinite(value) || today < start || target === baseline) return { status: 'no_data', expected, progress: null };
  const progress = (value - baseline) / (target - baseline);
  const behind = elapsed - progress;
  const status: GoalStatus = behind <= EPSILON ? 'on_track' : behind <= AT_RISK_BAND + EPSILON ? 'at_risk' : 'off_track';
  return { status, expected, progress };
}

const SEVERITY: Record<GoalStatus, number> = { no_data: 0, on_track: 1, at_risk: 2, off_track: 3 };

/** The worst status of the key results; no data when there are none or none has data. */
export function goalStatus(statuses: readonly GoalStatus[]): GoalStatus {
  return statuses.reduce<GoalStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'no_data');
}
