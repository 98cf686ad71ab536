import { useQuery } from '@tanstack/react-query';
import { REQUEST_STATUSES } from '@tandem/contracts';
import * as requestsEndpoints from '@tandem/contracts/web-endpoints/requests';
import { call } from '../../../app/api/client.ts';
import { requestsKeys } from './requests.keys.ts';

/** Every status but "merged" (a merged request lives on in the one it was merged into, which carries the deal). */
const SHOWN = REQUEST_STATUSES.filter((s) => s !== 'merged');

/** Requests linked to a deal (by anyone), open ones first in queue order: the deal page's short list. */
export function useDealRequests(slug: string, dealId: string, limit = 10) {
  return useQuery({
    queryKey: [...requestsKeys.queue(slug), 'deal', dealId, limit],
    queryFn: () => call(requestsEndpoints.list, { params: { workspace: slug }, query: { dealId, status: [...SHOWN], limit } }),
  });
}
