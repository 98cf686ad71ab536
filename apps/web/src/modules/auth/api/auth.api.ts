import type {
  AcceptInvitationRequest,
  InvitationPreview,
  LoginRequest,
  SessionResponse,
  SetupRequest,
} from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';

export const setupStatusKey = ['setup-status'] as const;

export const authApi = {
  setupStatus: () => api<{ needsSetup: boolean }>('/setup', { public: true }),
  setup: (body: SetupRequest) => api<SessionResponse>('/setup', { method: 'POST', body, public: true }),
  login: (body: LoginRequest) => api<SessionResponse>('/auth/login', { method: 'POST', body, public: true }),
  logout: () => api<{ ok: true }>('/auth/logout', { method: 'POST', public: true }),
  invitation: (token: string) => api<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`, { public: true }),
  acceptInvitation: (token: string, body: AcceptInvitationRequest) =>
    api<SessionResponse>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body, public: true }),
  passwordReset: (token: string) =>
    api<{ email: string; name: string }>(`/password-resets/${encodeURIComponent(token)}`, { public: true }),
  completePasswordReset: (token: string, password: string) =>
    api<SessionResponse>(`/password-resets/${encodeURIComponent(token)}`, {
      method: 'POST',
      body: { password },
      public: true,
    }),
};
