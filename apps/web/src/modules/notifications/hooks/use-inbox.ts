import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkRead } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/notifications';
import { call } from '../../../app/api/client.ts';
import { notificationsKeys as keys } from './notifications.keys.ts';

const params = (slug: string) => ({ workspace: slug });

/** The bell's number: polled every 30 s, and again whenever the window regains focus. */
export function useUnreadCount(slug: string) {
  return useQuery({
    queryKey: keys.unread(slug),
    queryFn: () => call(api.unreadCount, { params: params(slug) }),
    refetchInterval: 30_000,
    refetchOnWindowFocus: 'always',
  });
}

/** The latest items, for the bell's popover; fetched while it is open. */
export function useLatestItems(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.latest(slug),
    queryFn: () => call(api.inbox, { params: params(slug), query: { limit: 8 } }),
    enabled,
    staleTime: 0,
  });
}

export function useInbox(slug: string, unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: keys.inboxList(slug, unreadOnly),
    queryFn: ({ pageParam }) =>
      call(api.inbox, { params: params(slug), query: { cursor: pageParam ?? undefined, limit: 30, unread: unreadOnly ? 'true' : undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}

/** Marks items (or all) read; the count and every inbox list are refetched. */
export function useMarkRead(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkRead) => call(api.markRead, { params: params(slug), body }),
    onSuccess: async (res) => {
      queryClient.setQueryData(keys.unread(slug), res);
      await queryClient.invalidateQueries({ queryKey: keys.inbox(slug) });
    },
  });
}
