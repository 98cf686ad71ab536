import { useMutation } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';

/** Saves name or time zone; the caller re-reads the session, which carries them. */
export function useUpdateProfile() {
  return useMutation({ mutationFn: (body: EndpointBody<typeof api.updateProfile>) => call(api.updateProfile, { body }) });
}

/** Changes the password (the person's other sessions end). */
export function useChangePassword() {
  return useMutation({ mutationFn: (body: EndpointBody<typeof api.changePassword>) => call(api.changePassword, { body }) });
}

/** Asks to change the sign-in email (needs the password); the change waits for the link sent to the new address. */
export function useChangeEmail() {
  return useMutation({ mutationFn: (body: EndpointBody<typeof api.changeEmail>) => call(api.changeEmail, { body }) });
}
