/**
 * The audit log in the web app: the admins' page of who did what, and the one hook other
 * pages read it through (the home checklist asks whether settings were ever saved).
 */
export { auditKeys } from './hooks/audit.keys.ts';
export { useLatestAuditEntry } from './hooks/use-audit.ts';
