import type { FastifyPluginAsync } from 'fastify';
import { capacityRoutes } from './capacity/capacity.routes.ts';
import type { CapacityService } from './capacity/capacity.service.ts';
import { itemsRoutes } from './items/items.routes.ts';
import type { ItemsService } from './items/items.service.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import type { MetricsService } from './metrics/metrics.service.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import type { SettingsService } from './settings/settings.service.ts';

/** What the requests module's routes need: its own services, nothing else. */
export interface RequestsServices {
  requests: ItemsService;
  requestSettings: SettingsService;
  requestCapacity: CapacityService;
  requestMetrics: MetricsService;
}

/** The requests module's one plugin: settings, capacity and metrics (static paths) and the items (filing, the queue, lifecycle). */
export const requestsRoutes: FastifyPluginAsync<RequestsServices> = async (app, services) => {
  await app.register(settingsRoutes, services);
  await app.register(capacityRoutes, services);
  await app.register(metricsRoutes, services);
  await app.register(itemsRoutes, services);
};
