/**
 * Puts the workers together with the real channels: email (SMTP or the outbox
 * folder), Slack and webhooks; a webhook turned off after 20 failed events in a
 * row tells its owner through the `webhook.disabled` event.
 */
import type { Deps } from '../../../lib/deps.ts';
import { createEmailSender } from '../channels/email.ts';
import { createSlackSender } from '../channels/slack.ts';
import { createWebhookSender } from '../channels/webhook.ts';
import type { IntegrationsService } from '../integrations/integrations.service.ts';
import { emit } from '../outbox/emit.ts';
import type { Senders, SettledHook } from './delivery.ts';
import { startWorkers, type WorkerOptions, type Workers } from './worker.ts';

export function createSenders(deps: Deps, integrations: IntegrationsService): Senders {
  return { email: createEmailSender(deps), slack: createSlackSender(deps, integrations), webhook: createWebhookSender(deps, integrations) };
}

export function settledHook(deps: Deps, integrations: IntegrationsService): SettledHook {
  return async (target, outcome, lastError) => {
    const result = await integrations.onSettled(target, outcome, lastError);
    if (!result.disabled || !result.subscription) return;
    const s = result.subscription;
    await deps.database.withTenant(target.workspaceId, (tx) =>
      emit(tx, {
        workspaceId: target.workspaceId,
        type: 'webhook.disabled',
        payload: { subscriptionId: s.id, url: s.url, failedEvents: s.consecutiveFailures, lastError, createdByUserId: s.createdByUserId },
      }),
    );
  };
}

export function startNotificationWorkers(
  deps: Deps,
  integrations: IntegrationsService,
  databaseUrl: string,
  options: Partial<Omit<WorkerOptions, 'databaseUrl'>> = {},
): Promise<Workers> {
  return startWorkers(deps, {
    databaseUrl,
    senders: createSenders(deps, integrations),
    onSettled: settledHook(deps, integrations),
    ...options,
  });
}
