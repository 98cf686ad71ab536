import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TouchpointImportMapping, TouchpointImportPreset, TouchpointImportPreview, TouchpointImportResult } from '@tandem/contracts';
import * as attributionEndpoints from '@tandem/contracts/web-endpoints/attribution';
import { upload } from '../../../app/api/client.ts';
import { attributionKeys } from './attribution.keys.ts';

/** Reads a touchpoint CSV's columns, the preset it looks like and its first rows; nothing is imported. */
export function useTouchpointPreview(slug: string, onRead: (preview: TouchpointImportPreview, file: File) => void) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload(attributionEndpoints.importPreview, { params: { workspace: slug } }, form);
    },
    onSuccess: onRead,
  });
}

export interface RunTouchpointImport {
  file: File;
  mapping: TouchpointImportMapping;
  preset: TouchpointImportPreset;
  source: string;
}

/** Imports the file as mapped; the attribution views refetch (the changed deals are recomputed within five minutes). */
export function useRunTouchpointImport(slug: string, onDone: (result: TouchpointImportResult) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, preset, source }: RunTouchpointImport) => {
      const form = new FormData();
      // The server reads the text fields first and the file last.
      form.append('mapping', JSON.stringify(mapping));
      form.append('preset', preset);
      form.append('source', source);
      form.append('file', file, file.name);
      return upload(attributionEndpoints.importTouchpoints, { params: { workspace: slug } }, form);
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: attributionKeys.all(slug) });
      onDone(result);
    },
  });
}
