import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdatePreferences } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/notifications';
import { call } from '../../../app/api/client.ts';
import { notificationsKeys as keys } from './notifications.keys.ts';

const params = (slug: string) => ({ workspace: slug });

/** My channels per event type (and my time zone, for the digest hour). */
export function usePreferences(slug: string) {
  return useQuery({ queryKey: keys.preferences(slug), queryFn: () => call(api.preferences, { params: params(slug) }) });
}

/** Saves my choices; the server's answer becomes the cached copy. */
export function useSavePreferences(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePreferences) => call(api.updatePreferences, { params: params(slug), body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.preferences(slug), saved);
    },
  });
}
