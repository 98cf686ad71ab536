import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateRequestSettingsRequest } from '@tandem/contracts';
import * as requestsEndpoints from '@tandem/contracts/web-endpoints/requests';
import { call } from '../../../app/api/client.ts';
import { requestsKeys } from './requests.keys.ts';

/** Per-type SLA targets, score weights, the working calendar and the due-soon share, with the defaults. */
export function useRequestSettings(slug: string) {
  return useQuery({
    queryKey: requestsKeys.settings(slug),
    queryFn: () => call(requestsEndpoints.settings, { params: { workspace: slug } }),
  });
}

/** Saves the parts given; new weights or a new calendar change every score, clock and the plan, so all of requests reloads. */
export function useUpdateRequestSettings(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRequestSettingsRequest) => call(requestsEndpoints.updateSettings, { params: { workspace: slug }, body }),
    onSuccess: (data) => {
      qc.setQueryData(requestsKeys.settings(slug), data);
      void qc.invalidateQueries({ queryKey: requestsKeys.all(slug) });
    },
  });
}
