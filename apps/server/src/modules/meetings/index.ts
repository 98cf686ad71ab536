// Meetings: the regular PMM–sales sync, run on an agenda written from live data — new and rising themes, requests
// past their SLA or below the capacity line, decisions open for input, goals at risk and open action items — with
// notes, attendance and action items carried to the next agenda until done.
import type { Deps } from '../../lib/deps.ts';
import type { MeetingsServices } from './meetings.routes.ts';
import { createMeetingsService, type MeetingsOptions } from './meetings.service.ts';

export { meetingsRoutes, type MeetingsServices } from './meetings.routes.ts';
export { MeetingsErrors } from './meetings.errors.ts';
export { seedMeetingsDemo } from './meetings.demo.ts';
/** Action items done on time, meetings held against scheduled, attendance by team, for a period (goals' catalogue may read it). */
export { meetingMetrics } from './metrics.ts';
/** The same numbers as goals catalogue metrics (by period and workspace team), for the composition root to give goals. */
export { meetingsMetricSource } from './metric-source.ts';

export function createMeetingsServices(deps: Deps, options?: MeetingsOptions): MeetingsServices {
  return { meetings: createMeetingsService(deps, options) };
}
