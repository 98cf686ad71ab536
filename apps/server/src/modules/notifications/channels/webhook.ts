/**
 * Outbound webhooks: the event envelope POSTed as JSON, signed with the
 * subscription's secret so the receiver can tell it came from us, unaltered
 * and recently (docs/webhooks.md shows how to verify).
 */
import { createHmac } from 'node:crypto';
import { AppError } from '../../../lib/app-error.ts';
import type { Deps } from '../../../lib/deps.ts';
import type { AttemptResult, ChannelSender } from './channel.ts';
import { checkTargetUrl, postOnce, type PostResult } from './net-guard.ts';

/** What the sender needs of a subscription (a row of webhook_subscriptions). */
export interface WebhookTarget {
  url: string;
  secret: string;
  enabled: boolean;
  disabledReason: string | null;
}

export interface WebhookLookup {
  getSubscription(workspaceId: string, id: string): Promise<WebhookTarget | undefined>;
}

export interface SenderOptions {
  /** The whole exchange's deadline; 10 s unless a test shortens it. */
  timeoutMs?: number;
}

/** `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the subscription secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks the URL (again: DNS may have changed since it was saved), then POSTs once. */
export async function guardedPost(
  deps: Deps,
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: SenderOptions,
): Promise<PostResult & { permanent?: boolean }> {
  const guard = { allowPrivate: deps.config.TANDEM_WEBHOOK_ALLOW_PRIVATE, allowHosts: deps.config.TANDEM_WEBHOOK_ALLOW_HOSTS };
  let url: URL;
  try {
    url = await checkTargetUrl(rawUrl, guard);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A host that does not resolve may come back; a malformed or private target will not.
    return { statusCode: null, durationMs: 0, error: e.detail ?? e.title, permanent: e.code !== 'WEBHOOK_HOST_UNRESOLVED' };
  }
  return postOnce(url, body, headers, { ...guard, timeoutMs: opts.timeoutMs });
}

/** Sends one signed body to a subscription; used by deliveries and by the test button. */
export async function deliverWebhook(
  deps: Deps,
  sub: Pick<WebhookTarget, 'url' | 'secret'>,
  payload: { id: string; type: string },
  opts: SenderOptions = {},
): Promise<AttemptResult> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const r = await guardedPost(
    deps,
    sub.url,
    body,
    {
      'Content-Type': 'application/json',
      'User-Agent': 'Tandem-Webhooks/1',
      'Tandem-Event-Id': payload.id,
      'Tandem-Event-Type': payload.type,
      'Tandem-Timestamp': String(timestamp),
      'Tandem-Signature': signWebhook(sub.secret, timestamp, body),
    },
    opts,
  );
  if (r.error === null) return { ok: true, statusCode: r.statusCode, durationMs: r.durationMs };
  return { ok: false, statusCode: r.statusCode, error: r.error, durationMs: r.durationMs, ...(r.permanent ? { permanent: true } : {}) };
}

export function createWebhookSender(deps: Deps, integrations: WebhookLookup, opts: SenderOptions = {}): ChannelSender {
  return {
    async send(target, event) {
      const gone = (error: string): AttemptResult => ({ ok: false, statusCode: null, error, durationMs: 0, permanent: true });
      if (!target.targetId) return gone('The delivery names no webhook subscription.');
      const sub = await integrations.getSubscription(target.workspaceId, target.targetId);
      if (!sub) return gone('The webhook subscription was deleted.');
      if (!sub.enabled) return gone(`The webhook subscription is disabled${sub.disabledReason ? ` (${sub.disabledReason})` : ''}.`);
      // Only the envelope: event.private (invitation and reset links) never leaves by webhook.
      return deliverWebhook(deps, sub, event.envelope, opts);
    },
  };
}
