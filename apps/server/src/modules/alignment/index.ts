// Alignment: is the gap between marketing and sales closing, friction by friction? Pulse surveys both teams answer
// anonymously (what they say) and operational signals read from the other modules (what they do), combined into the
// Alignment Index with weekly snapshots and a playbook for the weakest friction.
import type { Deps } from '../../lib/deps.ts';
import type { AlignmentServices } from './alignment.routes.ts';
import { createIndexService } from './index-engine/index.service.ts';
import { alignmentJobs } from './jobs.ts';
import { createPulsesService, type PulsesOptions } from './pulses.service.ts';

export { alignmentRoutes, type AlignmentServices } from './alignment.routes.ts';
export { AlignmentErrors } from './alignment.errors.ts';
export { seedAlignmentDemo } from './alignment.demo.ts';

export function createAlignmentServices(deps: Deps, options?: PulsesOptions): AlignmentServices {
  const pulses = createPulsesService(deps, options);
  return { pulses, alignmentIndex: createIndexService(deps, pulses) };
}

/** Pulse invitations, cadence and reminders; the weekly index snapshot. */
export function alignmentRecurringJobs(deps: Deps, services: AlignmentServices = createAlignmentServices(deps)) {
  return alignmentJobs(deps, services.pulses, services.alignmentIndex);
}
