import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from '@tandem/contracts/web-endpoints/notifications';
import { call } from '../../../app/api/client.ts';
import { notificationsKeys as keys, refreshAdmin, type DeliveryFilters } from './notifications.keys.ts';

export type { DeliveryFilters };

const params = (slug: string) => ({ workspace: slug });

export function useDeliveries(slug: string, filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: keys.deliveryList(slug, filters),
    queryFn: ({ pageParam }) => call(api.deliveries, { params: params(slug), query: { ...filters, cursor: pageParam ?? undefined, limit: 50 } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
    // Pending deliveries move on by themselves.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 5000 : false),
  });
}

export function useDeliveryDetail(slug: string, id: string) {
  return useQuery({ queryKey: keys.delivery(slug, id), queryFn: () => call(api.delivery, { params: { ...params(slug), deliveryId: id } }) });
}

/** Retry (or redeliver) or discard one delivery; the admin lists are refetched before it resolves. */
export function useDeliveryAction(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'discard' }) =>
      call(action === 'retry' ? api.retryDelivery : api.discardDelivery, { params: { ...params(slug), deliveryId: id }, body: {} }),
    onSuccess: () => refreshAdmin(queryClient, slug),
  });
}
