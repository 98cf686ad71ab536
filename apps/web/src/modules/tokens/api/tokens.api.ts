import type { ApiToken, CreateApiTokenRequest, CreateApiTokenResponse, ListEnvelope } from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

export const tokensApi = {
  list: (slug: string) => api<ListEnvelope<ApiToken>>(`${wsPath(slug)}/tokens`, { query: { limit: 200 } }),
  create: (slug: string, body: CreateApiTokenRequest) =>
    api<CreateApiTokenResponse>(`${wsPath(slug)}/tokens`, { method: 'POST', body }),
  revoke: (slug: string, tokenId: string) => api<void>(`${wsPath(slug)}/tokens/${tokenId}`, { method: 'DELETE' }),
};
