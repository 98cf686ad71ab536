import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/feedback';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { SuggestionsService } from './suggestions.service.ts';

export const suggestionsRoutes: FastifyPluginAsync<{ suggestions: SuggestionsService }> = async (app, { suggestions }) => {
  route(app, api.suggestions, async (req) => suggestions.list(tenantOf(req)));
  route(app, api.refreshSuggestions, async (req) => suggestions.refresh(tenantOf(req)));
  route(app, api.acceptSuggestion, async (req) => suggestions.accept(tenantOf(req), req.params.suggestionId, req.body));
  route(app, api.undoAcceptSuggestion, async (req) => suggestions.undoAccept(tenantOf(req), req.params.suggestionId));
  route(app, api.discardSuggestion, async (req) => suggestions.discard(tenantOf(req), req.params.suggestionId));
};
