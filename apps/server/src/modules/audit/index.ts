// The audit log: who did what to which record, for admins. Every module adds entries through
// `deps.audit(tx, …)` (this module's recordAudit, passed in at boot), inside the change's transaction.
import type { Deps } from '../../lib/deps.ts';
import { createAuditService, type AuditService } from './audit.service.ts';

export { recordAudit, type AuditRecord, type AuditService } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';

export interface AuditServices {
  audit: AuditService;
}

export function createAuditServices(deps: Deps): AuditServices {
  return { audit: createAuditService(deps) };
}
