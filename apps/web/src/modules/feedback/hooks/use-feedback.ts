import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateFeedbackRequest, UpdateFeedbackRequest } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { feedbackApi, type FeedbackFilterParams } from '../api/feedback.api.ts';

/** Every feedback query of a workspace starts with this. */
export const feedbackKey = (slug: string) => wsKey(slug, 'feedback');
/** Theme queries (the theme pages' too): moving or logging an item changes their counts. */
export const themesKey = (slug: string) => wsKey(slug, 'themes');

export const FEEDBACK_PAGE_SIZE = 50;

/** After a write: every list, count and theme of the workspace may have changed. */
export function invalidateFeedback(queryClient: QueryClient, slug: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: feedbackKey(slug) }),
    queryClient.invalidateQueries({ queryKey: themesKey(slug) }),
  ]);
}

export function useFeedbackPages(slug: string, filters: FeedbackFilterParams, options: { limit?: number; enabled?: boolean } = {}) {
  const limit = options.limit ?? FEEDBACK_PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: [...feedbackKey(slug), 'list', filters, limit],
    queryFn: ({ pageParam }) => feedbackApi.list(slug, filters, { cursor: pageParam ?? undefined, limit }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** How many items match, without their pages (one item is fetched for the total). */
export function useFeedbackCount(slug: string, filters: FeedbackFilterParams, enabled = true) {
  return useQuery({
    queryKey: [...feedbackKey(slug), 'count', filters],
    queryFn: async () => (await feedbackApi.list(slug, filters, { limit: 1 })).total,
    enabled,
  });
}

export function useMyFeedbackSummary(slug: string) {
  return useQuery({ queryKey: [...feedbackKey(slug), 'mine', 'summary'], queryFn: () => feedbackApi.mySummary(slug) });
}

export function useFeedbackMetrics(slug: string, enabled = true) {
  return useQuery({ queryKey: [...feedbackKey(slug), 'metrics'], queryFn: () => feedbackApi.metrics(slug), enabled });
}

/** Near-duplicates of what is being typed; asks only for texts long enough to compare. */
export function useSimilarFeedback(slug: string, text: string, enabled: boolean) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: [...feedbackKey(slug), 'similar', trimmed],
    queryFn: ({ signal }) => feedbackApi.similar(slug, { text: trimmed }, signal),
    enabled: enabled && trimmed.length >= 15,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useCreateFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFeedbackRequest) => feedbackApi.create(slug, body),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}

export function useUpdateFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdateFeedbackRequest }) => feedbackApi.update(slug, itemId, body),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}

export function useDeleteFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => feedbackApi.remove(slug, itemId),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}

export function useMoveFeedback(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { itemIds: string[]; themeId: string | null }) => feedbackApi.move(slug, body),
    onSuccess: () => void invalidateFeedback(queryClient, slug),
  });
}
