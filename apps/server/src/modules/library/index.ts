// Library: the material sales needs — assets with versions, files and a review clock — found by search, shared
// with prospects through public links, its use recorded and weighed against closed deals (influence); and the
// competitors it is written against, each with a page a rep opens before a competitive call.
import type { Deps } from '../../lib/deps.ts';
import { createAssetsService, reviewReminderJob } from './assets/assets.service.ts';
import { createCompetitorsService } from './competitors/competitors.service.ts';
import { createFilesService } from './files/files.service.ts';
import { createInfluenceService } from './influence/influence.service.ts';
import type { LibraryServices } from './library.routes.ts';
import { createSearchService } from './search/search.service.ts';
import { createSharesService } from './shares/shares.service.ts';
import { createUsageService } from './usage/usage.service.ts';

export { libraryRoutes, type LibraryServices } from './library.routes.ts';
export { LibraryErrors } from './library.errors.ts';
export { seedLibraryDemo } from './library.demo.ts';
export { seedAssetFilesDemo } from './files/files.demo.ts';
/** What a file is, read from its content (the requests module checks its attachments the same way). */
export { checkKind, type KindCheck } from './files/file-kind.ts';
/** The Wilson 95 % interval of k out of n (influence's win rates; the requests' metrics use it too). */
export { wilsonInterval } from './influence/win-rate.ts';
/** Content influence on deals and asset adoption for the metric catalogue (goals module). */
export { libraryMetricsRepository as libraryMetrics } from './metrics/library-metrics.repository.ts';

/** The library's scheduled work, run by the job workers (`tandem start`, `tandem worker`): the daily review reminders. */
export function libraryRecurringJobs(deps: Deps) {
  return [reviewReminderJob(deps)];
}
/** The public share page (`GET /s/:token`), registered outside /api/v1. */
export { sharePageRoutes } from './shares/share-page.routes.ts';

export function createLibraryServices(deps: Deps): LibraryServices {
  return {
    assets: createAssetsService(deps),
    librarySearch: createSearchService(deps),
    assetFiles: createFilesService(deps),
    shareLinks: createSharesService(deps),
    assetUsage: createUsageService(deps),
    competitors: createCompetitorsService(deps),
    influence: createInfluenceService(deps),
  };
}
