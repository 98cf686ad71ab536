import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportStartRequest } from '@tandem/contracts';
import * as importsEndpoints from '@tandem/contracts/web-endpoints/imports';
import { call } from '../../../app/api/client.ts';
import { isApiError } from '../../../app/api-error.ts';
import { importsKeys } from './imports.keys.ts';

/** Start or discard a pending upload. */
export function usePendingImport(slug: string, id: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const params = { workspace: slug, importId: id };
  const start = useMutation({
    mutationFn: (body: ImportStartRequest) => call(importsEndpoints.start, { params, body }),
    onSuccess: (started) => {
      // The page turns into the progress view at once; polling takes it from there.
      queryClient.setQueryData(importsKeys.detail(slug, id), started);
      void queryClient.invalidateQueries({ queryKey: importsKeys.list(slug) });
    },
    onError: (e) => {
      // Started or discarded elsewhere meanwhile: show what it is now.
      if (isApiError(e) && (e.status === 409 || e.status === 404)) void queryClient.invalidateQueries({ queryKey: importsKeys.detail(slug, id) });
    },
  });
  const discard = useMutation({
    mutationFn: () => call(importsEndpoints.discard, { params }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: importsKeys.detail(slug, id) });
      void queryClient.invalidateQueries({ queryKey: importsKeys.all(slug) });
      navigate(`/w/${slug}/imports`);
    },
  });
  return { start, discard };
}
