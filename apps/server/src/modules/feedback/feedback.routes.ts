import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateFeedbackRequest,
  CreateFeedbackResponse,
  FeedbackItem,
  FeedbackList,
  FeedbackListQuery,
  FeedbackResponseMetrics,
  MoveFeedbackRequest,
  MoveFeedbackResponse,
  MyFeedbackSummary,
  SimilarFeedback,
  SimilarFeedbackRequest,
  UpdateFeedbackRequest,
  Uuid,
} from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const ItemParam = WorkspaceParam.extend({ itemId: Uuid });
const tags = ['feedback'];

export const feedbackRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { feedback, themes } = services;

  app.get(
    '/workspaces/:workspace/feedback',
    {
      config: { action: 'feedback.read' },
      schema: { tags, summary: 'Feedback, newest first, filtered by kind, competitor, segment, theme, status, submitter', params: WorkspaceParam, querystring: FeedbackListQuery, response: { 200: FeedbackList } },
    },
    async (req) => feedback.list(tenantOf(req), req.query),
  );
  app.post(
    '/workspaces/:workspace/feedback',
    {
      config: { action: 'feedback.write' },
      schema: {
        tags,
        summary: 'Log feedback; it joins the closest theme when the engine is confident, else waits for triage',
        params: WorkspaceParam,
        body: CreateFeedbackRequest,
        response: { 201: CreateFeedbackResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await feedback.create(tenantOf(req), { ...req.body, source: req.body.source ?? (req.viaToken ? 'api' : 'call') })),
  );
  app.post(
    '/workspaces/:workspace/feedback/similar',
    { config: { action: 'feedback.write' }, schema: { tags, summary: 'Near-duplicates of a text from the last 90 days', params: WorkspaceParam, body: SimilarFeedbackRequest, response: { 200: SimilarFeedback } } },
    async (req) => feedback.similar(tenantOf(req), req.body.text, req.body.excludeId),
  );
  app.get(
    '/workspaces/:workspace/feedback/mine/summary',
    { config: { action: 'feedback.read' }, schema: { tags, summary: 'What happened to the feedback I logged, by theme status', params: WorkspaceParam, response: { 200: MyFeedbackSummary } } },
    async (req) => feedback.mine(tenantOf(req)),
  );
  app.get(
    '/workspaces/:workspace/feedback/metrics',
    {
      config: { action: 'feedback.read' },
      schema: { tags, summary: 'Time to acknowledge and share of feedback with a response, per PMM and overall', params: WorkspaceParam, response: { 200: FeedbackResponseMetrics } },
    },
    async (req) => feedback.metrics(tenantOf(req)),
  );
  app.post(
    '/workspaces/:workspace/feedback/move',
    { config: { action: 'feedback.triage' }, schema: { tags, summary: 'Move items into a theme, or back to triage (themeId null)', params: WorkspaceParam, body: MoveFeedbackRequest, response: { 200: MoveFeedbackResponse } } },
    async (req) => themes.moveItems(tenantOf(req), req.body.itemIds, req.body.themeId),
  );
  app.get(
    '/workspaces/:workspace/feedback/:itemId',
    { config: { action: 'feedback.read' }, schema: { tags, summary: 'One feedback item', params: ItemParam, response: { 200: FeedbackItem } } },
    async (req) => feedback.get(tenantOf(req), req.params.itemId),
  );
  app.patch(
    '/workspaces/:workspace/feedback/:itemId',
    { config: { action: 'feedback.write' }, schema: { tags, summary: 'Edit feedback (its submitter, or marketing)', params: ItemParam, body: UpdateFeedbackRequest, response: { 200: FeedbackItem } } },
    async (req) => feedback.update(tenantOf(req), req.params.itemId, req.body),
  );
  app.delete(
    '/workspaces/:workspace/feedback/:itemId',
    { config: { action: 'feedback.write' }, schema: { tags, summary: 'Delete feedback (its submitter, or marketing)', params: ItemParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await feedback.remove(tenantOf(req), req.params.itemId);
      return reply.code(204).send(null);
    },
  );
};
