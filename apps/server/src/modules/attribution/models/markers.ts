import type { Markers } from './models.ts';

// Stage markers from what the deals module keeps: a deal's CRM created date, its close date, and its stage history
// (stage, category open/won/lost, changed at). Tandem has no separate lead object, so (decision 0019):
// - lead creation: the deal's CRM created date; without one, its first stage-history row; else unknown (the first touch);
// - opportunity creation: the first stage change after the first row (the deal left its opening stage); without one,
//   the lead-creation time (the two markers fall on one touchpoint);
// - close: the first move into a won stage; without one, the end (UTC) of the close date; an open deal: now.

export interface DealMarkerInput {
  createdDate: number | null;
  closeDate: string | null;
  status: 'won' | 'open';
  /** The first stage-history row's time, the second's, and the first won row's (epoch ms), when there are such rows. */
  firstStageAt: number | null;
  secondStageAt: number | null;
  wonAt: number | null;
}

export function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999Z`);
}

export function markersOf(deal: DealMarkerInput, now: number): Markers {
  const leadCreatedAt = deal.createdDate ?? deal.firstStageAt;
  const opportunityCreatedAt = deal.secondStageAt ?? leadCreatedAt;
  let closeAt: number;
  if (deal.status === 'won') closeAt = deal.wonAt ?? (deal.closeDate ? endOfDay(deal.closeDate) : now);
  else closeAt = now;
  return { leadCreatedAt, opportunityCreatedAt, closeAt };
}
