import type { RequestSummary } from '@tandem/contracts';
import { formatDay } from '../../../../app/kit/index.ts';

/**
 * "Where my request stands and why", in words a rep reads at a glance: the place in the queue, whether the team's
 * hours reach it by its date (the line), and the reason the server gave.
 */
export interface Standing {
  /** "Number 4 in the queue", "Delivered", … */
  place: string;
  /** Above or below the team's capacity line; null when it is not planned (no estimate yet, or not open). */
  belowLine: boolean | null;
  /** The reason in plain words. */
  reason: string;
}

export function requestStanding(r: Pick<RequestSummary, 'status' | 'rank' | 'plan' | 'override' | 'neededBy'>): Standing {
  switch (r.status) {
    case 'delivered':
      return { place: 'Delivered', belowLine: null, reason: 'Waiting for a requester to accept it or reopen it.' };
    case 'accepted':
      return { place: 'Done', belowLine: null, reason: 'Delivered and accepted.' };
    case 'declined':
      return { place: 'Declined', belowLine: null, reason: 'Marketing declined it; the reason is on the request.' };
    case 'merged':
      return { place: 'Merged', belowLine: null, reason: 'It was merged into another request, which carries its requesters and deals.' };
    case 'new':
    case 'triaged':
    case 'in_progress':
      break;
    default: {
      const never: never = r.status;
      return never;
    }
  }
  const place = r.rank ? `Number ${r.rank} in the queue` : 'In the queue';
  const pinned = r.override?.kind === 'pin' ? ' (pinned)' : r.override?.kind === 'position' ? ' (placed by hand)' : '';
  if (!r.plan) {
    return {
      place: place + pinned,
      belowLine: null,
      reason:
        r.status === 'new'
          ? 'Marketing has not estimated it yet, so it is not planned against the team’s hours.'
          : 'It has no estimate, so it is not planned against the team’s hours.',
    };
  }
  const when = r.plan.expectedDoneOn ? `Expected done ${formatDay(r.plan.expectedDoneOn)}` : 'No date yet';
  const by = r.neededBy ? ` (needed by ${formatDay(r.neededBy)})` : '';
  return { place: place + pinned, belowLine: r.plan.belowLine, reason: r.plan.reason || `${when}${by}.` };
}
