import type { AuditListQuery } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';

/** What the audit log is filtered by (the API's names). */
export type AuditFilters = Pick<AuditListQuery, 'action' | 'actorUserId' | 'from' | 'to'>;

/** Every audit query of a workspace, so one invalidation reaches them all. */
export const auditKeys = {
  all: (slug: string) => wsKey(slug, 'audit'),
  list: (slug: string, filters: AuditFilters) => [...auditKeys.all(slug), 'list', filters],
  latest: (slug: string, action: string) => [...auditKeys.all(slug), 'latest', action],
};
