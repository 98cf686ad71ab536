import type { Deps } from './lib/deps.ts';
import { createAuditServices, recordAudit } from './modules/audit/index.ts';
import { createDealsService, createImportsService, rebaseDeals } from './modules/deals/index.ts';
import { createFeedbackImportService, createFeedbackService, createSuggestionsService, createThemesService } from './modules/feedback/index.ts';
import { createNotificationsService, emit } from './modules/notifications/index.ts';
import { createIntegrationsService } from './modules/notifications/integrations.service.ts';
import { createAuthService, createTeamsService, createTokensService, createWorkspacesService } from './modules/workspaces/index.ts';

/** What boot provides; the audit log and the outbox are added here from their modules. */
export type BaseDeps = Omit<Deps, 'audit' | 'emit'>;

/**
 * The composition root: every module's services, built once from the shared dependencies.
 * Each module's factory returns its own services; route plugins take only those (app.ts).
 */
export function createServices(base: BaseDeps) {
  const deps: Deps = { ...base, audit: recordAudit, emit };
  const themes = createThemesService(deps);
  return {
    deps,
    ...createAuditServices(deps),
    auth: createAuthService(deps),
    workspaces: createWorkspacesService(deps, { baseCurrencyChanged: rebaseDeals }),
    teams: createTeamsService(deps),
    tokens: createTokensService(deps),
    deals: createDealsService(deps),
    imports: createImportsService(deps),
    notifications: createNotificationsService(deps),
    integrations: createIntegrationsService(deps),
    feedback: createFeedbackService(deps),
    feedbackImport: createFeedbackImportService(deps),
    themes,
    suggestions: createSuggestionsService(deps, themes),
  };
}

export type Services = ReturnType<typeof createServices>;
