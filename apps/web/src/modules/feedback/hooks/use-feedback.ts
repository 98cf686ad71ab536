import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateFeedbackRequest, FeedbackKind, ThemeStatus, UpdateFeedbackRequest } from '@tandem/contracts';
import * as feedbackEndpoints from '@tandem/contracts/web-endpoints/feedback';
import { call } from '../../../app/api/client.ts';
import { feedbackKeys } from './feedback.keys.ts';

/** What a feedback list is filtered by, in the API's names. */
export interface FeedbackFilterParams {
  kind?: FeedbackKind[];
  competitor?: string;
  segment?: string;
  /** A theme id, or "none" for feedback waiting for triage. */
  theme?: string;
  status?: ThemeStatus[];
  /** A member's user id, or "me". */
  submittedBy?: string;
  dealId?: string;
  accountId?: string;
  q?: string;
  from?: string;
  to?: string;
}

export const FEEDBACK_PAGE_SIZE = 50;

const params = (slug: string) => ({ workspace: slug });

/** After a write: every list, count and theme of the workspace may have changed. */
export function invalidateFeedback(queryClient: QueryClient, slug: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: feedbackKeys.all(slug) }),
    queryClient.invalidateQueries({ queryKey: feedbackKeys.themes(slug) }),
  ]);
}

export function useFeedbackPages(slug: string, filters: FeedbackFilterParams, options: { limit?: number; enabled?: boolean } = {}) {
  const limit = options.limit ?? FEEDBACK_PAGE_SIZE;
  const enabled = options.enabled ?? true;
  return useInfiniteQuery({
    queryKey: feedbackKeys.list(slug, filters, limit),
    queryFn: ({ pageParam }) => call(feedbackEndpoints.list, { params: params(slug), query: { ...filters, cursor: pageParam ?? undefined, limit } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A list held back (e.g. its date range is backwards) shows as waiting, not as the last answer.
    placeholderData: enabled ? keepPreviousData : undefined,
    enabled,
  });
}

/** How many items match, without their pages (one item is fetched for the total). */
export function useFeedbackCount(slug: string, filters: FeedbackFilterParams, enabled = true) {
  return useQuery({
    queryKey: feedbackKeys.count(slug, filters),
    queryFn: async () => (await call(feedbackEndpoints.list, { params: params(slug), query: { ...filters, limit: 1 } })).total,
    enabled,
  });
}

export function useMyFeedbackSummary(slug: string) {
  return useQuery({ queryKey: feedbackKeys.mine(slug), queryFn: () => call(feedbackEndpoints.mySummary, { params: params(slug) }) });
}

/** Time to acknowledge and response rate, per PMM and overall. */
export function useFeedbackMetrics(slug: string, enabled = true) {
  return useQuery({ queryKey: feedbackKeys.metrics(slug), queryFn: () => call(feedbackEndpoints.metrics, { params: params(slug) }), enabled });
}

/** Near-duplicates of what is being typed; asks only for texts long enough to compare. */
export function useSimilarFeedback(slug: string, text: string, enabled: boolean) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: feedbackKeys.similar(slug, trimmed),
    queryFn: ({ signal }) => call(feedbackEndpoints.similar, { params: params(slug), body: { text: trimmed } }, { signal }),
    enabled: enabled && trimmed.length >= 15,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useCreateFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeedbackRequest) => call(feedbackEndpoints.create, { params: params(slug), body }),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}

export function useUpdateFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdateFeedbackRequest }) =>
      call(feedbackEndpoints.update, { params: { workspace: slug, itemId }, body }),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}

export function useDeleteFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => call(feedbackEndpoints.remove, { params: { workspace: slug, itemId } }),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}

/** The inbox's "Move to…": into a theme, or back to triage with `themeId: null`. */
/**
 * "Undo" after a move: each item goes back to the theme it was in (or to triage), one move per former theme.
 * Answers what to say once done.
 */
export async function moveBack(
  move: (body: { itemIds: string[]; themeId: string | null }) => Promise<{ moved: number }>,
  items: { id: string; themeId: string | null }[],
): Promise<string> {
  const byTheme = new Map<string | null, string[]>();
  for (const i of items) byTheme.set(i.themeId, [...(byTheme.get(i.themeId) ?? []), i.id]);
  let n = 0;
  for (const [themeId, itemIds] of byTheme) n += (await move({ itemIds, themeId })).moved;
  return `${n} ${n === 1 ? 'item is' : 'items are'} back where ${n === 1 ? 'it was' : 'they were'}.`;
}

export function useMoveFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { itemIds: string[]; themeId: string | null }) => call(feedbackEndpoints.move, { params: params(slug), body }),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}
