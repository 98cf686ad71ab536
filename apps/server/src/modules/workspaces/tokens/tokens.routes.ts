import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/workspaces';
import { route } from '../../../http/endpoint-route.ts';
import { signedInUser, tenantOf } from '../../../http/request-context.ts';
import type { TokensService } from './tokens.service.ts';

/** Your own API tokens in a workspace. */
export const tokensRoutes: FastifyPluginAsync<{ tokens: TokensService }> = async (app, { tokens }) => {
  route(app, api.listTokens, async (req) => tokens.list(tenantOf(req), signedInUser(req).id));
  route(app, api.createToken, async (req) => tokens.create(tenantOf(req), signedInUser(req).id, req.body));
  route(app, api.revokeToken, async (req) => tokens.revoke(tenantOf(req), signedInUser(req).id, req.params.tokenId));
};
