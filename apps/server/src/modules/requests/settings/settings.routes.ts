import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/requests';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import type { SettingsService } from './settings.service.ts';

/** Settings (SLA targets, weights, calendar) and PMM capacity. */
export const settingsRoutes: FastifyPluginAsync<{ requestSettings: SettingsService }> = async (app, { requestSettings }) => {
  route(app, api.settings, async (req) => requestSettings.get(tenantOf(req)));
  route(app, api.updateSettings, async (req) => requestSettings.update(tenantOf(req), req.body));
  route(app, api.capacitySettings, async (req) => requestSettings.capacity(tenantOf(req)));
  route(app, api.updateCapacitySettings, async (req) => requestSettings.updateCapacity(tenantOf(req), req.body));
};
