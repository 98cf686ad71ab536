import { MIN_CLOSED_FOR_RATE, type WinRate } from '@tandem/contracts';

/** z for a two-sided 95 % interval. */
const Z = 1.96;

/**
 * The Wilson score interval (95 %) of `won` out of `closed`:
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 * Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and does not collapse to a point at 0 or n wins.
 */
export function wilsonInterval(won: number, closed: number): { low: number; high: number } {
  if (closed <= 0) return { low: 0, high: 1 };
  const n = closed;
  const p = won / n;
  const z2 = Z * Z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // The clamps only absorb rounding (10 of 10 → high 0.9999999999999999).
  return { low: Math.max(0, Math.min(p, centre - half)), high: Math.min(1, Math.max(p, centre + half)) };
}

/** A win rate with its sample; under MIN_CLOSED_FOR_RATE closed deals, no rate and the reason in plain words. */
export function winRateOf(won: number, closed: number): WinRate {
  if (closed < MIN_CLOSED_FOR_RATE) {
    const reason =
      closed === 0
        ? 'Not enough data: no closed deals yet.'
        : `Not enough data: ${closed} closed deal${closed === 1 ? '' : 's'}; a rate needs at least ${MIN_CLOSED_FOR_RATE}.`;
    return { won, closed, rate: null, low: null, high: null, reason };
  }
  const { low, high } = wilsonInterval(won, closed);
  return { won, closed, rate: won / closed, low, high, reason: null };
}
