import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdatePmmCapacityRequest } from '@tandem/contracts';
import * as requestsEndpoints from '@tandem/contracts/web-endpoints/requests';
import { call } from '../../../app/api/client.ts';
import { requestsKeys } from './requests.keys.ts';

/** Demand against capacity week by week, and the open requests in queue order with the line. */
export function useCapacityView(slug: string, weeks = 8) {
  return useQuery({
    queryKey: [...requestsKeys.capacity(slug), weeks],
    queryFn: () => call(requestsEndpoints.capacity, { params: { workspace: slug }, query: { weeks } }),
  });
}

/** Weekly hours each PMM gives to requests. */
export function usePmmCapacity(slug: string) {
  return useQuery({
    queryKey: [...requestsKeys.capacity(slug), 'people'],
    queryFn: () => call(requestsEndpoints.capacitySettings, { params: { workspace: slug } }),
  });
}

/** Sets weekly hours (people left out keep theirs); the plan, the line and every request's place follow. */
export function useUpdatePmmCapacity(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePmmCapacityRequest) => call(requestsEndpoints.updateCapacitySettings, { params: { workspace: slug }, body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: requestsKeys.all(slug) }),
  });
}
