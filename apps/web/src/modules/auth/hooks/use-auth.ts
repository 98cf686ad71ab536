import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { authKeys } from './auth.keys.ts';

/** Whether Tandem still needs its first admin (the root page, sign-in and setup ask; main.tsx starts it there). */
export const setupStatusQuery = queryOptions({ queryKey: authKeys.setupStatus, queryFn: () => call(api.setupStatus, {}) });

export function useSetupStatus(options: { enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({ ...setupStatusQuery, ...options });
}

/** First run: creates the admin and the first workspace; answers the new session. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof api.setup>) => call(api.setup, { body }),
    onSuccess: () => queryClient.setQueryData(authKeys.setupStatus, { needsSetup: false }),
  });
}

export function useLogin() {
  return useMutation({ mutationFn: (body: EndpointBody<typeof api.login>) => call(api.login, { body }) });
}

export function useLogout() {
  return useMutation({ mutationFn: () => call(api.logout, {}) });
}

/** What an invitation link is for; a refused link is final, so no retries. */
export function useInvitationPreview(token: string) {
  return useQuery({ queryKey: authKeys.invitation(token), queryFn: () => call(api.invitationPreview, { params: { token } }), retry: false });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: EndpointBody<typeof api.acceptInvitation>) => call(api.acceptInvitation, { params: { token }, body }),
  });
}

/** Whose password a reset link is for; a refused link is final, so no retries. */
export function usePasswordResetPreview(token: string) {
  return useQuery({
    queryKey: authKeys.passwordReset(token),
    queryFn: () => call(api.passwordResetPreview, { params: { token } }),
    retry: false,
  });
}

export function useCompletePasswordReset(token: string) {
  return useMutation({
    mutationFn: (password: string) => call(api.completePasswordReset, { params: { token }, body: { password } }),
  });
}

/** Confirms a change of sign-in email with the link sent to the new address (once). */
export function useConfirmEmailChange(token: string) {
  return useMutation({ mutationFn: () => call(api.confirmEmailChange, { params: { token } }) });
}
