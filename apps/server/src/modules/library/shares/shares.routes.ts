import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { SharesService } from './shares.service.ts';

export const sharesRoutes: FastifyPluginAsync<{ shareLinks: SharesService }> = async (app, { shareLinks }) => {
  route(app, api.sharesCreate, async (req) => shareLinks.create(tenantOf(req), req.params.assetId, req.body));
  route(app, api.sharesList, async (req) => shareLinks.list(tenantOf(req), req.params.assetId));
  route(app, api.sharesRevoke, async (req) => shareLinks.revoke(tenantOf(req), req.params.assetId, req.params.shareLinkId));
};
