import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import type { Member, Role } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { peopleKeys, type MemberFilters } from './people.keys.ts';

const members = (slug: string, query: MemberFilters & { cursor?: string }) =>
  call(api.listMembers, { params: { workspace: slug }, query });

/** One page of members per request, with "Load more" following the cursor. */
export function useMemberPages(slug: string, filters: MemberFilters) {
  return useInfiniteQuery({
    queryKey: peopleKeys.memberPages(slug, filters),
    queryFn: ({ pageParam }) => members(slug, { ...filters, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}

/** Everyone in the workspace, for pickers (team members, audit actor). Follows cursors. */
export function useAllMembers(slug: string, options: { activeOnly?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: peopleKeys.allMembers(slug, options.activeOnly ?? false),
    enabled: options.enabled ?? true,
    queryFn: async () => {
      const all: Member[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const res = await members(slug, { limit: 200, cursor, active: options.activeOnly ? 'true' : undefined });
        all.push(...res.items);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return all;
    },
  });
}

/** How many people the workspace has (active or not): the list's total, from a one-row page. */
export function useMemberCount(slug: string) {
  return useQuery({ queryKey: peopleKeys.memberCount(slug), queryFn: () => members(slug, { limit: 1 }) });
}

/** How many active people hold each role, one query per role (in the order given). */
export function useActiveMemberCounts(slug: string, roles: readonly Role[]) {
  return useQueries({
    queries: roles.map((role) => ({
      queryKey: peopleKeys.activeCount(slug, role),
      queryFn: () => members(slug, { role, active: 'true', limit: 1 }),
    })),
  });
}

export function useInvitations(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.invitations(slug),
    queryFn: () => call(api.listInvitations, { params: { workspace: slug } }),
    enabled,
  });
}
