import type { Deps } from '../../../lib/deps.ts';
import { createAssetsReadService, type AssetsReadService } from './assets-read.service.ts';
import { createAssetsWriteService, type AssetsWriteService } from './assets-write.service.ts';

export { remindOverdueReviews, reviewReminderJob } from './review-reminders.ts';

/**
 * The library's assets use cases: writing (create, edit, publish, archive, verify) and reading (the asset page,
 * versions, diff, follow, settings), one service to the routes.
 */
export type AssetsService = AssetsReadService & AssetsWriteService;

export function createAssetsService(deps: Deps): AssetsService {
  return { ...createAssetsReadService(deps), ...createAssetsWriteService(deps) };
}
