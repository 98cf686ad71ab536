// Decisions: the strategic calls product marketing makes with sales asked first — an input window that closes at
// an instant, each stakeholder's support, concern or objection, an outcome that says what changed because of the
// input, a searchable log, and the scorecard's involvement rate.
import type { Deps } from '../../lib/deps.ts';
import type { DecisionsServices } from './decisions.routes.ts';
import { createDecisionsService, type DecisionsOptions } from './decisions.service.ts';
import { decisionRemindersJob } from './reminders.ts';

export { decisionsRoutes, type DecisionsServices } from './decisions.routes.ts';
export { DecisionsErrors } from './decisions.errors.ts';
export { seedDecisionsDemo } from './decisions.demo.ts';
/** The scorecard's involvement rate (numerator / denominator) over a period, for the goals metric catalogue. */
export { involvementRate, type InvolvementRate } from './involvement.ts';
/** Decisions open for input at an instant, for a meeting's agenda (meetings module). */
export { decisionsOpenForInput } from './agenda-read.ts';
export { remindStakeholders } from './reminders.ts';

export function createDecisionsServices(deps: Deps, options?: DecisionsOptions): DecisionsServices {
  return { decisions: createDecisionsService(deps, options) };
}

/** The decisions' scheduled work, run by the job workers (`tandem start`, `tandem worker`): the day-before reminder. */
export function decisionsRecurringJobs(deps: Deps) {
  return [decisionRemindersJob(deps)];
}
