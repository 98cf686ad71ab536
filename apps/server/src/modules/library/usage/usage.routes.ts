import type { FastifyPluginAsync } from 'fastify';
import type { UsageService } from './usage.service.ts';

export const usageRoutes: FastifyPluginAsync<{ assetUsage: UsageService }> = async (app, { assetUsage }) => {
  void app;
  void assetUsage;
};
