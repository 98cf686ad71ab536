import { createBlobStore, type BlobStore } from './lib/blob-store/index.ts';
import type { Deps } from './lib/deps.ts';
import { createFileStore, type FileStore } from './lib/file-store.ts';
import { createAttributionServices } from './modules/attribution/index.ts';
import { createAuditServices, recordAudit } from './modules/audit/index.ts';
import { createDealsServices, rebaseDeals } from './modules/deals/index.ts';
import { createDecisionsServices } from './modules/decisions/index.ts';
import { createAlignmentServices } from './modules/alignment/index.ts';
import { createFeedbackServices } from './modules/feedback/index.ts';
import { createGoalsServices } from './modules/goals/index.ts';
import { createImportsServices } from './modules/imports/index.ts';
import { createLibraryServices } from './modules/library/index.ts';
import { createMeetingsServices } from './modules/meetings/index.ts';
import { createNotificationsServices, emit, withdraw } from './modules/notifications/index.ts';
import { createPeopleDataServices } from './modules/people-data/index.ts';
import { createRequestsServices } from './modules/requests/index.ts';
import { createSsoServices, ssoOnlyWorkspaceOf } from './modules/sso/index.ts';
import { createWorkspacesServices } from './modules/workspaces/index.ts';

/** What boot provides; the audit log and the outbox are added here from their modules. */
export type BaseDeps = Omit<Deps, 'audit' | 'emit' | 'withdraw' | 'files' | 'blobs'> & { files?: FileStore; blobs?: BlobStore };

/**
 * The composition root: every module's services, built once from the shared dependencies.
 * Each module's factory returns its own services; route plugins take only those (app.ts).
 */
export function createServices(base: BaseDeps) {
  const deps: Deps = {
    ...base,
    audit: recordAudit,
    emit,
    withdraw,
    files: base.files ?? createFileStore(base.config),
    blobs: base.blobs ?? createBlobStore(base.config),
  };
  return {
    deps,
    ...createAuditServices(deps),
    ...createWorkspacesServices(deps, { baseCurrencyChanged: rebaseDeals, passwordSignInRefusedBy: ssoOnlyWorkspaceOf }),
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
    ...createGoalsServices(deps),
    ...createAttributionServices(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
