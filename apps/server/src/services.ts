import { composeDeps, workspaceHooks, type BaseDeps } from './compose-deps.ts';
import { createAttributionServices } from './modules/attribution/index.ts';
import { createAuditServices } from './modules/audit/index.ts';
import { createDealsServices } from './modules/deals/index.ts';
import { createDecisionsServices } from './modules/decisions/index.ts';
import { createAlignmentServices } from './modules/alignment/index.ts';
import { createFeedbackServices } from './modules/feedback/index.ts';
import { createGoalsServices } from './modules/goals/index.ts';
import { createImportsServices } from './modules/imports/index.ts';
import { createLibraryServices } from './modules/library/index.ts';
import { createMeetingsServices, meetingsMetricSource } from './modules/meetings/index.ts';
import { createNotificationsServices } from './modules/notifications/index.ts';
import { createPeopleDataServices } from './modules/people-data/index.ts';
import { createRequestsServices } from './modules/requests/index.ts';
import { createSsoServices } from './modules/sso/index.ts';
import { createWorkspacesServices } from './modules/workspaces/index.ts';

export type { BaseDeps } from './compose-deps.ts';

/**
 * The composition root: every module's services, built once from the shared dependencies.
 * Each module's factory returns its own services; route plugins take only those (app.ts).
 */
export function createServices(base: BaseDeps) {
  const deps = composeDeps(base);
  return {
    deps,
    ...createAuditServices(deps),
    ...createWorkspacesServices(deps, workspaceHooks),
    ...createDealsServices(deps),
    ...createImportsServices(deps),
    ...createNotificationsServices(deps),
    ...createFeedbackServices(deps),
    ...createLibraryServices(deps),
    ...createRequestsServices(deps),
    ...createDecisionsServices(deps),
    ...createAlignmentServices(deps),
    ...createMeetingsServices(deps),
    ...createSsoServices(deps),
    ...createPeopleDataServices(deps),
    // Meetings reads goals (its agenda), so goals takes the meetings' metrics through its metric-source port.
    ...createGoalsServices(deps, { metricSources: [meetingsMetricSource] }),
    ...createAttributionServices(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
