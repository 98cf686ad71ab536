import type { FastifyPluginAsync } from 'fastify';
import type { SharesService } from './shares.service.ts';

export const sharesRoutes: FastifyPluginAsync<{ shareLinks: SharesService }> = async (app, { shareLinks }) => {
  void app;
  void shareLinks;
};
