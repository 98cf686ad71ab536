import type { FastifyPluginAsync } from 'fastify';
import type { AssetsService } from './assets.service.ts';

export const assetsRoutes: FastifyPluginAsync<{ assets: AssetsService }> = async (app, { assets }) => {
  void app;
  void assets;
};
