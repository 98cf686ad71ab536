import { createBlobStore, type BlobStore } from './lib/blob-store/index.ts';
import type { Deps } from './lib/deps.ts';
import { createFileStore, type FileStore } from './lib/file-store.ts';
import { recordAudit } from './modules/audit/index.ts';
import { rebaseDeals } from './modules/deals/index.ts';
import { emit, withdraw } from './modules/notifications/index.ts';
import { ssoOnlyWorkspaceOf } from './modules/sso/index.ts';

/** What boot provides; the audit log and the outbox are added here from their modules. */
export type BaseDeps = Omit<Deps, 'audit' | 'emit' | 'withdraw' | 'files' | 'blobs'> & { files?: FileStore; blobs?: BlobStore };

/** The dependencies every module's factory takes: what boot provides, plus the audit log, the outbox and the stores. */
export function composeDeps(base: BaseDeps): Deps {
  return {
    ...base,
    audit: recordAudit,
    emit,
    withdraw,
    files: base.files ?? createFileStore(base.config),
    blobs: base.blobs ?? createBlobStore(base.config),
  };
}

/** What the workspaces module is told by the modules that hold those rules. */
export const workspaceHooks = { baseCurrencyChanged: rebaseDeals, passwordSignInRefusedBy: ssoOnlyWorkspaceOf };
