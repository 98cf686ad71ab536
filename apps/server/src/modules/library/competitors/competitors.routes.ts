import type { FastifyPluginAsync } from 'fastify';
import type { CompetitorsService } from './competitors.service.ts';

export const competitorsRoutes: FastifyPluginAsync<{ competitors: CompetitorsService }> = async (app, { competitors }) => {
  void app;
  void competitors;
};
