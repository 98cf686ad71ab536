/**
 * Slack: one Block Kit message per event, POSTed to the channel's incoming
 * webhook. The words come from messageFor, so Slack tells the same story as
 * the inbox and the email.
 */
import type { Deps } from '../../../lib/deps.ts';
import { messageFor, type Message } from '../outbox/messages.ts';
import type { AttemptResult, ChannelSender } from './channel.ts';
import { guardedPost, type SenderOptions } from './webhook.ts';

/** What the sender needs of a Slack channel (a row of slack_channels). */
export interface SlackTarget {
  webhookUrl: string;
}

export interface SlackLookup {
  getSlackChannel(workspaceId: string, id: string): Promise<SlackTarget | undefined>;
}

/** Slack's mrkdwn treats &, < and > as control characters. */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackBlocks(message: Message, workspaceName: string, publicUrl: string) {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: message.title.slice(0, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: escape(message.body).slice(0, 3000) } },
  ];
  if (message.link) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Tandem' }, url: `${publicUrl}${message.link}` }],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Tandem · ${escape(workspaceName)}` }] });
  // `text` is what notifications and screen readers show.
  return { text: `${message.title}: ${message.body}`, blocks };
}

/** Posts one message to a Slack channel; used by deliveries and by the test button. */
export async function postToSlack(deps: Deps, channel: SlackTarget, payload: unknown, opts: SenderOptions = {}): Promise<AttemptResult> {
  const r = await guardedPost(deps, channel.webhookUrl, JSON.stringify(payload), { 'Content-Type': 'application/json', 'User-Agent': 'Tandem-Webhooks/1' }, opts);
  if (r.error === null) return { ok: true, statusCode: r.statusCode, durationMs: r.durationMs };
  // Slack answers 404/410 for a removed webhook or archived channel: retrying will not help.
  const permanent = r.permanent || r.statusCode === 404 || r.statusCode === 410;
  return { ok: false, statusCode: r.statusCode, error: r.error, durationMs: r.durationMs, ...(permanent ? { permanent: true } : {}) };
}

export function createSlackSender(deps: Deps, integrations: SlackLookup, opts: SenderOptions = {}): ChannelSender {
  return {
    async send(target, event) {
      const gone = (error: string): AttemptResult => ({ ok: false, statusCode: null, error, durationMs: 0, permanent: true });
      if (!target.targetId) return gone('The delivery names no Slack channel.');
      const channel = await integrations.getSlackChannel(target.workspaceId, target.targetId);
      if (!channel) return gone('The Slack channel was removed from Tandem.');
      return postToSlack(deps, channel, slackBlocks(messageFor(event.envelope), event.workspaceName, deps.config.publicUrl), opts);
    },
  };
}
