import type { QueryClient } from '@tanstack/react-query';
import type { DeliveryListQuery } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';

/** What the delivery log is filtered by (the API's names). */
export type DeliveryFilters = Partial<Pick<DeliveryListQuery, 'status' | 'channel' | 'targetId'>>;

/**
 * Every notifications query of a workspace. The unread count sits under the inbox, so
 * invalidating the inbox refreshes the bell too.
 */
export const notificationsKeys = {
  inbox: (slug: string) => wsKey(slug, 'notifications'),
  unread: (slug: string) => [...notificationsKeys.inbox(slug), 'unread-count'],
  latest: (slug: string) => [...notificationsKeys.inbox(slug), 'latest'],
  inboxList: (slug: string, unreadOnly: boolean) => [...notificationsKeys.inbox(slug), 'list', { unreadOnly }],
  preferences: (slug: string) => wsKey(slug, 'notification-preferences'),
  deliveries: (slug: string) => wsKey(slug, 'deliveries'),
  deliveryList: (slug: string, filters: DeliveryFilters) => [...notificationsKeys.deliveries(slug), 'list', filters],
  delivery: (slug: string, id: string) => [...notificationsKeys.deliveries(slug), 'detail', id],
  webhooks: (slug: string) => wsKey(slug, 'webhooks'),
  slackChannels: (slug: string) => wsKey(slug, 'slack-channels'),
};

/** After any admin change: lists, last deliveries and the delivery log may all differ. */
export function refreshAdmin(queryClient: QueryClient, slug: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: notificationsKeys.deliveries(slug) }),
    queryClient.invalidateQueries({ queryKey: notificationsKeys.webhooks(slug) }),
    queryClient.invalidateQueries({ queryKey: notificationsKeys.slackChannels(slug) }),
  ]);
}
