import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AddThemeLinkRequest, ChangeThemeStatusRequest, CreateThemeRequest, ThemeDetail, ThemeListQuery, ThemeStatus, UpdateThemeRequest } from '@tandem/contracts';
import * as feedbackEndpoints from '@tandem/contracts/web-endpoints/feedback';
import { call } from '../../../app/api/client.ts';
import { feedbackKeys } from './feedback.keys.ts';

/** What the theme board is filtered and sorted by (the API's names). */
export interface ThemeBoardParams {
  status: ThemeStatus[];
  q?: string;
  sort: ThemeListQuery['sort'];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isThemeId = (id: string | undefined): id is string => !!id && UUID.test(id);

export const THEME_ITEMS_PAGE_SIZE = 25;

const params = (slug: string) => ({ workspace: slug });
const themeParams = (slug: string, themeId: string) => ({ workspace: slug, themeId });

export function useThemes(slug: string, board: ThemeBoardParams) {
  return useQuery({
    queryKey: feedbackKeys.themeList(slug, board),
    queryFn: () => call(feedbackEndpoints.themes, { params: params(slug), query: board }),
    placeholderData: keepPreviousData,
  });
}

/** Every theme, unfiltered, by name: for "Move to…" and "Merge into…" pickers. */
export function useThemeOptions(slug: string, enabled = true) {
  const board: ThemeBoardParams = { status: [], sort: 'name' };
  return useQuery({
    queryKey: feedbackKeys.themeList(slug, board),
    queryFn: () => call(feedbackEndpoints.themes, { params: params(slug), query: board }),
    enabled,
    staleTime: 30_000,
  });
}

export function useTheme(slug: string, themeId: string | undefined) {
  return useQuery({
    queryKey: feedbackKeys.theme(slug, themeId ?? ''),
    queryFn: () => call(feedbackEndpoints.theme, { params: themeParams(slug, themeId!) }),
    enabled: isThemeId(themeId),
  });
}

/** A theme's items (or "none": those waiting for triage), newest first, by cursor. */
export function useThemeItems(slug: string, themeId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.themeItems(slug, themeId),
    queryFn: ({ pageParam }) =>
      call(feedbackEndpoints.list, { params: params(slug), query: { theme: themeId, cursor: pageParam ?? undefined, limit: THEME_ITEMS_PAGE_SIZE } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Individual items by id, fetched only when asked for (a suggestion's "show more"). */
export function useFeedbackItems(slug: string, ids: string[]) {
  return useQueries({
    queries: ids.map((itemId) => ({
      queryKey: feedbackKeys.item(slug, itemId),
      queryFn: () => call(feedbackEndpoints.get, { params: { workspace: slug, itemId } }),
      staleTime: 60_000,
    })),
  });
}

/** After any change to themes or where items sit: lists, details, items and metrics are all stale. */
export async function themesChanged(queryClient: QueryClient, slug: string, detail?: ThemeDetail) {
  if (detail) queryClient.setQueryData(feedbackKeys.theme(slug, detail.id), detail);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: feedbackKeys.themes(slug),
      // The detail just answered is fresh; suggestions change only through their own calls.
      predicate: (q) => !(detail && q.queryKey[3] === 'detail' && q.queryKey[4] === detail.id) && q.queryKey[3] !== 'suggestions',
    }),
    queryClient.invalidateQueries({ queryKey: feedbackKeys.all(slug) }),
  ]);
}

/** A write that answers with the theme as it now is (rename, status, links, merge, split, create). */
function useThemeWrite<A, R extends ThemeDetail = ThemeDetail>(slug: string, write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => themesChanged(queryClient, slug, detail),
  });
}

export function useThemeActions(slug: string, themeId: string) {
  const p = themeParams(slug, themeId);
  return {
    update: useThemeWrite(slug, (body: UpdateThemeRequest) => call(feedbackEndpoints.updateTheme, { params: p, body })),
    changeStatus: useThemeWrite(slug, (body: ChangeThemeStatusRequest) => call(feedbackEndpoints.changeThemeStatus, { params: p, body })),
    undoStatus: useThemeWrite(slug, (changeId: string) => call(feedbackEndpoints.undoThemeStatus, { params: p, body: { changeId } })),
    addLink: useThemeWrite(slug, (body: AddThemeLinkRequest) => call(feedbackEndpoints.addThemeLink, { params: p, body })),
    removeLink: useThemeWrite(slug, (linkId: string) => call(feedbackEndpoints.removeThemeLink, { params: { ...p, linkId } })),
    split: useThemeWrite(slug, (body: { name: string; itemIds: string[] }) => call(feedbackEndpoints.splitTheme, { params: p, body })),
  };
}

export function useCreateTheme(slug: string) {
  return useThemeWrite(slug, (body: CreateThemeRequest) => call(feedbackEndpoints.createTheme, { params: params(slug), body }));
}

/** Merges `sourceThemeIds` into `targetId`, which answers. */
export function useMergeThemes(slug: string) {
  return useThemeWrite(slug, ({ targetId, sourceThemeIds }: { targetId: string; sourceThemeIds: string[] }) =>
    call(feedbackEndpoints.mergeThemes, { params: themeParams(slug, targetId), body: { sourceThemeIds } }),
  );
}

/** Takes back a merge within its undo window; answers with the target as it now is (the sources are back on the board). */
export function useUndoMerge(slug: string) {
  return useThemeWrite(slug, ({ targetId, mergeId }: { targetId: string; mergeId: string }) =>
    call(feedbackEndpoints.undoMergeThemes, { params: { ...themeParams(slug, targetId), mergeId } }),
  );
}

/** A theme page's "Move": into another theme, or back to untriaged with `themeId: null`. */
export function useMoveItems(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemIds, themeId }: { itemIds: string[]; themeId: string | null }) =>
      call(feedbackEndpoints.move, { params: params(slug), body: { itemIds, themeId } }),
    onSuccess: () => themesChanged(queryClient, slug),
  });
}

export function useFollowTheme(slug: string, themeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => call(follow ? feedbackEndpoints.followTheme : feedbackEndpoints.unfollowTheme, { params: themeParams(slug, themeId) }),
    onSuccess: async ({ following }) => {
      queryClient.setQueryData<ThemeDetail>(feedbackKeys.theme(slug, themeId), (old) =>
        old && old.following !== following
          ? { ...old, following, subscribers: Math.max(0, old.subscribers + (following ? 1 : -1)) }
          : old,
      );
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.theme(slug, themeId) });
    },
  });
}
