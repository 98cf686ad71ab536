import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptSuggestionRequest,
  AddThemeLinkRequest,
  ChangeThemeStatusRequest,
  CreateThemeRequest,
  MergeThemesRequest,
  SplitThemeRequest,
  ThemeDetail,
  ThemeList,
  ThemeListQuery,
  ThemeSuggestionList,
  UpdateThemeRequest,
  Uuid,
} from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';

const ThemeParam = WorkspaceParam.extend({ themeId: Uuid });
const LinkParam = ThemeParam.extend({ linkId: Uuid });
const SuggestionParam = WorkspaceParam.extend({ suggestionId: Uuid });
const Following = z.object({ following: z.boolean() });
const tags = ['themes'];
const triage = { action: 'feedback.triage' } as const;

export const themesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { themes, suggestions } = services;

  app.get(
    '/workspaces/:workspace/themes',
    { config: { action: 'feedback.read' }, schema: { tags, summary: 'Themes with their metrics, by open pipeline at stake unless sorted otherwise', params: WorkspaceParam, querystring: ThemeListQuery, response: { 200: ThemeList } } },
    async (req) => themes.list(tenantOf(req), req.query),
  );
  app.post(
    '/workspaces/:workspace/themes',
    { config: triage, schema: { tags, summary: 'Create a theme, optionally with items', params: WorkspaceParam, body: CreateThemeRequest, response: { 201: ThemeDetail } } },
    async (req, reply) => reply.code(201).send(await themes.create(tenantOf(req), req.body)),
  );
  app.get(
    '/workspaces/:workspace/themes/:themeId',
    { config: { action: 'feedback.read' }, schema: { tags, summary: 'A theme with metrics, deals, links and status history', params: ThemeParam, response: { 200: ThemeDetail } } },
    async (req) => themes.get(tenantOf(req), req.params.themeId),
  );
  app.patch(
    '/workspaces/:workspace/themes/:themeId',
    { config: triage, schema: { tags, summary: 'Rename a theme, describe it, or give it an owner', params: ThemeParam, body: UpdateThemeRequest, response: { 200: ThemeDetail } } },
    async (req) => themes.update(tenantOf(req), req.params.themeId, req.body),
  );
  app.post(
    '/workspaces/:workspace/themes/:themeId/status',
    {
      config: triage,
      schema: { tags, summary: 'Change the status, with a response every submitter receives', params: ThemeParam, body: ChangeThemeStatusRequest, response: { 200: ThemeDetail } },
    },
    async (req) => themes.changeStatus(tenantOf(req), req.params.themeId, req.body),
  );
  app.post(
    '/workspaces/:workspace/themes/:themeId/links',
    { config: triage, schema: { tags, summary: 'Link what addressed the theme (a URL or a note)', params: ThemeParam, body: AddThemeLinkRequest, response: { 200: ThemeDetail } } },
    async (req) => themes.addLink(tenantOf(req), req.params.themeId, req.body),
  );
  app.delete(
    '/workspaces/:workspace/themes/:themeId/links/:linkId',
    { config: triage, schema: { tags, summary: 'Remove a link', params: LinkParam, response: { 200: ThemeDetail } } },
    async (req) => themes.removeLink(tenantOf(req), req.params.themeId, req.params.linkId),
  );
  app.post(
    '/workspaces/:workspace/themes/:themeId/merge',
    { config: triage, schema: { tags, summary: 'Merge other themes into this one (items, followers and links move)', params: ThemeParam, body: MergeThemesRequest, response: { 200: ThemeDetail } } },
    async (req) => themes.merge(tenantOf(req), req.params.themeId, req.body.sourceThemeIds),
  );
  app.post(
    '/workspaces/:workspace/themes/:themeId/split',
    { config: triage, schema: { tags, summary: 'Move some items into a new theme', params: ThemeParam, body: SplitThemeRequest, response: { 201: ThemeDetail } } },
    async (req, reply) => reply.code(201).send(await themes.split(tenantOf(req), req.params.themeId, req.body.name, req.body.itemIds)),
  );
  app.post(
    '/workspaces/:workspace/themes/:themeId/follow',
    { config: { action: 'feedback.read' }, schema: { tags, summary: 'Follow a theme: hear about its status changes', params: ThemeParam, response: { 200: Following } } },
    async (req) => themes.follow(tenantOf(req), req.params.themeId, true),
  );
  app.delete(
    '/workspaces/:workspace/themes/:themeId/follow',
    { config: { action: 'feedback.read' }, schema: { tags, summary: 'Stop following a theme (also for its submitters)', params: ThemeParam, response: { 200: Following } } },
    async (req) => themes.follow(tenantOf(req), req.params.themeId, false),
  );

  app.get(
    '/workspaces/:workspace/theme-suggestions',
    { config: triage, schema: { tags, summary: 'Suggested themes from the last run over untriaged feedback', params: WorkspaceParam, response: { 200: ThemeSuggestionList } } },
    async (req) => suggestions.list(tenantOf(req)),
  );
  app.post(
    '/workspaces/:workspace/theme-suggestions/refresh',
    { config: triage, schema: { tags, summary: 'Group untriaged feedback again (the clustering engine)', params: WorkspaceParam, response: { 200: ThemeSuggestionList } } },
    async (req) => suggestions.refresh(tenantOf(req)),
  );
  app.post(
    '/workspaces/:workspace/theme-suggestions/:suggestionId/accept',
    { config: triage, schema: { tags, summary: 'Accept a suggested theme, optionally renamed', params: SuggestionParam, body: AcceptSuggestionRequest, response: { 201: ThemeDetail } } },
    async (req, reply) => reply.code(201).send(await suggestions.accept(tenantOf(req), req.params.suggestionId, req.body)),
  );
  app.post(
    '/workspaces/:workspace/theme-suggestions/:suggestionId/discard',
    { config: triage, schema: { tags, summary: 'Discard a suggested theme', params: SuggestionParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await suggestions.discard(tenantOf(req), req.params.suggestionId);
      return reply.code(204).send(null);
    },
  );
};
