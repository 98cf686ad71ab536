import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { peopleKeys } from './people.keys.ts';

/**
 * A role or status change shows in the member lists and in the teams (which list each
 * member's role). The teams module builds on this one, so its key is spelled here rather
 * than imported: `wsKey(slug, 'teams')` is the teams module's `teamsKeys.all(slug)`.
 */
export function useUpdateMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: EndpointBody<typeof api.updateMember> & { userId: string }) =>
      call(api.updateMember, { params: { workspace: slug, userId }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.members(slug) });
      await queryClient.invalidateQueries({ queryKey: wsKey(slug, 'teams') });
    },
  });
}

/** A one-time password-reset link for a member (shown once; nothing cached changes). */
export function useIssuePasswordReset(slug: string) {
  return useMutation({
    mutationFn: (userId: string) => call(api.issuePasswordReset, { params: { workspace: slug, userId } }),
  });
}

/** Invites by email; inviting a pending email again replaces its link. */
export function useInvite(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof api.createInvitation>) => call(api.createInvitation, { params: { workspace: slug }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.invitations(slug) }),
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.revokeInvitation, { params: { workspace: slug, id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.invitations(slug) }),
  });
}
