// The audit log: who did what to which record, for admins. Every module adds
// entries through recordAudit(), inside the transaction of the change itself.
export { recordAudit, createAuditService, type AuditRecord } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
