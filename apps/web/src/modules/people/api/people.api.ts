import type {
  CreateInvitationRequest,
  CreateInvitationResponse,
  Invitation,
  LinkResponse,
  ListEnvelope,
  Member,
  Role,
  UpdateMemberRequest,
} from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

export interface MemberFilters {
  q?: string;
  role?: Role;
  active?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

export const peopleApi = {
  members: (slug: string, filters: MemberFilters = {}) =>
    api<ListEnvelope<Member>>(`${wsPath(slug)}/members`, { query: { ...filters } }),
  updateMember: (slug: string, userId: string, body: UpdateMemberRequest) =>
    api<Member>(`${wsPath(slug)}/members/${userId}`, { method: 'PATCH', body }),
  passwordResetLink: (slug: string, userId: string) =>
    api<LinkResponse>(`${wsPath(slug)}/members/${userId}/password-reset`, { method: 'POST' }),
  invitations: (slug: string) => api<ListEnvelope<Invitation>>(`${wsPath(slug)}/invitations`, { query: { limit: 200 } }),
  invite: (slug: string, body: CreateInvitationRequest) =>
    api<CreateInvitationResponse>(`${wsPath(slug)}/invitations`, { method: 'POST', body }),
  revokeInvitation: (slug: string, id: string) =>
    api<void>(`${wsPath(slug)}/invitations/${id}`, { method: 'DELETE' }),
};
