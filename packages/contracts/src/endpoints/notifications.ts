import { z } from 'zod';
import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';
import { CreateSlackChannel, CreateWebhookSubscription, Delivery, DeliveryDetail, DeliveryList, DeliveryListQuery, InboxList, InboxListQuery, MarkRead, Preferences, SlackChannel, SlackChannelList, TestResult, UnreadCount, UnsubscribeQuery, UpdatePreferences, UpdateSlackChannel, UpdateWebhookSubscription, WebhookSubscription, WebhookSubscriptionList } from '../notifications.ts';

/**
 * The notifications module's rows of the endpoint table (see ../endpoint.ts). Imported as a namespace —
 * `import * as notificationsEndpoints from '@tandem/contracts/endpoints/notifications'` — so a web chunk keeps only the rows it calls.
 */

const own = { action: 'notifications.own' } as const;
const manage = { action: 'notifications.manage' } as const;
const DeliveryParam = workspaceAnd('deliveryId');
const SubscriptionParam = workspaceAnd('subscriptionId');
const ChannelParam = workspaceAnd('channelId');

// A person's inbox and preferences.
export const inbox = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/notifications',
  summary: 'My notifications, newest first',
  tag: 'notifications',
  access: own,
  params: WorkspaceParam,
  query: InboxListQuery,
  response: InboxList,
});

export const unreadCount = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/notifications/unread-count',
  summary: 'How many of my notifications are unread',
  tag: 'notifications',
  access: own,
  params: WorkspaceParam,
  response: UnreadCount,
});

export const markRead = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/notifications/read',
  summary: 'Mark notifications read (some, or all)',
  tag: 'notifications',
  access: own,
  params: WorkspaceParam,
  body: MarkRead,
  response: UnreadCount,
});

export const preferences = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/notification-preferences',
  summary: 'My channels per event type',
  tag: 'notifications',
  access: own,
  params: WorkspaceParam,
  response: Preferences,
});

export const updatePreferences = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/notification-preferences',
  summary: 'Choose my channels per event type',
  tag: 'notifications',
  access: own,
  params: WorkspaceParam,
  body: UpdatePreferences,
  response: Preferences,
});


// The delivery log (admin).
export const deliveries = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deliveries',
  summary: 'Email, Slack and webhook deliveries with their state',
  tag: 'notifications',
  access: manage,
  params: WorkspaceParam,
  query: DeliveryListQuery,
  response: DeliveryList,
});

export const delivery = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/deliveries/:deliveryId',
  summary: 'One delivery and its attempts',
  tag: 'notifications',
  access: manage,
  params: DeliveryParam,
  response: DeliveryDetail,
});

export const retryDelivery = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/deliveries/:deliveryId/retry',
  summary: 'Try a failed or dead delivery again now, or redeliver a delivered one',
  tag: 'notifications',
  access: manage,
  params: DeliveryParam,
  body: z.object({}).nullish(),
  response: Delivery,
});

export const discardDelivery = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/deliveries/:deliveryId/discard',
  summary: 'Stop trying a delivery',
  tag: 'notifications',
  access: manage,
  params: DeliveryParam,
  body: z.object({}).nullish(),
  response: Delivery,
});


// Outbound webhooks (admin).
export const webhooks = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/webhooks',
  summary: 'Webhook subscriptions, with each one’s last delivery',
  tag: 'webhooks',
  access: manage,
  params: WorkspaceParam,
  response: WebhookSubscriptionList,
});

export const createWebhook = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/webhooks',
  summary: 'Subscribe an HTTPS URL to event types; the answer holds the signing secret',
  tag: 'webhooks',
  access: manage,
  params: WorkspaceParam,
  body: CreateWebhookSubscription,
  status: 201,
  response: WebhookSubscription,
});

export const updateWebhook = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/webhooks/:subscriptionId',
  summary: 'Change the URL, description or event types; turn it off or back on',
  tag: 'webhooks',
  access: manage,
  params: SubscriptionParam,
  body: UpdateWebhookSubscription,
  response: WebhookSubscription,
});

export const deleteWebhook = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/webhooks/:subscriptionId',
  summary: 'Delete a subscription (pending deliveries are dropped)',
  tag: 'webhooks',
  access: manage,
  params: SubscriptionParam,
  status: 204,
});

export const testWebhook = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/webhooks/:subscriptionId/test',
  summary: 'Send a signed `ping` delivery now and report the answer',
  tag: 'webhooks',
  access: manage,
  params: SubscriptionParam,
  response: TestResult,
});


// Slack channels (admin).
export const slackChannels = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/slack-channels',
  summary: 'Slack channels and the event types each receives',
  tag: 'slack',
  access: manage,
  params: WorkspaceParam,
  response: SlackChannelList,
});

export const createSlackChannel = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/slack-channels',
  summary: 'Add a Slack channel by its incoming-webhook URL',
  tag: 'slack',
  access: manage,
  params: WorkspaceParam,
  body: CreateSlackChannel,
  status: 201,
  response: SlackChannel,
});

export const updateSlackChannel = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/slack-channels/:channelId',
  summary: 'Rename a channel, change its URL or event types',
  tag: 'slack',
  access: manage,
  params: ChannelParam,
  body: UpdateSlackChannel,
  response: SlackChannel,
});

export const deleteSlackChannel = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/slack-channels/:channelId',
  summary: 'Remove a Slack channel',
  tag: 'slack',
  access: manage,
  params: ChannelParam,
  status: 204,
});

export const testSlackChannel = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/slack-channels/:channelId/test',
  summary: 'Post a test message to the channel now',
  tag: 'slack',
  access: manage,
  params: ChannelParam,
  response: TestResult,
});


// The links in notification emails: no sign-in. GET only asks to confirm (mail scanners follow links); POST unsubscribes.
export const unsubscribe = endpoint({
  method: 'GET',
  path: '/unsubscribe',
  summary: 'The link in each email: a page asking to confirm stopping emails about one event type; changes nothing',
  tag: 'notifications',
  access: 'public',
  query: UnsubscribeQuery,
  produces: 'text/html',
});

export const unsubscribeOneClick = endpoint({
  method: 'POST',
  path: '/unsubscribe',
  summary: 'Stop emails about one event type: one-click (RFC 8058 List-Unsubscribe-Post, answers plain text) or the confirm page\'s button (`confirm=yes`, answers a page)',
  tag: 'notifications',
  access: 'public',
  query: UnsubscribeQuery,
  produces: 'text/plain',
});
