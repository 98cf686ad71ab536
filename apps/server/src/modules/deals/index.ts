// Deals: the accounts and opportunities a company already has in its CRM, with their stage
// history, and the stage mapping and exchange rates that classify and convert them.
// The imports module writes them; what it needs of their rules (stages, settings) is exported here.
import type { Deps } from '../../lib/deps.ts';
import { createDealsService, type DealsService } from './deals.service.ts';

export { dealSettingsOf, rebaseDeals } from './deals.service.ts';
export { dealsRoutes } from './deals.routes.ts';
// Moves with every write of a workspace's deals (migration 0011_change_stamps): for readers that keep what they built from deals.
export { dealsChangeStamp } from '../../db/change-stamps.ts';
export { seedDealsDemo } from './deals.demo.ts';
export { STAGE_CATEGORIES, StageResolver, type StageTable } from './stages.ts';
/** The metric catalogue's deal aggregates and records (goals module). */
export {
  dealMetricsRepository as dealMetrics,
  type DealMetricFilters,
  type DealMetricSpec,
  type DealDimension,
  type ClosedStats,
} from './metrics/deal-metrics.repository.ts';

export interface DealsServices {
  deals: DealsService;
}

export function createDealsServices(deps: Deps): DealsServices {
  return { deals: createDealsService(deps) };
}
