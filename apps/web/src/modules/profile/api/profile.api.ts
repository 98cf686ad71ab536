import type { ChangePasswordRequest, UpdateProfileRequest, User } from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';

export const profileApi = {
  update: (body: UpdateProfileRequest) => api<User>('/me', { method: 'PATCH', body }),
  changePassword: (body: ChangePasswordRequest) => api<{ ok: true }>('/me/password', { method: 'POST', body }),
};
