import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ThemeDetail, ThemeSuggestionList } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { themesApi, type ThemeBoardParams } from '../api/themes.api.ts';

/** Every theme query of a workspace starts with this. */
export const themesKey = (slug: string) => wsKey(slug, 'themes');
/** Feedback queries (items, metrics), shared with the inbox: moving items touches both. */
const feedbackKey = (slug: string) => wsKey(slug, 'feedback');
const themeKey = (slug: string, themeId: string) => [...themesKey(slug), 'detail', themeId];
const suggestionsKey = (slug: string) => [...themesKey(slug), 'suggestions'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isThemeId = (id: string | undefined): id is string => !!id && UUID.test(id);

export const THEME_ITEMS_PAGE_SIZE = 25;

export function useThemes(slug: string, params: ThemeBoardParams) {
  return useQuery({
    queryKey: [...themesKey(slug), 'list', params],
    queryFn: () => themesApi.list(slug, params),
    placeholderData: keepPreviousData,
  });
}

/** Every theme, unfiltered, by name: for "Move to…" and "Merge into…" pickers. */
export function useThemeOptions(slug: string, enabled = true) {
  return useQuery({
    queryKey: [...themesKey(slug), 'list', { status: [], sort: 'name' }],
    queryFn: () => themesApi.list(slug, { status: [], sort: 'name' }),
    enabled,
    staleTime: 30_000,
  });
}

export function useTheme(slug: string, themeId: string | undefined) {
  return useQuery({
    queryKey: themeKey(slug, themeId ?? ''),
    queryFn: () => themesApi.get(slug, themeId!),
    enabled: isThemeId(themeId),
  });
}

export function useThemeItems(slug: string, themeId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...feedbackKey(slug), 'theme-items', themeId],
    queryFn: ({ pageParam }) => themesApi.themeItems(slug, themeId, { cursor: pageParam ?? undefined, limit: THEME_ITEMS_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Individual items by id, fetched only when asked for (a suggestion's "show more"). */
export function useFeedbackItems(slug: string, ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...feedbackKey(slug), 'item', id],
      queryFn: () => themesApi.feedbackItem(slug, id),
      staleTime: 60_000,
    })),
  });
}

export function useResponseMetrics(slug: string) {
  return useQuery({ queryKey: [...feedbackKey(slug), 'metrics'], queryFn: () => themesApi.metrics(slug) });
}

export function useSuggestions(slug: string, enabled = true) {
  return useQuery({ queryKey: suggestionsKey(slug), queryFn: () => themesApi.suggestions(slug), enabled });
}

/** After any change to themes or where items sit: lists, details, items and metrics are all stale. */
async function themesChanged(queryClient: QueryClient, slug: string, detail?: ThemeDetail) {
  if (detail) queryClient.setQueryData(themeKey(slug, detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: themesKey(slug),
      // The detail just answered is fresh; suggestions change only through their own calls.
      predicate: (q) => !(detail && q.queryKey[3] === 'detail' && q.queryKey[4] === detail.id) && q.queryKey[3] !== 'suggestions',
    }),
    queryClient.invalidateQueries({ queryKey: feedbackKey(slug) }),
  ]);
}

/** A write that answers with the theme as it now is (rename, status, links, merge, split, create). */
function useThemeWrite<A>(slug: string, write: (args: A) => Promise<ThemeDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => themesChanged(queryClient, slug, detail),
  });
}

export function useThemeActions(slug: string, themeId: string) {
  return {
    update: useThemeWrite(slug, (body: Parameters<typeof themesApi.update>[2]) => themesApi.update(slug, themeId, body)),
    changeStatus: useThemeWrite(slug, (body: Parameters<typeof themesApi.changeStatus>[2]) =>
      themesApi.changeStatus(slug, themeId, body),
    ),
    addLink: useThemeWrite(slug, (body: Parameters<typeof themesApi.addLink>[2]) => themesApi.addLink(slug, themeId, body)),
    removeLink: useThemeWrite(slug, (linkId: string) => themesApi.removeLink(slug, themeId, linkId)),
    split: useThemeWrite(slug, (body: { name: string; itemIds: string[] }) => themesApi.split(slug, themeId, body)),
  };
}

export function useCreateTheme(slug: string) {
  return useThemeWrite(slug, (body: Parameters<typeof themesApi.create>[1]) => themesApi.create(slug, body));
}

/** Merges `sourceThemeIds` into `targetId`. */
export function useMergeThemes(slug: string) {
  return useThemeWrite(slug, ({ targetId, sourceThemeIds }: { targetId: string; sourceThemeIds: string[] }) =>
    themesApi.merge(slug, targetId, sourceThemeIds),
  );
}

export function useMoveItems(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemIds, themeId }: { itemIds: string[]; themeId: string | null }) => themesApi.moveItems(slug, itemIds, themeId),
    onSuccess: () => themesChanged(queryClient, slug),
  });
}

export function useFollowTheme(slug: string, themeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => (follow ? themesApi.follow(slug, themeId) : themesApi.unfollow(slug, themeId)),
    onSuccess: async ({ following }) => {
      queryClient.setQueryData<ThemeDetail>(themeKey(slug, themeId), (old) =>
        old && old.following !== following
          ? { ...old, following, subscribers: Math.max(0, old.subscribers + (following ? 1 : -1)) }
          : old,
      );
      await queryClient.invalidateQueries({ queryKey: themeKey(slug, themeId) });
    },
  });
}

/** Runs the clustering again; the answer replaces the stored suggestions. */
export function useRefreshSuggestions(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => themesApi.refreshSuggestions(slug),
    onSuccess: (list) => queryClient.setQueryData(suggestionsKey(slug), list),
  });
}

/** Drops a handled suggestion from the list; `unthemed` stays what the run counted. */
function dropSuggestion(queryClient: QueryClient, slug: string, suggestionId: string) {
  queryClient.setQueryData<ThemeSuggestionList>(suggestionsKey(slug), (old) =>
    old ? { ...old, items: old.items.filter((s) => s.id !== suggestionId) } : old,
  );
}

export function useAcceptSuggestion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ suggestionId, name }: { suggestionId: string; name?: string }) =>
      themesApi.acceptSuggestion(slug, suggestionId, name ? { name } : {}),
    onSuccess: async (detail, { suggestionId }) => {
      dropSuggestion(queryClient, slug, suggestionId);
      await themesChanged(queryClient, slug, detail);
    },
  });
}

export function useDiscardSuggestion(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (suggestionId: string) => themesApi.discardSuggestion(slug, suggestionId),
    onSuccess: (_, suggestionId) => dropSuggestion(queryClient, slug, suggestionId),
  });
}
