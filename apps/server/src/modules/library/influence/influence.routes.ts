import type { FastifyPluginAsync } from 'fastify';
import type { InfluenceService } from './influence.service.ts';

export const influenceRoutes: FastifyPluginAsync<{ influence: InfluenceService }> = async (app, { influence }) => {
  void app;
  void influence;
};
