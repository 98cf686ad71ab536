import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/goals';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { ObjectivesService } from './objectives.service.ts';

/** Shared goals, key results, check-ins, comments and history. */
export const objectivesRoutes: FastifyPluginAsync<{ goals: ObjectivesService }> = async (app, { goals }) => {
  route(app, api.listGoals, async (req) => goals.list(tenantOf(req), req.query));
  route(app, api.createGoal, async (req) => goals.create(tenantOf(req), req.body));
  route(app, api.getGoal, async (req) => goals.get(tenantOf(req), req.params.goalId));
  route(app, api.updateGoal, async (req) => goals.update(tenantOf(req), req.params.goalId, req.body));
  route(app, api.archiveGoal, async (req) => goals.archive(tenantOf(req), req.params.goalId));
  route(app, api.createKeyResult, async (req) => goals.addKeyResult(tenantOf(req), req.params.goalId, req.body));
  route(app, api.updateKeyResult, async (req) => goals.updateKeyResult(tenantOf(req), req.params.goalId, req.params.keyResultId, req.body));
  route(app, api.deleteKeyResult, async (req) => goals.deleteKeyResult(tenantOf(req), req.params.goalId, req.params.keyResultId));
  route(app, api.keyResultHistory, async (req) => goals.history(tenantOf(req), req.params.goalId, req.params.keyResultId));
  route(app, api.listCheckins, async (req) => goals.checkins(tenantOf(req), req.params.goalId, req.params.keyResultId));
  route(app, api.createCheckin, async (req) => goals.addCheckin(tenantOf(req), req.params.goalId, req.params.keyResultId, req.body));
  route(app, api.listGoalComments, async (req) => goals.comments(tenantOf(req), req.params.goalId));
  route(app, api.createGoalComment, async (req) => goals.addComment(tenantOf(req), req.params.goalId, req.body));
};
