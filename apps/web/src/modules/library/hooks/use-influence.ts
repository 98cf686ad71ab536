import { useQuery } from '@tanstack/react-query';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { libraryKeys } from './library.keys.ts';

/** An asset's influence: touched closed deals against untouched ones of the same segments and close quarters. */
export function useInfluence(slug: string, assetId: string) {
  return useQuery({
    queryKey: libraryKeys.influence(slug, assetId),
    queryFn: () => call(libraryEndpoints.influenceGet, { params: { workspace: slug, assetId } }),
    staleTime: 60_000,
  });
}
