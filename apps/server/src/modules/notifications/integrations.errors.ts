import { defineError } from '../../lib/app-error.ts';

const PRIVATE_HINT = 'Tandem only calls public addresses (set TANDEM_WEBHOOK_ALLOW_PRIVATE=1 to allow a receiver on a private network).';

/** Errors of outbound webhooks and Slack channels. */
export const IntegrationsErrors = {
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
