import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/notifications';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { InboxService } from './inbox.service.ts';

export const inboxRoutes: FastifyPluginAsync<{ notifications: InboxService }> = async (app, { notifications: s }) => {
  route(app, api.inbox, async (req) => s.inbox(tenantOf(req), req.query));
  route(app, api.unreadCount, async (req) => s.unread(tenantOf(req)));
  route(app, api.markRead, async (req) => s.markRead(tenantOf(req), req.body));
  route(app, api.preferences, async (req) => s.preferences(tenantOf(req)));
  route(app, api.updatePreferences, async (req) => s.updatePreferences(tenantOf(req), req.body));
};
