import type { FastifyPluginAsync } from 'fastify';
import { homeRoutes } from './home/home.routes.ts';
import type { HomeService } from './home/home.service.ts';
import { metricsRoutes, type MetricsServices } from './metrics/index.ts';
import { objectivesRoutes } from './objectives/objectives.routes.ts';
import type { ObjectivesService } from './objectives/objectives.service.ts';

/** What the goals module's routes need: its own services, nothing else. */
export interface GoalsServices extends MetricsServices {
  goals: ObjectivesService;
  home: HomeService;
}

/** The goals module's one plugin: shared goals (objectives); the metric catalogue, scorecard and win/loss, and the home pages' reads join here. */
export const goalsRoutes: FastifyPluginAsync<GoalsServices> = async (app, services) => {
  await app.register(objectivesRoutes, services);
  await app.register(metricsRoutes, services);
  await app.register(homeRoutes, services);
};
