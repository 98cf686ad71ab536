import { z } from 'zod';
import { Uuid, listEnvelope } from './common.ts';
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
