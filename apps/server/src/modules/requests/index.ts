// Requests: what sales asks product marketing for — material, intel, help on a deal — in one public queue whose
// order anyone can read (a weighted score of pipeline at stake, urgency, reach and a strategic boost, with PMM
// overrides written down), with SLA clocks in business hours and the team's capacity drawn as a line.
import type { Deps } from '../../lib/deps.ts';
import { createCapacityService } from './capacity/capacity.service.ts';
import { createItemsService } from './items/items.service.ts';
import { createMetricsService } from './metrics/metrics.service.ts';
import type { RequestsServices } from './requests.routes.ts';
import { createSettingsService } from './settings/settings.service.ts';
import { slaWatchJob } from './sla-watch/sla-watch.ts';

export { requestsRoutes, type RequestsServices } from './requests.routes.ts';
export { RequestsErrors } from './requests.errors.ts';
export { seedRequestsDemo } from './requests.demo.ts';
/** The open queue, ordered, ranked and planned (the capacity view and the bench read it). */
export { openQueue, type OpenQueue, type QueueEntry } from './queue/queue.ts';
/** SLA attainment, backlog age and SLA breaches for the metric catalogue and the scorecard (goals module). */
export { requestBacklog, requestSlaAttainment, requestsBreachingSla, type CatalogueRequest } from './metrics/catalogue-metrics.ts';
export { median } from './metrics/metrics.service.ts';

export function createRequestsServices(deps: Deps): RequestsServices {
  return {
    requests: createItemsService(deps),
    requestSettings: createSettingsService(deps),
    requestCapacity: createCapacityService(deps),
    requestMetrics: createMetricsService(deps),
  };
}

/** The requests' scheduled work, run by the job workers (`tandem start`, `tandem worker`): the SLA watcher. */
export function requestsRecurringJobs(deps: Deps) {
  return [slaWatchJob(deps)];
}
