import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportStartRequest } from '@tandem/contracts';
import { isApiError } from '../../../app/api-client.ts';
import { importsApi } from '../api/imports.api.ts';
import { importKey, importsKey } from './use-imports.ts';

/** Start or discard a pending upload. */
export function usePendingImport(slug: string, id: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (body: ImportStartRequest) => importsApi.start(slug, id, body),
    onSuccess: (started) => {
      // The page turns into the progress view at once; polling takes it from there.
      queryClient.setQueryData(importKey(slug, id), started);
      void queryClient.invalidateQueries({ queryKey: [...importsKey(slug), 'list'] });
    },
    onError: (e) => {
      // Started or discarded elsewhere meanwhile: show what it is now.
      if (isApiError(e) && (e.status === 409 || e.status === 404)) void queryClient.invalidateQueries({ queryKey: importKey(slug, id) });
    },
  });
  const discard = useMutation({
    mutationFn: () => importsApi.discard(slug, id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: importKey(slug, id) });
      void queryClient.invalidateQueries({ queryKey: importsKey(slug) });
      navigate(`/w/${slug}/imports`);
    },
  });
  return { start, discard };
}
