import type { FastifyPluginAsync } from 'fastify';
import { inboxRoutes } from './inbox/inbox.routes.ts';
import type { InboxService } from './inbox/inbox.service.ts';
import { deliveriesRoutes } from './integrations/deliveries.routes.ts';
import type { DeliveriesService } from './integrations/deliveries.service.ts';
import { integrationsRoutes } from './integrations/integrations.routes.ts';
import type { IntegrationsService } from './integrations/integrations.service.ts';
import { unsubscribeRoutes } from './unsubscribe/unsubscribe.routes.ts';
import type { UnsubscribeService } from './unsubscribe/unsubscribe.service.ts';

/** The module's one plugin: each feature registers its own routes (the unsubscribe links are public). */
export const notificationsRoutes: FastifyPluginAsync<{
  notifications: InboxService & DeliveriesService & UnsubscribeService;
  integrations: IntegrationsService;
}> = async (app, { notifications, integrations }) => {
  await app.register(unsubscribeRoutes, { notifications });
  await app.register(inboxRoutes, { notifications });
  await app.register(integrationsRoutes, { integrations });
  await app.register(deliveriesRoutes, { notifications });
};
