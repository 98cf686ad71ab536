import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/workspaces';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { TeamsService } from './teams.service.ts';

export const teamsRoutes: FastifyPluginAsync<{ teams: TeamsService }> = async (app, { teams }) => {
  route(app, api.listTeams, async (req) => teams.list(tenantOf(req)));
  route(app, api.createTeam, async (req) => teams.create(tenantOf(req), req.body));
  route(app, api.updateTeam, async (req) => teams.update(tenantOf(req), req.params.teamId, req.body));
  route(app, api.deleteTeam, async (req) => teams.remove(tenantOf(req), req.params.teamId));
};
