/**
 * Integrations as use cases: admins subscribe webhooks and Slack channels to
 * event types, test them, and the delivery runner tells us how each delivery
 * ended so a receiver that keeps failing is turned off.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  EVENT_TYPES,
  EVENTS,
  type CreateSlackChannel,
  type CreateWebhookSubscription,
  type EventType,
  type SlackChannel,
  type TestResult,
  type UpdateSlackChannel,
  type UpdateWebhookSubscription,
  type WebhookSubscription,
} from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { SYSTEM_ACTOR, type TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import type { AttemptResult, DeliveryTarget } from '../channels/channel.ts';
import { checkTargetUrl } from '../channels/net-guard.ts';
import { postToSlack, slackBlocks } from '../channels/slack.ts';
import { deliverWebhook, type SenderOptions } from '../channels/webhook.ts';
import { NotificationsErrors as E } from '../notifications.errors.ts';
import { integrationsRepository as repo, type LastDelivery, type SlackChannelRow, type WebhookRow } from './integrations.repository.ts';

/** Events in a row whose delivery ends dead before a subscription is turned off. */
export const DISABLE_AFTER_FAILED_EVENTS = 20;

const allowedTypes = (channel: 'webhook' | 'slack') => EVENT_TYPES.filter((t) => (EVENTS[t].channels as readonly string[]).includes(channel));

function checkEventTypes(channel: 'webhook' | 'slack', types: EventType[]): EventType[] {
  const allowed = allowedTypes(channel);
  for (const t of types) {
    if (!allowed.includes(t)) throw (channel === 'webhook' ? E.webhookEventNotAllowed : E.slackEventNotAllowed)(t, allowed);
  }
  return [...new Set(types)];
}

/** The secret path of a Slack webhook URL is a credential: show where it goes, not the key. */
export function maskUrl(raw: string): string {
  try {
    const u = new URL(raw);
    const parts = u.pathname.split('/');
    const last = parts.pop() ?? '';
    return `${u.origin}${parts.join('/')}/…${last.length > 8 ? last.slice(-4) : ''}`;
  } catch {
    return '…';
  }
}

const toWebhook = (r: WebhookRow, last: LastDelivery | undefined): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.eventTypes as EventType[],
  enabled: r.enabled,
  disabledReason: r.disabledReason,
  secret: r.secret,
  createdBy: { userId: r.createdByUserId, name: r.createdByName },
  createdAt: r.createdAt.toISOString(),
  lastDelivery: last ? { status: last.status, at: last.at.toISOString(), statusCode: last.statusCode } : null,
});

const toSlack = (r: SlackChannelRow): SlackChannel => ({
  id: r.id,
  name: r.name,
  webhookUrlMasked: maskUrl(r.webhookUrl),
  eventTypes: r.eventTypes as EventType[],
  createdAt: r.createdAt.toISOString(),
});

const toTestResult = (r: AttemptResult): TestResult => ({ ok: r.ok, statusCode: r.statusCode, error: r.ok ? null : r.error, durationMs: r.durationMs });

export interface SettledResult {
  /** True when this outcome turned the subscription off: emit `webhook.disabled`. */
  disabled: boolean;
  subscription: WebhookRow | null;
}

export function createIntegrationsService(deps: Deps, senderOptions: SenderOptions = {}) {
  const { database } = deps;
  const allowPrivate = () => deps.config.TANDEM_WEBHOOK_ALLOW_PRIVATE;
  const checkUrl = async (raw: string) =>
    (await checkTargetUrl(raw, { allowPrivate: allowPrivate(), allowHosts: deps.config.TANDEM_WEBHOOK_ALLOW_HOSTS })).href;

  async function checkSlackUrl(raw: string) {
    // Only TANDEM_WEBHOOK_ALLOW_PRIVATE (development) turns this off; the allow-list of hosts does not.
    if (!allowPrivate()) {
      const parsed = URL.canParse(raw) ? new URL(raw) : null;
      if (parsed && (parsed.protocol !== 'https:' || parsed.hostname !== 'hooks.slack.com')) throw E.slackUrlInvalid(raw);
    }
    return checkUrl(raw);
  }

  async function webhookOr404(tx: DbOrTx, ctx: TenantContext, id: string) {
    const row = await repo.webhookById(tx, ctx.workspaceId, id);
    if (!row) throw E.webhookNotFound(id);
    return row;
  }

  async function slackOr404(tx: DbOrTx, ctx: TenantContext, id: string) {
    const row = await repo.slackChannelById(tx, ctx.workspaceId, id);
    if (!row) throw E.slackNotFound(id);
    return row;
  }

  return {
    // ---- Webhooks --------------------------------------------------------------

    listWebhooks(ctx: TenantContext) {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const rows = await repo.listWebhooks(tx, ctx.workspaceId);
        const last = await repo.lastDeliveries(tx, ctx.workspaceId, rows.map((r) => r.id));
        return { items: rows.map((r) => toWebhook(r, last.get(r.id))) };
      });
    },

    async createWebhook(ctx: TenantContext, input: CreateWebhookSubscription): Promise<WebhookSubscription> {
      const eventTypes = checkEventTypes('webhook', input.eventTypes);
      const url = await checkUrl(input.url);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.insertWebhook(tx, {
          workspaceId: ctx.workspaceId,
          url,
          description: input.description,
          eventTypes,
          secret: `whsec_${randomBytes(32).toString('base64url')}`,
          createdByUserId: ctx.actor.userId,
          createdByName: ctx.actor.name,
        });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'webhook.created', targetType: 'webhook', targetId: row.id, targetLabel: url, details: { eventTypes } });
        return toWebhook(row, undefined);
      });
    },

    async updateWebhook(ctx: TenantContext, id: string, patch: UpdateWebhookSubscription): Promise<WebhookSubscription> {
      const eventTypes = patch.eventTypes && checkEventTypes('webhook', patch.eventTypes);
      const url = patch.url === undefined ? undefined : await checkUrl(patch.url);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const before = await repo.webhookById(tx, ctx.workspaceId, id, { forUpdate: true });
        if (!before) throw E.webhookNotFound(id);
        const reenabled = patch.enabled === true && !before.enabled;
        const row = (await repo.updateWebhook(tx, ctx.workspaceId, id, {
          url,
          description: patch.description,
          eventTypes,
          enabled: patch.enabled,
          // Turned back on: the count of failed events starts again.
          ...(reenabled ? { consecutiveFailures: 0, disabledReason: null } : {}),
          ...(patch.enabled === false && before.enabled ? { disabledReason: `Turned off by ${ctx.actor.name ?? 'an admin'}` } : {}),
        }))!;
        const changed = Object.fromEntries(
          (['url', 'description', 'eventTypes', 'enabled'] as const)
            .filter((k) => patch[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(row[k]))
            .map((k) => [k, { from: before[k], to: row[k] }]),
        );
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'webhook.updated', targetType: 'webhook', targetId: id, targetLabel: row.url, details: changed });
        const last = await repo.lastDeliveries(tx, ctx.workspaceId, [id]);
        return toWebhook(row, last.get(id));
      });
    },

    deleteWebhook(ctx: TenantContext, id: string) {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.deleteWebhook(tx, ctx.workspaceId, id);
        if (!row) throw E.webhookNotFound(id);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'webhook.deleted', targetType: 'webhook', targetId: id, targetLabel: row.url, details: { eventTypes: row.eventTypes } });
      });
    },

    /** Sends a signed `ping` now (even to a disabled subscription, so it can be checked before turning it on). */
    async testWebhook(ctx: TenantContext, id: string): Promise<TestResult> {
      const sub = await database.withTenant(ctx.workspaceId, (tx) => webhookOr404(tx, ctx, id));
      const ping = {
        id: randomUUID(),
        type: 'ping',
        version: 1,
        workspace: { id: ctx.workspaceId, slug: ctx.slug },
        occurredAt: new Date().toISOString(),
        data: { subscriptionId: sub.id, message: 'A test delivery from Tandem: if the signature verifies, the receiver is set up.' },
      };
      return toTestResult(await deliverWebhook(deps, sub, ping, senderOptions));
    },

    // ---- Slack -----------------------------------------------------------------

    listSlackChannels(ctx: TenantContext) {
      return database.withTenant(ctx.workspaceId, async (tx) => ({ items: (await repo.listSlackChannels(tx, ctx.workspaceId)).map(toSlack) }));
    },

    async createSlackChannel(ctx: TenantContext, input: CreateSlackChannel): Promise<SlackChannel> {
      const eventTypes = checkEventTypes('slack', input.eventTypes);
      const webhookUrl = await checkSlackUrl(input.webhookUrl);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.insertSlackChannel(tx, { workspaceId: ctx.workspaceId, name: input.name, webhookUrl, eventTypes });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'slack.channel_created', targetType: 'slack_channel', targetId: row.id, targetLabel: row.name, details: { eventTypes } });
        return toSlack(row);
      });
    },

    async updateSlackChannel(ctx: TenantContext, id: string, patch: UpdateSlackChannel): Promise<SlackChannel> {
      const eventTypes = patch.eventTypes && checkEventTypes('slack', patch.eventTypes);
      const webhookUrl = patch.webhookUrl === undefined ? undefined : await checkSlackUrl(patch.webhookUrl);
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const before = await slackOr404(tx, ctx, id);
        const set = Object.fromEntries(Object.entries({ name: patch.name, webhookUrl, eventTypes }).filter(([, v]) => v !== undefined));
        if (Object.keys(set).length === 0) return toSlack(before);
        const row = (await repo.updateSlackChannel(tx, ctx.workspaceId, id, set))!;
        // The URL is a credential: the log says it changed, not what it is.
        const details = { ...(patch.name !== undefined ? { name: { from: before.name, to: row.name } } : {}), ...(eventTypes ? { eventTypes } : {}), ...(webhookUrl ? { webhookUrlChanged: true } : {}) };
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'slack.channel_updated', targetType: 'slack_channel', targetId: id, targetLabel: row.name, details });
        return toSlack(row);
      });
    },

    deleteSlackChannel(ctx: TenantContext, id: string) {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.deleteSlackChannel(tx, ctx.workspaceId, id);
        if (!row) throw E.slackNotFound(id);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'slack.channel_deleted', targetType: 'slack_channel', targetId: id, targetLabel: row.name });
      });
    },

    async testSlackChannel(ctx: TenantContext, id: string): Promise<TestResult> {
      const { channel, workspaceName } = await database.withTenant(ctx.workspaceId, async (tx) => ({
        channel: await slackOr404(tx, ctx, id),
        workspaceName: await repo.workspaceName(tx, ctx.workspaceId),
      }));
      const labels = (channel.eventTypes as EventType[]).map((t) => EVENTS[t]?.label ?? t).join(', ');
      const message = { title: 'Tandem is connected', body: `This channel (${channel.name}) will receive: ${labels}.`, link: `/w/${ctx.slug}/settings/notifications` };
      return toTestResult(await postToSlack(deps, channel, slackBlocks(message, workspaceName ?? ctx.slug, deps.config.publicUrl), senderOptions));
    },

    // ---- For the senders, the dispatcher and the delivery runner -----------------

    getSubscription(workspaceId: string, id: string) {
      return database.withTenant(workspaceId, (tx) => repo.webhookById(tx, workspaceId, id));
    },

    getSlackChannel(workspaceId: string, id: string) {
      return database.withTenant(workspaceId, (tx) => repo.slackChannelById(tx, workspaceId, id));
    },

    /**
     * How a delivery ended, after its retries. For a webhook, a delivered event
     * resets the count of failed events; the 20th dead one in a row turns the
     * subscription off (the caller emits `webhook.disabled` when `disabled`).
     */
    async onSettled(target: DeliveryTarget, outcome: 'delivered' | 'dead', lastError: string | null): Promise<SettledResult> {
      const id = target.targetId;
      if (target.channel !== 'webhook' || !id) return { disabled: false, subscription: null };
      const ws = target.workspaceId;
      return database.withTenant(ws, async (tx) => {
        const row = await repo.webhookById(tx, ws, id, { forUpdate: true });
        if (!row) return { disabled: false, subscription: null };
        if (outcome === 'delivered') {
          if (row.consecutiveFailures === 0) return { disabled: false, subscription: row };
          return { disabled: false, subscription: (await repo.updateWebhook(tx, ws, id, { consecutiveFailures: 0 }))! };
        }
        const failures = row.consecutiveFailures + 1;
        const disable = row.enabled && failures >= DISABLE_AFTER_FAILED_EVENTS;
        const reason = `Deliveries failed for ${failures} events in a row${lastError ? ` (last error: ${lastError.slice(0, 300)})` : ''}`;
        const updated = (await repo.updateWebhook(tx, ws, id, { consecutiveFailures: failures, ...(disable ? { enabled: false, disabledReason: reason } : {}) }))!;
        if (disable) {
          await deps.audit(tx, ws, SYSTEM_ACTOR, { action: 'webhook.disabled', targetType: 'webhook', targetId: id, targetLabel: row.url, details: { failedEvents: failures, lastError } });
        }
        return { disabled: disable, subscription: updated };
      });
    },
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
