import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/decisions';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { DecisionsService } from './decisions.service.ts';

/** What the decisions module's routes need: its own service, nothing else. */
export interface DecisionsServices {
  decisions: DecisionsService;
}

/** The decision log, a decision's page, input, the outcome, reopening and links. */
export const decisionsRoutes: FastifyPluginAsync<DecisionsServices> = async (app, { decisions }) => {
  route(app, api.list, async (req) => decisions.list(tenantOf(req), req.query));
  route(app, api.create, async (req) => decisions.create(tenantOf(req), req.body));
  route(app, api.stakeholderOptions, async (req) => decisions.stakeholderOptions(tenantOf(req)));
  route(app, api.linkOptions, async (req) => decisions.linkOptions(tenantOf(req)));
  route(app, api.get, async (req) => decisions.get(tenantOf(req), req.params.decisionId));
  route(app, api.giveInput, async (req) => decisions.giveInput(tenantOf(req), req.params.decisionId, req.body));
  route(app, api.decide, async (req) => decisions.decide(tenantOf(req), req.params.decisionId, req.body));
  route(app, api.reopen, async (req) => decisions.reopen(tenantOf(req), req.params.decisionId, req.body));
  route(app, api.setLinks, async (req) => decisions.setLinks(tenantOf(req), req.params.decisionId, req.body));
};
