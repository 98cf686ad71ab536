import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { AssetsService } from './assets.service.ts';

export const assetsRoutes: FastifyPluginAsync<{ assets: AssetsService }> = async (app, { assets }) => {
  route(app, api.assetsCreate, async (req) => assets.create(tenantOf(req), req.body));
  route(app, api.assetsPreview, async (req) => assets.preview(req.body.body));
  route(app, api.assetsGet, async (req) => assets.get(tenantOf(req), req.params.assetId));
  route(app, api.assetsUpdate, async (req) => assets.update(tenantOf(req), req.params.assetId, req.body));
  route(app, api.assetsPublish, async (req) => assets.publish(tenantOf(req), req.params.assetId, req.body.changeNote));
  route(app, api.assetsArchive, async (req) => assets.archive(tenantOf(req), req.params.assetId));
  route(app, api.assetsVerify, async (req) => assets.verify(tenantOf(req), req.params.assetId));
  route(app, api.assetsVersions, async (req) => assets.versions(tenantOf(req), req.params.assetId));
  route(app, api.assetsVersion, async (req) => assets.version(tenantOf(req), req.params.assetId, req.params.number));
  route(app, api.assetsDiff, async (req) => assets.diff(tenantOf(req), req.params.assetId, req.query));
  route(app, api.assetsFollow, async (req) => assets.follow(tenantOf(req), req.params.assetId, true));
  route(app, api.assetsUnfollow, async (req) => assets.follow(tenantOf(req), req.params.assetId, false));
  route(app, api.assetsSettings, async (req) => assets.settings(tenantOf(req)));
  route(app, api.assetsUpdateSettings, async (req) => assets.updateSettings(tenantOf(req), req.body));
};
