import type { RequestDetail, RequestPerson } from '@tandem/contracts';
import type { Role } from '@tandem/contracts/roles';

/**
 * Every change on a request answers who was told (`notified`); the app says it in one plain sentence:
 * "Filed #124: it is number 3 in the queue. Priya Shah (PMM) was told."
 */

const ROLE_SHORT: Record<Role, string> = { admin: 'admin', marketing: 'PMM', sales_lead: 'sales lead', sales: 'sales' };

/** "Priya Shah (PMM)"; the name alone when the role is not known. */
export function personLabel(person: RequestPerson, roleOf?: (userId: string) => Role | undefined): string {
  const role = roleOf?.(person.userId);
  return role ? `${person.name} (${ROLE_SHORT[role]})` : person.name;
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 others". */
export function joinNames(names: readonly string[], max = 3): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}

/** Who was told, as a sentence; `also` names a group told besides the people. */
export function toldSentence(notified: readonly RequestPerson[], roleOf?: (userId: string) => Role | undefined, also?: string): string {
  const names = notified.map((p) => personLabel(p, roleOf));
  if (also) names.push(also);
  if (names.length === 0) return 'No one else needed to be told.';
  const verb = names.length === 1 ? 'was' : 'were';
  const text = `${joinNames(names, also ? 4 : 3)} ${verb} told.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type RequestChangeKind =
  | 'filed'
  | 'edited'
  | 'plus_one'
  | 'triaged'
  | 'started'
  | 'delivered'
  | 'accepted'
  | 'reopened'
  | 'declined'
  | 'merged'
  | 'pinned'
  | 'placed'
  | 'cleared'
  | 'boosted';

/** What happened, in the first sentence of the message (the request as the server answered it). */
export function whatHappened(kind: RequestChangeKind, r: RequestDetail): string {
  const n = `#${r.number}`;
  switch (kind) {
    case 'filed':
      return r.rank ? `Filed ${n}: it is number ${r.rank} in the queue.` : `Filed ${n}.`;
    case 'edited':
      return `Saved your changes to ${n}.`;
    case 'plus_one':
      return `You joined ${n} as a requester (${r.requesters.length} now); your linked deals count toward its priority.`;
    case 'triaged':
      return `Triaged ${n}: ${r.estimateHours ?? '?'} h${r.assignee ? `, assigned to ${r.assignee.name}` : ''}.`;
    case 'started':
      return `${n} is in progress.`;
    case 'delivered':
      return `Delivered ${n}; the requesters are asked to accept it.`;
    case 'accepted':
      return `You accepted the delivery of ${n}: it is closed.`;
    case 'reopened':
      return `Reopened ${n}: it is back in progress.`;
    case 'declined':
      return `Declined ${n}; the reason shows on the request.`;
    case 'merged':
      return r.mergedInto ? `Merged ${n} into #${r.mergedInto.number}; its requesters and deals moved there.` : `Merged ${n}.`;
    case 'pinned':
      return `Pinned ${n} to the top of the queue.`;
    case 'placed':
      return `Placed ${n} at position ${r.override?.position ?? r.rank ?? '?'} in the queue.`;
    case 'cleared':
      return `${n} takes its place by score again${r.rank ? ` (now number ${r.rank})` : ''}.`;
    case 'boosted':
      return r.strategicBoost && r.strategicBoost.points > 0
        ? `Set a strategic boost of ${r.strategicBoost.points} points on ${n}.`
        : `Cleared the strategic boost on ${n}.`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The whole message: what happened, then who was told. A new request is told to the PMMs who triage (the admins
 * when there is no PMM); with nobody to tell, it says the request waits in the queue.
 */
export function changeMessage(
  kind: RequestChangeKind,
  res: { request: RequestDetail; notified: readonly RequestPerson[] },
  roleOf?: (userId: string) => Role | undefined,
): string {
  if (kind === 'filed' && res.notified.length === 0) return `${whatHappened(kind, res.request)} It waits in the queue; there is no PMM to tell yet.`;
  return `${whatHappened(kind, res.request)} ${toldSentence(res.notified, roleOf)}`;
}
