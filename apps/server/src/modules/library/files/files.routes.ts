import type { FastifyPluginAsync } from 'fastify';
import type { FilesService } from './files.service.ts';

export const filesRoutes: FastifyPluginAsync<{ assetFiles: FilesService }> = async (app, { assetFiles }) => {
  void app;
  void assetFiles;
};
