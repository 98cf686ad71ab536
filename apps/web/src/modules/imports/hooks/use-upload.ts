import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportDetail } from '@tandem/contracts';
import * as importsEndpoints from '@tandem/contracts/web-endpoints/imports';
import { upload as uploadForm } from '../../../app/api/client.ts';
import { errorMessage } from '../../../app/api-error.ts';
import { importsKeys } from './imports.keys.ts';

/** The upload limit of a default server (TANDEM_IMPORT_MAX_BYTES); checked here so a big file fails at once. */
export const MAX_UPLOAD_BYTES = 150 * 1024 * 1024;

export interface UploadState {
  file: File;
  /** 0–1 */
  progress: number;
}

/** Sends one file for review; `onUploaded` gets the pending import. */
export function useUpload(slug: string, onUploaded: (detail: ImportDetail) => void) {
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function send(file: File) {
    setError(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(`${file.name} is larger than 150 MB, the upload limit. Export fewer columns, or split the file by close date.`);
      return;
    }
    if (file.size === 0) {
      setError(`${file.name} is empty.`);
      return;
    }
    if (/\.xls$/i.test(file.name)) {
      setError(`${file.name} is an old Excel workbook (.xls). Save it as .xlsx or .csv and upload that.`);
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setUpload({ file, progress: 0 });
    try {
      const form = new FormData();
      // The server reads the text fields first and the file last; nothing is imported until it is started.
      form.append('kind', 'deals');
      form.append('start', 'false');
      form.append('file', file, file.name);
      const detail = await uploadForm(importsEndpoints.upload, { params: { workspace: slug } }, form, {
        signal: abort.signal,
        onProgress: (sent, total) => setUpload({ file, progress: total ? sent / total : 0 }),
      });
      queryClient.setQueryData(importsKeys.detail(slug, detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: importsKeys.all(slug) });
      onUploaded(detail);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(errorMessage(e));
    } finally {
      controller.current = null;
      setUpload(null);
    }
  }

  return {
    upload,
    error,
    send: (file: File) => void send(file),
    cancel: () => controller.current?.abort(),
  };
}
