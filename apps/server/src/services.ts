import type { Deps } from './lib/deps.ts';
import { createAuditService } from './modules/audit/index.ts';
import { createDealsService, createImportsService, rebaseDeals } from './modules/deals/index.ts';
import { createFeedbackImportService, createFeedbackService, createSuggestionsService, createThemesService } from './modules/feedback/index.ts';
import { createNotificationsService } from './modules/notifications/index.ts';
import { createIntegrationsService } from './modules/notifications/integrations.service.ts';
import { createAuthService, createTeamsService, createTokensService, createWorkspacesService } from './modules/workspaces/index.ts';

/** Every module's services, built once from the shared dependencies. */
export function createServices(deps: Deps) {
  const themes = createThemesService(deps);
  return {
    deps,
    auth: createAuthService(deps),
    workspaces: createWorkspacesService(deps, { baseCurrencyChanged: rebaseDeals }),
    teams: createTeamsService(deps),
    tokens: createTokensService(deps),
    audit: createAuditService(deps),
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
