import { useQuery } from '@tanstack/react-query';
import * as dealsEndpoints from '@tandem/contracts/web-endpoints/deals';
import * as feedbackEndpoints from '@tandem/contracts/web-endpoints/feedback';
import * as goalsEndpoints from '@tandem/contracts/web-endpoints/goals';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import * as requestsEndpoints from '@tandem/contracts/web-endpoints/requests';
import { call } from '../../../app/api/client.ts';
import { goalsKeys } from './goals.keys.ts';

/**
 * What the rep's and the PMM's homes read: existing lists of other modules, asked for small (a home shows the
 * first few and links to the full list, whose total it quotes), and the rep's deals' themes (one query of its own).
 */

/** The rep's open deals, largest first. */
export function useMyOpenDeals(slug: string, userId: string) {
  return useQuery({
    queryKey: goalsKeys.home(slug, 'deals', 'mine-open', userId),
    queryFn: () =>
      call(dealsEndpoints.list, { params: { workspace: slug }, query: { owner: userId, status: 'open', sort: '-amount', limit: 5 } }),
  });
}

/**
 * The themes of the caller's deals (feedback on their open deals, by anyone, and what they logged), the most of their
 * open pipeline first; under feedback's prefix, so a triaged or logged item refreshes it.
 */
export function useMyDealThemes(slug: string) {
  return useQuery({
    queryKey: goalsKeys.home(slug, 'feedback', 'my-deal-themes'),
    queryFn: () => call(goalsEndpoints.myDealThemes, { params: { workspace: slug }, query: { limit: 5 } }),
  });
}

/** Feedback waiting for triage (no theme yet), newest first. */
export function useUntriagedFeedback(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: goalsKeys.home(slug, 'feedback', 'untriaged'),
    queryFn: () => call(feedbackEndpoints.list, { params: { workspace: slug }, query: { theme: 'none', limit: 5 } }),
    enabled,
  });
}

/** The caller's own open requests, in queue order. */
export function useMyAsks(slug: string) {
  return useQuery({
    queryKey: goalsKeys.home(slug, 'requests', 'mine'),
    queryFn: () => call(requestsEndpoints.list, { params: { workspace: slug }, query: { requester: 'me', limit: 5 } }),
  });
}

/** The open queue's head, or its unassigned part (what a PMM picks up next). */
export function useOpenAsks(slug: string, unassigned: boolean) {
  return useQuery({
    queryKey: goalsKeys.home(slug, 'requests', 'open', unassigned),
    queryFn: () =>
      call(requestsEndpoints.list, { params: { workspace: slug }, query: unassigned ? { assignee: 'none', limit: 5 } : { limit: 50 } }),
  });
}

/** Published material past its review date, the caller's own or everyone's. */
export function useOverdueAssets(slug: string, mine: boolean) {
  return useQuery({
    queryKey: goalsKeys.home(slug, 'library', 'overdue', mine),
    queryFn: () =>
      call(libraryEndpoints.searchAssets, {
        params: { workspace: slug },
        query: { overdue: 'true', sort: 'updated', limit: 5, ...(mine ? { owner: 'me' } : {}) },
      }),
  });
}
