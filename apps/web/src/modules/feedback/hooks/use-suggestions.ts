import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ThemeSuggestionList } from '@tandem/contracts';
import * as feedbackEndpoints from '@tandem/contracts/web-endpoints/feedback';
import { call } from '../../../app/api/client.ts';
import { feedbackKeys } from './feedback.keys.ts';
import { themesChanged } from './use-themes.ts';

const params = (slug: string) => ({ workspace: slug });

export function useSuggestions(slug: string, enabled = true) {
  return useQuery({ queryKey: feedbackKeys.suggestions(slug), queryFn: () => call(feedbackEndpoints.suggestions, { params: params(slug) }), enabled });
}

/** Runs the clustering again (a few seconds); the answer replaces the stored suggestions. */
export function useRefreshSuggestions(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(feedbackEndpoints.refreshSuggestions, { params: params(slug) }),
    onSuccess: (list) => queryClient.setQueryData(feedbackKeys.suggestions(slug), list),
  });
}

/** Drops a handled suggestion from the list; `unthemed` stays what the run counted. */
function dropSuggestion(queryClient: QueryClient, slug: string, suggestionId: string) {
  queryClient.setQueryData<ThemeSuggestionList>(feedbackKeys.suggestions(slug), (old) =>
    old ? { ...old, items: old.items.filter((s) => s.id !== suggestionId) } : old,
  );
}

export function useAcceptSuggestion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ suggestionId, name }: { suggestionId: string; name?: string }) =>
      call(feedbackEndpoints.acceptSuggestion, { params: { workspace: slug, suggestionId }, body: name ? { name } : {} }),
    onSuccess: async (detail, { suggestionId }) => {
      dropSuggestion(queryClient, slug, suggestionId);
      await themesChanged(queryClient, slug, detail);
    },
  });
}

/** Takes an accept back while its theme is untouched: the suggestion is listed again, the theme is gone. */
export function useUndoAcceptSuggestion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) => call(feedbackEndpoints.undoAcceptSuggestion, { params: { workspace: slug, suggestionId } }),
    onSuccess: async (list) => {
      queryClient.setQueryData(feedbackKeys.suggestions(slug), list);
      await themesChanged(queryClient, slug);
    },
  });
}

export function useDiscardSuggestion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) => call(feedbackEndpoints.discardSuggestion, { params: { workspace: slug, suggestionId } }),
    onSuccess: (_, suggestionId) => dropSuggestion(queryClient, slug, suggestionId),
  });
}
