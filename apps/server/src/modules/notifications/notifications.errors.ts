import { defineError } from '../../lib/app-error.ts';

const PRIVATE_HINT =
  'Tandem only calls public addresses (list a receiver on a private network as host:port in TANDEM_WEBHOOK_ALLOW_HOSTS; TANDEM_WEBHOOK_ALLOW_PRIVATE=1 allows every address, for development only).';

/** Every error of the notifications module. The codes are published API: never rename one. */
export const NotificationsErrors = {
  // ---- Inbox and preferences -----------------------------------------------------
  notMember: defineError('NOTIFICATIONS_NOT_A_PERSON', 403, 'Notifications are per person', () => 'Notifications belong to a person: use a session or a personal API token, not the CLI or a system actor.'),
  typeNotPersonal: defineError('NOTIFICATIONS_TYPE_NOT_PERSONAL', 400, 'Not a personal notification', (field: string, type: string) => `${field}: "${type}" is not sent to members, so it has no preference.`),
  channelNotAvailable: defineError('NOTIFICATIONS_CHANNEL_NOT_AVAILABLE', 400, 'Channel not available', (field: string, type: string, channel: string) => `${field}: "${type}" cannot be sent by ${channel === 'in_app' ? 'in-app notification' : channel}.`),

  // ---- Deliveries (admin) ----------------------------------------------------------
  deliveryNotFound: defineError('DELIVERY_NOT_FOUND', 404, 'Delivery not found', (id: string) => `No delivery ${id} in this workspace.`),
  deliveryPending: defineError('DELIVERY_PENDING', 409, 'Delivery already pending', (id: string) => `Delivery ${id} is already waiting for its next try; retry it once that try has failed.`),
  notDiscardable: defineError('DELIVERY_NOT_DISCARDABLE', 409, 'Delivery cannot be discarded', (id: string, status: string) => `Delivery ${id} is ${status}; only a pending or dead delivery can be discarded.`),

  // ---- Webhook and Slack targets ------------------------------------------------------
  urlInvalid: defineError('WEBHOOK_URL_INVALID', 400, 'The URL is not valid', (url: string, why: string) => `"${url}" ${why}.`),
  targetPrivate: defineError(
    'WEBHOOK_TARGET_PRIVATE',
    400,
    'The URL points to a private address',
    (url: string, kind: string, resolvedTo: string | null) =>
      `"${url}" ${resolvedTo ? `resolves to ${resolvedTo}, which is` : 'is'} ${kind}. ${PRIVATE_HINT}`,
  ),
  hostUnresolved: defineError('WEBHOOK_HOST_UNRESOLVED', 400, 'The host does not resolve', (url: string, why: string) => `The host of "${url}" could not be resolved (${why}).`),
  slackUrlInvalid: defineError(
    'SLACK_URL_INVALID',
    400,
    'Not a Slack incoming-webhook URL',
    (url: string) => `"${url}" is not a Slack incoming-webhook URL; it should start with https://hooks.slack.com/ (create one under Apps → Incoming Webhooks in Slack).`,
  ),
  webhookNotFound: defineError('WEBHOOK_NOT_FOUND', 404, 'Webhook subscription not found', (id: string) => `No webhook subscription ${id} in this workspace.`),
  slackNotFound: defineError('SLACK_CHANNEL_NOT_FOUND', 404, 'Slack channel not found', (id: string) => `No Slack channel ${id} in this workspace.`),
  webhookEventNotAllowed: defineError(
    'WEBHOOK_EVENT_NOT_ALLOWED',
    400,
    'Event type not available for webhooks',
    (type: string, allowed: string[]) => `"${type}" is not sent to webhooks; choose from ${allowed.join(', ')}.`,
  ),
  slackEventNotAllowed: defineError(
    'SLACK_EVENT_NOT_ALLOWED',
    400,
    'Event type not available for Slack',
    (type: string, allowed: string[]) => `"${type}" is not sent to Slack; choose from ${allowed.join(', ')}.`,
  ),
};
