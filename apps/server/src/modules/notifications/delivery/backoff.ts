/**
 * When a failed delivery is tried again: exponential backoff (30 s doubling,
 * capped at 4 hours) with ±10% jitter, 15 tries spanning 22–27 hours. Pure, so the
 * schedule is tested with a controlled clock and random source.
 */

/** Tries in all (the first one included). */
export const MAX_ATTEMPTS = 15;
const BASE_MS = 30_000;
const CAP_MS = 4 * 3_600_000;

/** Delay before try number `attempt + 1`, after `attempt` tries failed (attempt ≥ 1). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
  // ±10% jitter: receivers that failed together are not all retried at the same moment.
  return Math.round(ceiling * (0.9 + 0.2 * random()));
}

/** The whole schedule's span at its shortest and longest (documented, and checked by a test). */
export function scheduleBounds(): { minMs: number; maxMs: number } {
  let minMs = 0;
  let maxMs = 0;
  for (let a = 1; a < MAX_ATTEMPTS; a++) {
    minMs += retryDelayMs(a, () => 0);
    maxMs += retryDelayMs(a, () => 1);
  }
  return { minMs, maxMs };
}
