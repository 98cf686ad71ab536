import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateTeamRequest, Team, TeamList, UpdateTeamRequest } from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const TeamParam = WorkspaceParam.extend({ teamId: z.uuid() });
const tags = ['teams'];

export const teamsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { teams } = services;

  app.get(
    '/workspaces/:workspace/teams',
    { config: { action: 'teams.read' }, schema: { tags, summary: 'Teams with their lead and members', params: WorkspaceParam, response: { 200: TeamList } } },
    async (req) => teams.list(tenantOf(req)),
  );

  app.post(
    '/workspaces/:workspace/teams',
    {
      config: { action: 'teams.manage' },
      schema: { tags, summary: 'Create a team', params: WorkspaceParam, body: CreateTeamRequest, response: { 201: Team } },
    },
    async (req, reply) => reply.status(201).send(await teams.create(tenantOf(req), req.body)),
  );

  app.patch(
    '/workspaces/:workspace/teams/:teamId',
    {
      config: { action: 'teams.manage' },
      schema: { tags, summary: 'Rename a team, change its lead or members', params: TeamParam, body: UpdateTeamRequest, response: { 200: Team } },
    },
    async (req) => teams.update(tenantOf(req), req.params.teamId, req.body),
  );

  app.delete(
    '/workspaces/:workspace/teams/:teamId',
    { config: { action: 'teams.manage' }, schema: { tags, summary: 'Delete a team', params: TeamParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await teams.remove(tenantOf(req), req.params.teamId);
      return reply.status(204).send(null);
    },
  );
};
