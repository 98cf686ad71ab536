import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateInvitationRequest,
  CreateInvitationResponse,
  CreateWorkspaceRequest,
  InvitationList,
  LinkResponse,
  Member,
  MemberList,
  MemberListQuery,
  Membership,
  UpdateMemberRequest,
  UpdateWorkspaceRequest,
  Workspace,
  listEnvelope,
} from '@tandem/contracts';
import { actorOf, signedInUser, tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const MemberParam = WorkspaceParam.extend({ userId: z.uuid() });
const InvitationParam = WorkspaceParam.extend({ id: z.uuid() });

/** Workspaces, their settings, members and invitations. */
export const workspacesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { workspaces, auth } = services;

  app.get(
    '/workspaces',
    {
      config: { access: 'user' },
      schema: { tags: ['workspaces'], summary: 'Workspaces you belong to', response: { 200: listEnvelope(Membership) } },
    },
    async (req) => workspaces.listMine(signedInUser(req).id),
  );

  app.post(
    '/workspaces',
    {
      config: { access: 'user' },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; you become its admin (admins of any workspace only)',
        body: CreateWorkspaceRequest,
        response: { 201: Workspace },
      },
    },
    async (req, reply) => reply.status(201).send(await workspaces.create(actorOf(req), req.body, signedInUser(req).id)),
  );

  app.get(
    '/workspaces/:workspace',
    {
      config: { action: 'workspace.read' },
      schema: { tags: ['workspaces'], summary: 'Workspace settings', params: WorkspaceParam, response: { 200: Workspace } },
    },
    async (req) => workspaces.get(tenantOf(req)),
  );

  app.patch(
    '/workspaces/:workspace',
    {
      config: { action: 'workspace.update' },
      schema: {
        tags: ['workspaces'],
        summary: 'Change name, base currency or fiscal year start',
        params: WorkspaceParam,
        body: UpdateWorkspaceRequest,
        response: { 200: Workspace },
      },
    },
    async (req) => workspaces.update(tenantOf(req), req.body),
  );

  app.get(
    '/workspaces/:workspace/members',
    {
      config: { action: 'members.read' },
      schema: { tags: ['members'], summary: 'People in the workspace', params: WorkspaceParam, querystring: MemberListQuery, response: { 200: MemberList } },
    },
    async (req) => workspaces.listMembers(tenantOf(req), req.query),
  );

  app.patch(
    '/workspaces/:workspace/members/:userId',
    {
      config: { action: 'members.manage' },
      schema: { tags: ['members'], summary: 'Change a role, deactivate or reactivate', params: MemberParam, body: UpdateMemberRequest, response: { 200: Member } },
    },
    async (req) => workspaces.updateMember(tenantOf(req), req.params.userId, req.body),
  );

  app.post(
    '/workspaces/:workspace/members/:userId/password-reset',
    {
      config: { action: 'members.manage' },
      schema: { tags: ['members'], summary: 'Issue a one-time password-reset link for a member', params: MemberParam, response: { 201: LinkResponse } },
    },
    async (req, reply) => reply.status(201).send(await auth.issuePasswordReset(tenantOf(req), req.params.userId)),
  );

  app.get(
    '/workspaces/:workspace/invitations',
    {
      config: { action: 'members.manage' },
      schema: { tags: ['members'], summary: 'Pending invitations', params: WorkspaceParam, response: { 200: InvitationList } },
    },
    async (req) => workspaces.listInvitations(tenantOf(req)),
  );

  app.post(
    '/workspaces/:workspace/invitations',
    {
      config: { action: 'members.manage' },
      schema: {
        tags: ['members'],
        summary: 'Invite someone by email with a role',
        params: WorkspaceParam,
        body: CreateInvitationRequest,
        response: { 201: CreateInvitationResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await workspaces.invite(tenantOf(req), req.body)),
  );

  app.delete(
    '/workspaces/:workspace/invitations/:id',
    {
      config: { action: 'members.manage' },
      schema: { tags: ['members'], summary: 'Revoke a pending invitation', params: InvitationParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await workspaces.revokeInvitation(tenantOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
