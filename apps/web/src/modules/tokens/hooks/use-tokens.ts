import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { tokensKeys } from './tokens.keys.ts';

export function useTokens(slug: string) {
  return useQuery({ queryKey: tokensKeys.mine(slug), queryFn: () => call(api.listTokens, { params: { workspace: slug } }) });
}

/** Creates a token; the answer carries its secret, shown once. */
export function useCreateToken(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof api.createToken>) => call(api.createToken, { params: { workspace: slug }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.mine(slug) }),
  });
}

export function useRevokeToken(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => call(api.revokeToken, { params: { workspace: slug, tokenId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKeys.mine(slug) }),
  });
}
