import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryListQuery } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { notifyAdminApi } from '../api/notifications.api.ts';

export type DeliveryFilters = Partial<Pick<DeliveryListQuery, 'status' | 'channel' | 'targetId'>>;

export const deliveriesKey = (slug: string) => wsKey(slug, 'deliveries');
export const webhooksKey = (slug: string) => wsKey(slug, 'webhooks');
export const slackKey = (slug: string) => wsKey(slug, 'slack-channels');

export function useDeliveries(slug: string, filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: [...deliveriesKey(slug), 'list', filters],
    queryFn: ({ pageParam }) => notifyAdminApi.deliveries(slug, { ...filters, cursor: pageParam ?? undefined, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
    // Pending deliveries move on by themselves.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 5000 : false),
  });
}

export function useDeliveryDetail(slug: string, id: string) {
  return useQuery({ queryKey: [...deliveriesKey(slug), 'detail', id], queryFn: () => notifyAdminApi.delivery(slug, id) });
}

export function useWebhooks(slug: string) {
  return useQuery({ queryKey: webhooksKey(slug), queryFn: () => notifyAdminApi.webhooks(slug) });
}

export function useSlackChannels(slug: string) {
  return useQuery({ queryKey: slackKey(slug), queryFn: () => notifyAdminApi.slackChannels(slug) });
}

/** After any admin change: lists, last deliveries and the delivery log may all differ. */
export function useRefreshAdmin(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: deliveriesKey(slug) }),
      queryClient.invalidateQueries({ queryKey: webhooksKey(slug) }),
      queryClient.invalidateQueries({ queryKey: slackKey(slug) }),
    ]);
}
