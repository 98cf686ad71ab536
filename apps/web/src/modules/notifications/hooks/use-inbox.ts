import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkRead } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { inboxApi } from '../api/notifications.api.ts';

export const inboxKey = (slug: string) => wsKey(slug, 'notifications');
export const unreadKey = (slug: string) => wsKey(slug, 'notifications', 'unread-count');
export const preferencesKey = (slug: string) => wsKey(slug, 'notification-preferences');

/** The bell's number: polled every 30 s, and again whenever the window regains focus. */
export function useUnreadCount(slug: string) {
  return useQuery({
    queryKey: unreadKey(slug),
    queryFn: () => inboxApi.unreadCount(slug),
    refetchInterval: 30_000,
    refetchOnWindowFocus: 'always',
  });
}

/** The latest items, for the bell's popover; fetched while it is open. */
export function useLatestItems(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: [...inboxKey(slug), 'latest'],
    queryFn: () => inboxApi.list(slug, { limit: 8 }),
    enabled,
    staleTime: 0,
  });
}

export function useInbox(slug: string, unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...inboxKey(slug), 'list', { unreadOnly }],
    queryFn: ({ pageParam }) => inboxApi.list(slug, { cursor: pageParam ?? undefined, limit: 30, unread: unreadOnly }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}

/** Marks items (or all) read; the count and every inbox list are refetched. */
export function useMarkRead(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkRead) => inboxApi.markRead(slug, body),
    onSuccess: async (res) => {
      queryClient.setQueryData(unreadKey(slug), res);
      await queryClient.invalidateQueries({ queryKey: inboxKey(slug) });
    },
  });
}

export function usePreferences(slug: string) {
  return useQuery({ queryKey: preferencesKey(slug), queryFn: () => inboxApi.preferences(slug) });
}
