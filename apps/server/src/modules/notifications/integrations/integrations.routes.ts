import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/notifications';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { IntegrationsService } from './integrations.service.ts';

export const integrationsRoutes: FastifyPluginAsync<{ integrations: IntegrationsService }> = async (app, { integrations: s }) => {
  route(app, api.webhooks, async (req) => s.listWebhooks(tenantOf(req)));
  route(app, api.createWebhook, async (req) => s.createWebhook(tenantOf(req), req.body));
  route(app, api.updateWebhook, async (req) => s.updateWebhook(tenantOf(req), req.params.subscriptionId, req.body));
  route(app, api.deleteWebhook, async (req) => s.deleteWebhook(tenantOf(req), req.params.subscriptionId));
  route(app, api.testWebhook, async (req) => s.testWebhook(tenantOf(req), req.params.subscriptionId));

  route(app, api.slackChannels, async (req) => s.listSlackChannels(tenantOf(req)));
  route(app, api.createSlackChannel, async (req) => s.createSlackChannel(tenantOf(req), req.body));
  route(app, api.updateSlackChannel, async (req) => s.updateSlackChannel(tenantOf(req), req.params.channelId, req.body));
  route(app, api.deleteSlackChannel, async (req) => s.deleteSlackChannel(tenantOf(req), req.params.channelId));
  route(app, api.testSlackChannel, async (req) => s.testSlackChannel(tenantOf(req), req.params.channelId));
};
