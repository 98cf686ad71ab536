import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeedbackImportMapping, FeedbackImportPreview, FeedbackImportResult, FeedbackKind, UndoFeedbackImportResponse } from '@tandem/contracts';
import * as feedbackEndpoints from '@tandem/contracts/web-endpoints/feedback';
import { upload, call } from '../../../app/api/client.ts';
import { invalidateFeedback } from './use-feedback.ts';

const params = (slug: string) => ({ workspace: slug });

/** Reads a file's columns and first rows; nothing is imported. */
export function useImportPreview(slug: string, onRead: (preview: FeedbackImportPreview, file: File) => void) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return upload(feedbackEndpoints.importPreview, { params: params(slug) }, form);
    },
    onSuccess: onRead,
  });
}

export interface RunImport {
  file: File;
  mapping: FeedbackImportMapping;
  /** Check every row and write nothing. */
  dryRun: boolean;
  /** Import the valid rows when some are not; off, any invalid row stops the whole import. */
  skipInvalid: boolean;
  /** The kind of rows without one. */
  defaultKind?: FeedbackKind;
}

/** Checks (`dryRun`) or imports a file; a real import refreshes every feedback list and theme. */
export function useRunImport(slug: string, onDone: (result: FeedbackImportResult) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, dryRun, skipInvalid, defaultKind }: RunImport) => {
      const form = new FormData();
      // The server reads the text fields first and the file last.
      form.append('mapping', JSON.stringify(mapping));
      form.append('dryRun', String(dryRun));
      form.append('skipInvalid', String(skipInvalid));
      if (defaultKind) form.append('defaultKind', defaultKind);
      form.append('file', file, file.name);
      return upload(feedbackEndpoints.import, { params: params(slug) }, form);
    },
    onSuccess: (result) => {
      if (!result.dryRun) void invalidateFeedback(queryClient, slug);
      onDone(result);
    },
  });
}

/** Deletes every item an import created. */
export function useUndoImport(slug: string, onUndone: (result: UndoFeedbackImportResponse) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) => call(feedbackEndpoints.undoImport, { params: { workspace: slug, batchId } }),
    onSuccess: (result) => {
      void invalidateFeedback(queryClient, slug);
      onUndone(result);
    },
  });
}
