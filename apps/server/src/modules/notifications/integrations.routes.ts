import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateSlackChannel,
  CreateWebhookSubscription,
  SlackChannel,
  SlackChannelList,
  TestResult,
  UpdateSlackChannel,
  UpdateWebhookSubscription,
  WebhookSubscription,
  WebhookSubscriptionList,
} from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const SubscriptionParam = WorkspaceParam.extend({ subscriptionId: z.uuid() });
const ChannelParam = WorkspaceParam.extend({ channelId: z.uuid() });
const config = { action: 'notifications.manage' } as const;
const webhookTags = ['webhooks'];
const slackTags = ['slack'];

export const integrationsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { integrations } = services;

  app.get(
    '/workspaces/:workspace/webhooks',
    { config, schema: { tags: webhookTags, summary: 'Webhook subscriptions, with each one’s last delivery', params: WorkspaceParam, response: { 200: WebhookSubscriptionList } } },
    async (req) => integrations.listWebhooks(tenantOf(req)),
  );

  app.post(
    '/workspaces/:workspace/webhooks',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: 'Subscribe an HTTPS URL to event types; the answer holds the signing secret',
        params: WorkspaceParam,
        body: CreateWebhookSubscription,
        response: { 201: WebhookSubscription },
      },
    },
    async (req, reply) => reply.code(201).send(await integrations.createWebhook(tenantOf(req), req.body)),
  );

  app.patch(
    '/workspaces/:workspace/webhooks/:subscriptionId',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: 'Change the URL, description or event types; turn it off or back on',
        params: SubscriptionParam,
        body: UpdateWebhookSubscription,
        response: { 200: WebhookSubscription },
      },
    },
    async (req) => integrations.updateWebhook(tenantOf(req), req.params.subscriptionId, req.body),
  );

  app.delete(
    '/workspaces/:workspace/webhooks/:subscriptionId',
    { config, schema: { tags: webhookTags, summary: 'Delete a subscription (pending deliveries are dropped)', params: SubscriptionParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await integrations.deleteWebhook(tenantOf(req), req.params.subscriptionId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/workspaces/:workspace/webhooks/:subscriptionId/test',
    { config, schema: { tags: webhookTags, summary: 'Send a signed `ping` delivery now and report the answer', params: SubscriptionParam, response: { 200: TestResult } } },
    async (req) => integrations.testWebhook(tenantOf(req), req.params.subscriptionId),
  );

  app.get(
    '/workspaces/:workspace/slack-channels',
    { config, schema: { tags: slackTags, summary: 'Slack channels and the event types each receives', params: WorkspaceParam, response: { 200: SlackChannelList } } },
    async (req) => integrations.listSlackChannels(tenantOf(req)),
  );

  app.post(
    '/workspaces/:workspace/slack-channels',
    {
      config,
      schema: { tags: slackTags, summary: 'Add a Slack channel by its incoming-webhook URL', params: WorkspaceParam, body: CreateSlackChannel, response: { 201: SlackChannel } },
    },
    async (req, reply) => reply.code(201).send(await integrations.createSlackChannel(tenantOf(req), req.body)),
  );

  app.patch(
    '/workspaces/:workspace/slack-channels/:channelId',
    { config, schema: { tags: slackTags, summary: 'Rename a channel, change its URL or event types', params: ChannelParam, body: UpdateSlackChannel, response: { 200: SlackChannel } } },
    async (req) => integrations.updateSlackChannel(tenantOf(req), req.params.channelId, req.body),
  );

  app.delete(
    '/workspaces/:workspace/slack-channels/:channelId',
    { config, schema: { tags: slackTags, summary: 'Remove a Slack channel', params: ChannelParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await integrations.deleteSlackChannel(tenantOf(req), req.params.channelId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/workspaces/:workspace/slack-channels/:channelId/test',
    { config, schema: { tags: slackTags, summary: 'Post a test message to the channel now', params: ChannelParam, response: { 200: TestResult } } },
    async (req) => integrations.testSlackChannel(tenantOf(req), req.params.channelId),
  );
};
