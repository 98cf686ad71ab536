import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenList, CreateApiTokenRequest, CreateApiTokenResponse } from '@tandem/contracts';
import { signedInUser, tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const TokenParam = WorkspaceParam.extend({ tokenId: z.uuid() });
const tags = ['api tokens'];

/** Your own API tokens in a workspace. */
export const tokensRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { tokens } = services;

  app.get(
    '/workspaces/:workspace/tokens',
    { config: { action: 'tokens.manage_own', sessionOnly: true }, schema: { tags, summary: 'Your API tokens', params: WorkspaceParam, response: { 200: ApiTokenList } } },
    async (req) => tokens.list(tenantOf(req), signedInUser(req).id),
  );

  app.post(
    '/workspaces/:workspace/tokens',
    {
      config: { action: 'tokens.manage_own', sessionOnly: true },
      schema: {
        tags,
        summary: 'Create an API token (the secret is in this response only)',
        params: WorkspaceParam,
        body: CreateApiTokenRequest,
        response: { 201: CreateApiTokenResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await tokens.create(tenantOf(req), signedInUser(req).id, req.body)),
  );

  app.delete(
    '/workspaces/:workspace/tokens/:tokenId',
    { config: { action: 'tokens.manage_own', sessionOnly: true }, schema: { tags, summary: 'Revoke one of your API tokens', params: TokenParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await tokens.revoke(tenantOf(req), signedInUser(req).id, req.params.tokenId);
      return reply.status(204).send(null);
    },
  );
};
