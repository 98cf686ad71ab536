// Notifications: domain events (a transactional outbox), the durable job queue, and what
// people and systems hear back — in-app inbox, email, Slack and signed webhooks. Other modules
// announce changes through `deps.emit` (this module's emit, passed in at boot).
import type { Deps } from '../../lib/deps.ts';
import { createInboxService, type InboxService } from './inbox/inbox.service.ts';
import { createDeliveriesService, type DeliveriesService } from './integrations/deliveries.service.ts';
import { createIntegrationsService, type IntegrationsService } from './integrations/integrations.service.ts';
import { createUnsubscribeService, type UnsubscribeService } from './unsubscribe/unsubscribe.service.ts';

export { emit, withdraw } from './outbox/emit.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { startJobQueue, type JobQueue } from './delivery/jobs.ts';
export { startNotificationWorkers } from './delivery/start-workers.ts';
/** Dispatches waiting events on demand (other modules' tests read the inbox items an event makes). */
export { createDispatcher } from './outbox/dispatcher.ts';
export type { RecurringJob, Workers } from './delivery/worker.ts';

/** A person's inbox and preferences, the admins' delivery log, and the public unsubscribe links. */
export type NotificationsService = InboxService & DeliveriesService & UnsubscribeService;

export interface NotificationsServices {
  notifications: NotificationsService;
  integrations: IntegrationsService;
}

export function createNotificationsServices(deps: Deps): NotificationsServices {
  return {
    notifications: { ...createInboxService(deps), ...createDeliveriesService(deps), ...createUnsubscribeService(deps) },
    integrations: createIntegrationsService(deps),
  };
}
