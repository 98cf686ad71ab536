import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/workspaces';
import { route } from '../../../http/endpoint-route.ts';
import { actorOf, signedInUser, tenantOf } from '../../../http/request-context.ts';
import type { WorkspacesService } from './workspaces.service.ts';

/** Workspaces, their settings, members and invitations. */
export const membersRoutes: FastifyPluginAsync<{ workspaces: WorkspacesService }> = async (app, { workspaces }) => {
  route(app, api.listWorkspaces, async (req) => workspaces.listMine(signedInUser(req).id));
  route(app, api.createWorkspace, async (req) => workspaces.create(actorOf(req), req.body, signedInUser(req).id));
  route(app, api.getWorkspace, async (req) => workspaces.get(tenantOf(req)));
  route(app, api.updateWorkspace, async (req) => workspaces.update(tenantOf(req), req.body));

  route(app, api.listMembers, async (req) => workspaces.listMembers(tenantOf(req), req.query));
  route(app, api.updateMember, async (req) => workspaces.updateMember(tenantOf(req), req.params.userId, req.body));

  route(app, api.listInvitations, async (req) => workspaces.listInvitations(tenantOf(req)));
  route(app, api.createInvitation, async (req) => workspaces.invite(tenantOf(req), req.body));
  route(app, api.revokeInvitation, async (req) => workspaces.revokeInvitation(tenantOf(req), req.params.id));
};
