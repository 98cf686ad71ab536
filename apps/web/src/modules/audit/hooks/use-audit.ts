import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import * as auditEndpoints from '@tandem/contracts/web-endpoints/audit';
import { call } from '../../../app/api/client.ts';
import { auditKeys, type AuditFilters } from './audit.keys.ts';

export type { AuditFilters };

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
