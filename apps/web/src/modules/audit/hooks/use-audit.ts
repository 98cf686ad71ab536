import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { auditEndpoints, type AuditListQuery } from '@tandem/contracts';
import { call } from '../../../app/api/client.ts';
import { wsKey } from '../../../app/workspace-context.tsx';

/** What the audit log is filtered by (the API's names). */
export type AuditFilters = Pick<AuditListQuery, 'action' | 'actorUserId' | 'from' | 'to'>;

/** Every audit query of a workspace, so one invalidation reaches them all. */
export const auditKeys = {
  all: (slug: string) => wsKey(slug, 'audit'),
  list: (slug: string, filters: AuditFilters) => [...auditKeys.all(slug), 'list', filters],
  latest: (slug: string, action: string) => [...auditKeys.all(slug), 'latest', action],
};

const params = (slug: string) => ({ workspace: slug });

export function useAuditEntries(slug: string, filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(slug, filters),
    queryFn: ({ pageParam }) =>
      call(auditEndpoints.list, { params: params(slug), query: { ...filters, cursor: pageParam ?? undefined, limit: 50 } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The newest entry of one action (and how many there are), e.g. whether settings were ever saved. */
export function useLatestAuditEntry(slug: string, action: string) {
  return useQuery({
    queryKey: auditKeys.latest(slug, action),
    queryFn: () => call(auditEndpoints.list, { params: params(slug), query: { action, limit: 1 } }),
  });
}
