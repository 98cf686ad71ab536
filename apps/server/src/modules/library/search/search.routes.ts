import type { FastifyPluginAsync } from 'fastify';
import type { SearchService } from './search.service.ts';

export const searchRoutes: FastifyPluginAsync<{ librarySearch: SearchService }> = async (app, { librarySearch }) => {
  void app;
  void librarySearch;
};
