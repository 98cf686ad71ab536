import type { AuditEntry, ListEnvelope } from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

export const auditApi = {
  list: (slug: string, filters: AuditFilters & { cursor?: string; limit?: number }) =>
    api<ListEnvelope<AuditEntry>>(`${wsPath(slug)}/audit`, { query: { ...filters } }),
};
