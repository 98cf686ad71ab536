import type { FastifyPluginAsync } from 'fastify';
import { assetsRoutes } from './assets/assets.routes.ts';
import type { AssetsService } from './assets/assets.service.ts';
import { competitorsRoutes } from './competitors/competitors.routes.ts';
import type { CompetitorsService } from './competitors/competitors.service.ts';
import { filesRoutes } from './files/files.routes.ts';
import type { FilesService } from './files/files.service.ts';
import { influenceRoutes } from './influence/influence.routes.ts';
import type { InfluenceService } from './influence/influence.service.ts';
import { searchRoutes } from './search/search.routes.ts';
import type { SearchService } from './search/search.service.ts';
import { sharesRoutes } from './shares/shares.routes.ts';
import type { SharesService } from './shares/shares.service.ts';
import { usageRoutes } from './usage/usage.routes.ts';
import type { UsageService } from './usage/usage.service.ts';

/** What the library module's routes need: its own services, nothing else. */
export interface LibraryServices {
  assets: AssetsService;
  librarySearch: SearchService;
  assetFiles: FilesService;
  shareLinks: SharesService;
  assetUsage: UsageService;
  competitors: CompetitorsService;
  influence: InfluenceService;
}

/** The library module's one plugin: assets (versions, freshness), search, files, share links, usage, competitors, influence. */
export const libraryRoutes: FastifyPluginAsync<LibraryServices> = async (app, services) => {
  await app.register(assetsRoutes, services);
  await app.register(searchRoutes, services);
  await app.register(filesRoutes, services);
  await app.register(sharesRoutes, services);
  await app.register(usageRoutes, services);
  await app.register(competitorsRoutes, services);
  await app.register(influenceRoutes, services);
};
