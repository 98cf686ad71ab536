import type { RequestPerson } from '@tandem/contracts';
import { joinNames } from './told.ts';

/** Scores are sums of value × weight: one decimal is plenty to compare them. */
export function formatScore(n: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n);
}

/** "Sofia Reyes", "Sofia Reyes and Marcus Lee", "Sofia Reyes and 3 others". */
export function requesterNames(people: readonly RequestPerson[]): string {
  if (people.length === 0) return '—';
  return joinNames(
    people.map((p) => p.name),
    people.length > 2 ? 1 : 2,
  );
}

/** Business hours left on a clock, in words: "6.5 business hours left", "3 business hours late". */
export function hoursLeft(h: number | null): string | null {
  if (h === null) return null;
  const n = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.abs(h));
  const unit = Math.abs(h) === 1 ? 'business hour' : 'business hours';
  return h >= 0 ? `${n} ${unit} left` : `${n} ${unit} late`;
}
