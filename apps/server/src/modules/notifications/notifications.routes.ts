import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Delivery, DeliveryDetail, DeliveryList, DeliveryListQuery, InboxList, InboxListQuery, MarkRead, Preferences, UnreadCount, UpdatePreferences, Uuid } from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const DeliveryParam = WorkspaceParam.extend({ deliveryId: Uuid });
const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const s = services.notifications;
  app.get(
    '/workspaces/:workspace/notifications',
    { config: { action: 'notifications.own' }, schema: { tags, summary: 'My notifications, newest first', params: WorkspaceParam, querystring: InboxListQuery, response: { 200: InboxList } } },
    async (req) => s.inbox(tenantOf(req), req.query),
  );
  app.get(
    '/workspaces/:workspace/notifications/unread-count',
    { config: { action: 'notifications.own' }, schema: { tags, summary: 'How many of my notifications are unread', params: WorkspaceParam, response: { 200: UnreadCount } } },
    async (req) => s.unread(tenantOf(req)),
  );
  app.post(
    '/workspaces/:workspace/notifications/read',
    { config: { action: 'notifications.own' }, schema: { tags, summary: 'Mark notifications read (some, or all)', params: WorkspaceParam, body: MarkRead, response: { 200: UnreadCount } } },
    async (req) => s.markRead(tenantOf(req), req.body),
  );
  app.get(
    '/workspaces/:workspace/notification-preferences',
    { config: { action: 'notifications.own' }, schema: { tags, summary: 'My channels per event type', params: WorkspaceParam, response: { 200: Preferences } } },
    async (req) => s.preferences(tenantOf(req)),
  );
  app.put(
    '/workspaces/:workspace/notification-preferences',
    { config: { action: 'notifications.own' }, schema: { tags, summary: 'Choose my channels per event type', params: WorkspaceParam, body: UpdatePreferences, response: { 200: Preferences } } },
    async (req) => s.updatePreferences(tenantOf(req), req.body),
  );
  app.get(
    '/workspaces/:workspace/deliveries',
    { config: { action: 'notifications.manage' }, schema: { tags, summary: 'Email, Slack and webhook deliveries with their state', params: WorkspaceParam, querystring: DeliveryListQuery, response: { 200: DeliveryList } } },
    async (req) => s.deliveries(tenantOf(req), req.query),
  );
  app.get(
    '/workspaces/:workspace/deliveries/:deliveryId',
    { config: { action: 'notifications.manage' }, schema: { tags, summary: 'One delivery and its attempts', params: DeliveryParam, response: { 200: DeliveryDetail } } },
    async (req) => s.delivery(tenantOf(req), req.params.deliveryId),
  );
  app.post(
    '/workspaces/:workspace/deliveries/:deliveryId/retry',
    { config: { action: 'notifications.manage' }, schema: { tags, summary: 'Try a failed or dead delivery again now, or redeliver a delivered one', params: DeliveryParam, body: z.object({}).optional(), response: { 200: Delivery } } },
    async (req) => s.retry(tenantOf(req), req.params.deliveryId),
  );
  app.post(
    '/workspaces/:workspace/deliveries/:deliveryId/discard',
    { config: { action: 'notifications.manage' }, schema: { tags, summary: 'Stop trying a delivery', params: DeliveryParam, body: z.object({}).optional(), response: { 200: Delivery } } },
    async (req) => s.discard(tenantOf(req), req.params.deliveryId),
  );
};
