import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/alignment';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { IndexService } from './index-engine/index.service.ts';
import type { PulsesService } from './pulses.service.ts';

/** What the alignment module's routes need: its own services, nothing else. */
export interface AlignmentServices {
  pulses: PulsesService;
  alignmentIndex: IndexService;
}

/** The index, its report, the pulse settings, pulses, answers and results. */
export const alignmentRoutes: FastifyPluginAsync<AlignmentServices> = async (app, { pulses, alignmentIndex }) => {
  route(app, api.index, async (req) => alignmentIndex.index(tenantOf(req)));
  route(app, api.report, async (req) => alignmentIndex.report(tenantOf(req)));
  route(app, api.settings, async (req) => pulses.getSettings(tenantOf(req)));
  route(app, api.updateSettings, async (req) => pulses.updateSettings(tenantOf(req), req.body));
  route(app, api.listPulses, async (req) => pulses.list(tenantOf(req)));
  route(app, api.schedulePulse, async (req) => pulses.schedule(tenantOf(req), req.body));
  route(app, api.getPulse, async (req) => pulses.get(tenantOf(req), req.params.pulseId));
  route(app, api.answerPulse, async (req) => pulses.answer(tenantOf(req), req.params.pulseId, req.body));
  route(app, api.closePulse, async (req) => pulses.close(tenantOf(req), req.params.pulseId));
  route(app, api.pulseResults, async (req) => pulses.results(tenantOf(req), req.params.pulseId, req.query));
};
