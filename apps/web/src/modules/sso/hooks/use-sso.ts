import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/sso';
import { call } from '../../../app/api/client.ts';
import { ssoKeys } from './sso.keys.ts';

export function useSsoSettings(slug: string) {
  return useQuery({ queryKey: ssoKeys.settings(slug), queryFn: () => call(api.settings, { params: { workspace: slug } }) });
}

export function useSaveSsoSettings(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof api.updateSettings>) => call(api.updateSettings, { params: { workspace: slug }, body }),
    onSuccess: (saved) => queryClient.setQueryData(ssoKeys.settings(slug), saved),
  });
}

/** The workspace's "Sign in with …" button; none (404) when it has no single sign-on on. */
export function useSsoSignInOption(slug: string | null) {
  return useQuery({
    queryKey: ssoKeys.signInOption(slug ?? ''),
    queryFn: () => call(api.signInOption, { params: { slug: slug! } }),
    enabled: !!slug,
    retry: false,
    staleTime: 60_000,
  });
}
