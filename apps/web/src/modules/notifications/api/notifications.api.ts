import type {
  CreateSlackChannel,
  CreateWebhookSubscription,
  Delivery,
  DeliveryDetail,
  DeliveryList,
  DeliveryListQuery,
  InboxList,
  MarkRead,
  Preferences,
  SlackChannel,
  TestResult,
  UpdatePreferences,
  UpdateSlackChannel,
  UpdateWebhookSubscription,
  WebhookSubscription,
} from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

type DeliveryFilters = Partial<Omit<DeliveryListQuery, 'limit'>> & { limit?: number };

const ws = (slug: string, rest: string) => `${wsPath(slug)}/${rest}`;
const id = (value: string) => encodeURIComponent(value);

/** The person's own inbox and preferences. */
export const inboxApi = {
  list: (slug: string, page: { cursor?: string; limit?: number; unread?: boolean }) =>
    api<InboxList>(ws(slug, 'notifications'), { query: { ...page, unread: page.unread ? 'true' : undefined } }),
  unreadCount: (slug: string) => api<{ unread: number }>(ws(slug, 'notifications/unread-count')),
  markRead: (slug: string, body: MarkRead) => api<{ unread: number }>(ws(slug, 'notifications/read'), { method: 'POST', body }),
  preferences: (slug: string) => api<Preferences>(ws(slug, 'notification-preferences')),
  savePreferences: (slug: string, body: UpdatePreferences) =>
    api<Preferences>(ws(slug, 'notification-preferences'), { method: 'PUT', body }),
};

/** Admin: Slack channels, webhook subscriptions and the delivery log. */
export const notifyAdminApi = {
  deliveries: (slug: string, filters: DeliveryFilters) => api<DeliveryList>(ws(slug, 'deliveries'), { query: { ...filters } }),
  delivery: (slug: string, deliveryId: string) => api<DeliveryDetail>(ws(slug, `deliveries/${id(deliveryId)}`)),
  retry: (slug: string, deliveryId: string) => api<Delivery>(ws(slug, `deliveries/${id(deliveryId)}/retry`), { method: 'POST' }),
  discard: (slug: string, deliveryId: string) => api<Delivery>(ws(slug, `deliveries/${id(deliveryId)}/discard`), { method: 'POST' }),

  webhooks: (slug: string) => api<{ items: WebhookSubscription[] }>(ws(slug, 'webhooks')),
  createWebhook: (slug: string, body: CreateWebhookSubscription) =>
    api<WebhookSubscription>(ws(slug, 'webhooks'), { method: 'POST', body }),
  updateWebhook: (slug: string, webhookId: string, body: UpdateWebhookSubscription) =>
    api<WebhookSubscription>(ws(slug, `webhooks/${id(webhookId)}`), { method: 'PATCH', body }),
  deleteWebhook: (slug: string, webhookId: string) => api<void>(ws(slug, `webhooks/${id(webhookId)}`), { method: 'DELETE' }),
  testWebhook: (slug: string, webhookId: string) => api<TestResult>(ws(slug, `webhooks/${id(webhookId)}/test`), { method: 'POST' }),

  slackChannels: (slug: string) => api<{ items: SlackChannel[] }>(ws(slug, 'slack-channels')),
  createSlack: (slug: string, body: CreateSlackChannel) => api<SlackChannel>(ws(slug, 'slack-channels'), { method: 'POST', body }),
  updateSlack: (slug: string, channelId: string, body: UpdateSlackChannel) =>
    api<SlackChannel>(ws(slug, `slack-channels/${id(channelId)}`), { method: 'PATCH', body }),
  deleteSlack: (slug: string, channelId: string) => api<void>(ws(slug, `slack-channels/${id(channelId)}`), { method: 'DELETE' }),
  testSlack: (slug: string, channelId: string) => api<TestResult>(ws(slug, `slack-channels/${id(channelId)}/test`), { method: 'POST' }),
};
