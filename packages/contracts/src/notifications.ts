import { z } from 'zod';
import { Uuid, listEnvelope } from './common.ts';
import { endpoint, WorkspaceParam, workspaceAnd } from './endpoint.ts';
import { EventTypeSchema, PERSONAL_CHANNELS } from './events.ts';

// ---- In-app inbox -----------------------------------------------------------

export const InboxItem = z.object({
  id: Uuid,
  eventId: Uuid,
  type: EventTypeSchema,
  title: z.string(),
  body: z.string(),
  /** Path inside the app (e.g. /w/acme/imports/…), opened when the item is clicked. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const InboxList = listEnvelope(InboxItem).extend({ unread: z.number().int() });
export type InboxList = z.infer<typeof InboxList>;

export const InboxListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type InboxListQuery = z.infer<typeof InboxListQuery>;

export const UnreadCount = z.object({ unread: z.number().int() });
export const MarkRead = z.object({ ids: z.array(Uuid).min(1).max(500).optional(), all: z.boolean().optional() }).refine((v) => v.all || v.ids, {
  message: 'Give "ids" or "all": true',
});
export type MarkRead = z.infer<typeof MarkRead>;

// ---- Preferences ------------------------------------------------------------

export const PersonalChannel = z.enum(PERSONAL_CHANNELS);
export const PreferenceItem = z.object({
  type: EventTypeSchema,
  label: z.string(),
  description: z.string(),
  /** Channels this type can reach a person on. */
  available: z.array(PersonalChannel),
  /** The person's choice (the default until they choose); empty = none. */
  channels: z.array(PersonalChannel),
  /** Batch emails of this type into the daily digest (only for low-priority types). */
  digest: z.boolean(),
  digestAvailable: z.boolean(),
  required: z.boolean(),
});
export type PreferenceItem = z.infer<typeof PreferenceItem>;
export const Preferences = z.object({ timeZone: z.string(), items: z.array(PreferenceItem) });
export type Preferences = z.infer<typeof Preferences>;
export const UpdatePreferences = z.object({
  items: z
    .array(z.object({ type: EventTypeSchema, channels: z.array(PersonalChannel).max(2), digest: z.boolean().optional() }))
    .min(1)
    .max(50),
});
export type UpdatePreferences = z.infer<typeof UpdatePreferences>;

// ---- Deliveries and jobs (admin) -----------------------------------------------

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead', 'discarded'] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export const DeliveryChannel = z.enum(['email', 'digest', 'slack', 'webhook']);

export const DeliveryAttempt = z.object({
  attempt: z.number().int(),
  at: z.iso.datetime(),
  durationMs: z.number().int().nullable(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const Delivery = z.object({
  id: Uuid,
  eventId: Uuid,
  eventType: EventTypeSchema,
  channel: DeliveryChannel,
  /** Email address, Slack channel name or webhook URL. */
  target: z.string(),
  targetId: Uuid.nullable(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryDetail = Delivery.extend({ attemptLog: z.array(DeliveryAttempt) });
export type DeliveryDetail = z.infer<typeof DeliveryDetail>;
export const DeliveryList = listEnvelope(Delivery).extend({
  counts: z.record(DeliveryStatus, z.number().int()),
});
export type DeliveryList = z.infer<typeof DeliveryList>;
export const DeliveryListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  status: DeliveryStatus.optional(),
  channel: DeliveryChannel.optional(),
  targetId: Uuid.optional().describe('One webhook subscription or Slack channel'),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;

// ---- Outbound webhooks ----------------------------------------------------------

export const WebhookSubscription = z.object({
  id: Uuid,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(EventTypeSchema),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  /** Shown to admins: receivers verify signatures with it. */
  secret: z.string(),
  createdBy: z.object({ userId: Uuid.nullable(), name: z.string().nullable() }),
  createdAt: z.iso.datetime(),
  lastDelivery: z.object({ status: DeliveryStatus, at: z.iso.datetime(), statusCode: z.number().int().nullable() }).nullable(),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;
export const WebhookSubscriptionList = z.object({ items: z.array(WebhookSubscription) });
export const CreateWebhookSubscription = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(EventTypeSchema).min(1),
});
export type CreateWebhookSubscription = z.infer<typeof CreateWebhookSubscription>;
export const UpdateWebhookSubscription = z.object({
  url: z.string().trim().min(1).max(2000).optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(EventTypeSchema).min(1).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookSubscription = z.infer<typeof UpdateWebhookSubscription>;

// ---- Slack ---------------------------------------------------------------------

export const SlackChannel = z.object({
  id: Uuid,
  name: z.string().describe('How the channel is shown in Tandem, e.g. #sales-pmm'),
  /** The incoming-webhook URL, with its secret path shown only partly. */
  webhookUrlMasked: z.string(),
  eventTypes: z.array(EventTypeSchema),
  createdAt: z.iso.datetime(),
});
export type SlackChannel = z.infer<typeof SlackChannel>;
export const SlackChannelList = z.object({ items: z.array(SlackChannel) });
export const CreateSlackChannel = z.object({
  name: z.string().trim().min(1).max(80),
  webhookUrl: z.string().trim().min(1).max(2000),
  eventTypes: z.array(EventTypeSchema).min(1),
});
export type CreateSlackChannel = z.infer<typeof CreateSlackChannel>;
export const UpdateSlackChannel = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  webhookUrl: z.string().trim().min(1).max(2000).optional(),
  eventTypes: z.array(EventTypeSchema).min(1).optional(),
});
export type UpdateSlackChannel = z.infer<typeof UpdateSlackChannel>;
export const TestResult = z.object({ ok: z.boolean(), statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() });
export type TestResult = z.infer<typeof TestResult>;

// ---- Unsubscribe links (public) ---------------------------------------------------

// Optional so a link with the token cut off gets the "not valid" page, not a JSON validation error.
export const UnsubscribeQuery = z.object({ token: z.string().max(2000).optional() });

// ---- Endpoints ---------------------------------------------------------------------

const own = { action: 'notifications.own' } as const;
const manage = { action: 'notifications.manage' } as const;
const DeliveryParam = workspaceAnd('deliveryId');
const SubscriptionParam = workspaceAnd('subscriptionId');
const ChannelParam = workspaceAnd('channelId');

export const notificationsEndpoints = {
  // A person's inbox and preferences.
  inbox: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/notifications',
    summary: 'My notifications, newest first',
    tag: 'notifications',
    access: own,
    params: WorkspaceParam,
    query: InboxListQuery,
    response: InboxList,
  }),
  unreadCount: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/notifications/unread-count',
    summary: 'How many of my notifications are unread',
    tag: 'notifications',
    access: own,
    params: WorkspaceParam,
    response: UnreadCount,
  }),
  markRead: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/notifications/read',
    summary: 'Mark notifications read (some, or all)',
    tag: 'notifications',
    access: own,
    params: WorkspaceParam,
    body: MarkRead,
    response: UnreadCount,
  }),
  preferences: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/notification-preferences',
    summary: 'My channels per event type',
    tag: 'notifications',
    access: own,
    params: WorkspaceParam,
    response: Preferences,
  }),
  updatePreferences: endpoint({
    method: 'PUT',
    path: '/workspaces/:workspace/notification-preferences',
    summary: 'Choose my channels per event type',
    tag: 'notifications',
    access: own,
    params: WorkspaceParam,
    body: UpdatePreferences,
    response: Preferences,
  }),

  // The delivery log (admin).
  deliveries: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/deliveries',
    summary: 'Email, Slack and webhook deliveries with their state',
    tag: 'notifications',
    access: manage,
    params: WorkspaceParam,
    query: DeliveryListQuery,
    response: DeliveryList,
  }),
  delivery: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/deliveries/:deliveryId',
    summary: 'One delivery and its attempts',
    tag: 'notifications',
    access: manage,
    params: DeliveryParam,
    response: DeliveryDetail,
  }),
  retryDelivery: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/deliveries/:deliveryId/retry',
    summary: 'Try a failed or dead delivery again now, or redeliver a delivered one',
    tag: 'notifications',
    access: manage,
    params: DeliveryParam,
    body: z.object({}).optional(),
    response: Delivery,
  }),
  discardDelivery: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/deliveries/:deliveryId/discard',
    summary: 'Stop trying a delivery',
    tag: 'notifications',
    access: manage,
    params: DeliveryParam,
    body: z.object({}).optional(),
    response: Delivery,
  }),

  // Outbound webhooks (admin).
  webhooks: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/webhooks',
    summary: 'Webhook subscriptions, with each one’s last delivery',
    tag: 'webhooks',
    access: manage,
    params: WorkspaceParam,
    response: WebhookSubscriptionList,
  }),
  createWebhook: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/webhooks',
    summary: 'Subscribe an HTTPS URL to event types; the answer holds the signing secret',
    tag: 'webhooks',
    access: manage,
    params: WorkspaceParam,
    body: CreateWebhookSubscription,
    status: 201,
    response: WebhookSubscription,
  }),
  updateWebhook: endpoint({
    method: 'PATCH',
    path: '/workspaces/:workspace/webhooks/:subscriptionId',
    summary: 'Change the URL, description or event types; turn it off or back on',
    tag: 'webhooks',
    access: manage,
    params: SubscriptionParam,
    body: UpdateWebhookSubscription,
    response: WebhookSubscription,
  }),
  deleteWebhook: endpoint({
    method: 'DELETE',
    path: '/workspaces/:workspace/webhooks/:subscriptionId',
    summary: 'Delete a subscription (pending deliveries are dropped)',
    tag: 'webhooks',
    access: manage,
    params: SubscriptionParam,
    status: 204,
  }),
  testWebhook: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/webhooks/:subscriptionId/test',
    summary: 'Send a signed `ping` delivery now and report the answer',
    tag: 'webhooks',
    access: manage,
    params: SubscriptionParam,
    response: TestResult,
  }),

  // Slack channels (admin).
  slackChannels: endpoint({
    method: 'GET',
    path: '/workspaces/:workspace/slack-channels',
    summary: 'Slack channels and the event types each receives',
    tag: 'slack',
    access: manage,
    params: WorkspaceParam,
    response: SlackChannelList,
  }),
  createSlackChannel: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/slack-channels',
    summary: 'Add a Slack channel by its incoming-webhook URL',
    tag: 'slack',
    access: manage,
    params: WorkspaceParam,
    body: CreateSlackChannel,
    status: 201,
    response: SlackChannel,
  }),
  updateSlackChannel: endpoint({
    method: 'PATCH',
    path: '/workspaces/:workspace/slack-channels/:channelId',
    summary: 'Rename a channel, change its URL or event types',
    tag: 'slack',
    access: manage,
    params: ChannelParam,
    body: UpdateSlackChannel,
    response: SlackChannel,
  }),
  deleteSlackChannel: endpoint({
    method: 'DELETE',
    path: '/workspaces/:workspace/slack-channels/:channelId',
    summary: 'Remove a Slack channel',
    tag: 'slack',
    access: manage,
    params: ChannelParam,
    status: 204,
  }),
  testSlackChannel: endpoint({
    method: 'POST',
    path: '/workspaces/:workspace/slack-channels/:channelId/test',
    summary: 'Post a test message to the channel now',
    tag: 'slack',
    access: manage,
    params: ChannelParam,
    response: TestResult,
  }),

  // The links in notification emails: no sign-in, answered as a page (GET) or plain text (POST).
  unsubscribe: endpoint({
    method: 'GET',
    path: '/unsubscribe',
    summary: 'Stop emails about one event type (the link in each email); answers an HTML page',
    tag: 'notifications',
    access: 'public',
    query: UnsubscribeQuery,
    produces: 'text/html',
  }),
  unsubscribeOneClick: endpoint({
    method: 'POST',
    path: '/unsubscribe',
    summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post); answers plain text',
    tag: 'notifications',
    access: 'public',
    query: UnsubscribeQuery,
    produces: 'text/plain',
  }),
};
