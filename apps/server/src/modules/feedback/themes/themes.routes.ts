import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/feedback';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { ThemesService } from './themes.service.ts';

export const themesRoutes: FastifyPluginAsync<{ themes: ThemesService }> = async (app, { themes }) => {
  route(app, api.themes, async (req) => themes.list(tenantOf(req), req.query));
  route(app, api.createTheme, async (req) => themes.create(tenantOf(req), req.body));
  route(app, api.theme, async (req) => themes.get(tenantOf(req), req.params.themeId));
  route(app, api.updateTheme, async (req) => themes.update(tenantOf(req), req.params.themeId, req.body));
  route(app, api.changeThemeStatus, async (req) => themes.changeStatus(tenantOf(req), req.params.themeId, req.body));
  route(app, api.undoThemeStatus, async (req) => themes.undoStatus(tenantOf(req), req.params.themeId, req.body.changeId));
  route(app, api.addThemeLink, async (req) => themes.addLink(tenantOf(req), req.params.themeId, req.body));
  route(app, api.removeThemeLink, async (req) => themes.removeLink(tenantOf(req), req.params.themeId, req.params.linkId));
  route(app, api.mergeThemes, async (req) => themes.merge(tenantOf(req), req.params.themeId, req.body.sourceThemeIds));
  route(app, api.undoMergeThemes, async (req) => themes.undoMerge(tenantOf(req), req.params.themeId, req.params.mergeId));
  route(app, api.splitTheme, async (req) => themes.split(tenantOf(req), req.params.themeId, req.body.name, req.body.itemIds));
  route(app, api.followTheme, async (req) => themes.follow(tenantOf(req), req.params.themeId, true));
  route(app, api.unfollowTheme, async (req) => themes.follow(tenantOf(req), req.params.themeId, false));
  // Where items sit is a theme change (it moves their counts), so the inbox's "Move to…" is answered here.
  route(app, api.move, async (req) => themes.moveItems(tenantOf(req), req.body.itemIds, req.body.themeId));
};
