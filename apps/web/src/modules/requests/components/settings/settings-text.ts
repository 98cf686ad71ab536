import { SCORE_PART_LABELS, SCORE_PARTS, type ScorePartName } from '@tandem/contracts';

/**
 * The settings page in plain words: what a set of weights means for the score, and the working week. No DOM:
 * unit-tested in settings-text.test.ts.
 */

export type WeightValues = Record<ScorePartName, number | string>;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const num = (v: number | string) => (v === '' ? NaN : Number(v));

/**
 * "Score = 0.4 × pipeline at stake + 0.3 × urgency + … Each part is scored 0–100, so the best possible score is
 * 100: pipeline at stake decides 40% of it, …". Null while a weight is not a number.
 */
export function weightsPreview(weights: WeightValues): string | null {
  const values = SCORE_PARTS.map((p) => [p, num(weights[p])] as const);
  if (values.some(([, v]) => !Number.isFinite(v) || v < 0)) return null;
  const sum = values.reduce((s, [, v]) => s + v, 0);
  if (sum === 0) return 'With every weight at 0 every request would score 0 and the order would mean nothing: give at least one weight more than 0.';
  const formula = values.map(([p, v]) => `${round(v)} × ${SCORE_PART_LABELS[p].toLowerCase()}`).join(' + ');
  const shares = values
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([p, v]) => `${SCORE_PART_LABELS[p].toLowerCase()} ${Math.round((v / sum) * 100)}%`);
  const ignored = values.filter(([, v]) => v === 0).map(([p]) => SCORE_PART_LABELS[p].toLowerCase());
  const [top] = values.slice().sort((a, b) => b[1] - a[1]);
  const example = `A request that maxes out ${SCORE_PART_LABELS[top![0]].toLowerCase()} and nothing else scores ${round(top![1] * 100, 1)}.`;
  const left = ignored.length ? ` ${capitalize(ignored.join(' and '))} ${ignored.length === 1 ? 'does' : 'do'} not count.` : '';
  return `Score = ${formula}. Each part is scored 0–100, so the best possible score is ${round(sum * 100, 1)}; what decides it: ${shares.join(', ')}.${left} ${example}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const WEEKDAYS = [
  { value: 1, short: 'Mon', long: 'Monday' },
  { value: 2, short: 'Tue', long: 'Tuesday' },
  { value: 3, short: 'Wed', long: 'Wednesday' },
  { value: 4, short: 'Thu', long: 'Thursday' },
  { value: 5, short: 'Fri', long: 'Friday' },
  { value: 6, short: 'Sat', long: 'Saturday' },
  { value: 7, short: 'Sun', long: 'Sunday' },
] as const;

/** "Monday to Friday, 09:00–17:00 (8 business hours a day)". */
export function workingWeekSentence(days: readonly number[], dayStart: string, dayEnd: string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const names = sorted.map((d) => WEEKDAYS[d - 1]?.long ?? String(d));
  const consecutive = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  const dayText = !sorted.length ? 'No working day' : consecutive ? `${names[0]} to ${names.at(-1)}` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  const minutes = (t: string) => {
    const m = /^(\d\d):(\d\d)$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  const length = (minutes(dayEnd) - minutes(dayStart)) / 60;
  const per = Number.isFinite(length) && length > 0 ? ` (${round(length, 2)} business ${length === 1 ? 'hour' : 'hours'} a day)` : '';
  return `${dayText}, ${dayStart}–${dayEnd}${per}`;
}
