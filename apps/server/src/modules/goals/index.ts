// Goals: one set of numbers both teams own. Shared goals (owners from marketing and from sales) with key results
// bound to a metric of the catalogue or checked in by hand, each key result's status against a straight path from
// baseline to target, daily snapshots for charts, check-ins, comments and owners told of status changes.
import type { Deps } from '../../lib/deps.ts';
import type { GoalsServices } from './goals.routes.ts';
import { createHomeService } from './home/home.service.ts';
import { createMetricsServices, type MetricSource } from './metrics/index.ts';
import type { MetricsPort } from './objectives/metrics-port.ts';
import { createObjectivesService } from './objectives/objectives.service.ts';
import { goalSnapshotJob } from './objectives/snapshot-job.ts';

export { goalsRoutes, type GoalsServices } from './goals.routes.ts';
export { GoalsErrors } from './goals.errors.ts';
export { seedGoalsDemo } from './goals.demo.ts';
export type { MetricsPort } from './objectives/metrics-port.ts';
export { MetricsErrors, type MetricInput, type MetricSource, type SourceCount, type SourceQuery, type SourcedEntry } from './metrics/index.ts';
/** Live shared goals and how many are on track, for the Alignment Index (alignment module). */
export { liveGoalStatuses } from './objectives/alignment-read.ts';
/** Goals at risk or off track in a period, for a meeting's agenda (meetings module). */
export { goalsAtRiskBetween } from './objectives/agenda-read.ts';

/**
 * The goals module's services. `metrics` is the catalogue the key results are computed from (goals/metrics); until
 * it is wired, metric key results are refused as unknown and manual ones work. The metric catalogue's own services
 * (metrics, scorecard, win/loss) are built here and serve as the default port. `metricSources`: the metrics of modules
 * that read goals and so cannot be imported by it (meetings), given by the composition root (services.ts).
 */
export function createGoalsServices(deps: Deps, ports: { metrics?: MetricsPort; metricSources?: readonly MetricSource[] } = {}): GoalsServices {
  const metrics = createMetricsServices(deps, ports.metricSources);
  return { goals: createObjectivesService(deps, ports.metrics ?? metrics.metrics), home: createHomeService(deps), ...metrics };
}

/** The goals' scheduled work, run by the job workers (`tandem start`, `tandem worker`): the daily snapshot (hourly, idempotent). */
export function goalsRecurringJobs(deps: Deps, services: GoalsServices = createGoalsServices(deps)) {
  return [goalSnapshotJob(deps, services.goals.evaluator)];
}
