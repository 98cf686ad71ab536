import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Member } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { peopleApi, type MemberFilters } from '../api/people.api.ts';

export const membersKey = (slug: string) => wsKey(slug, 'members');

/** One page of members per request, with "Load more" following the cursor. */
export function useMemberPages(slug: string, filters: Omit<MemberFilters, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: [...membersKey(slug), 'pages', filters],
    queryFn: ({ pageParam }) => peopleApi.members(slug, { ...filters, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}

/** Everyone in the workspace, for pickers (team members, audit actor). Follows cursors. */
export function useAllMembers(slug: string, options: { activeOnly?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...membersKey(slug), 'all', options.activeOnly ?? false],
    enabled: options.enabled ?? true,
    queryFn: async () => {
      const all: Member[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 50; page++) {
        const res = await peopleApi.members(slug, {
          limit: 200,
          cursor,
          active: options.activeOnly ? 'true' : undefined,
        });
        all.push(...res.items);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return all;
    },
  });
}

export function useInvitations(slug: string, enabled: boolean) {
  return useQuery({ queryKey: wsKey(slug, 'invitations'), queryFn: () => peopleApi.invitations(slug), enabled });
}
