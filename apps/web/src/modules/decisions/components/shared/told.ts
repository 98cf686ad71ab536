import type { DecisionPerson } from '@tandem/contracts';

/** "A", "A and B", "A, B and C", "A, B, C and 2 others". */
export function joinNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}

/** What happened, then who was told, in plain words: "Decided: Free plan. Lee Lead and Rae Rep were told." */
export function toldMessage(what: string, notified: readonly DecisionPerson[], nobody = 'No one else was told.'): string {
  if (!notified.length) return `${what} ${nobody}`;
  return `${what} ${joinNames(notified.map((p) => p.name))} ${notified.length === 1 ? 'was' : 'were'} told.`;
}
