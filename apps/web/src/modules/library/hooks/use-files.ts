import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssetFile } from '@tandem/contracts';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call, endpointUrl, upload } from '../../../app/api/client.ts';
import { errorMessage, isApiError } from '../../../app/api-error.ts';
import { libraryKeys } from './library.keys.ts';

const assetParams = (slug: string, assetId: string) => ({ workspace: slug, assetId });

/** The asset's files, oldest first, with the upload limit and whether the caller may add or remove files. */
export function useAssetFiles(slug: string, assetId: string) {
  return useQuery({
    queryKey: libraryKeys.files(slug, assetId),
    queryFn: () => call(libraryEndpoints.filesList, { params: assetParams(slug, assetId) }),
  });
}

/** Where the browser fetches a file itself: download (attachment), preview (inline) and thumbnail. */
export function assetFileUrls(slug: string, file: AssetFile) {
  const params = { workspace: slug, assetId: file.assetId, fileId: file.id };
  return {
    download: endpointUrl(libraryEndpoints.filesDownload, { params }),
    inline: endpointUrl(libraryEndpoints.filesDownload, { params, query: { inline: '1' } }),
    thumbnail: endpointUrl(libraryEndpoints.filesThumbnail, { params }),
  };
}

export interface FileUpload {
  name: string;
  /** 0–1 */
  progress: number;
  /** Files still waiting behind this one. */
  queued: number;
}

export interface FileRefusal {
  name: string;
  title: string;
  message: string;
}

function tooLarge(name: string, maxBytes: number): FileRefusal {
  const mb = Math.round(maxBytes / 1048576);
  return { name, title: `${name} was not added: it is too large`, message: `The library takes files of up to ${mb} MB. Compress it or split it, then add it again.` };
}

/** What a refusal says in plain words: for a type refused, the server's detail names the file and what it is. */
function refusalOf(file: File, e: unknown, maxBytes: number): FileRefusal {
  if (isApiError(e) && e.status === 413) return tooLarge(file.name, maxBytes);
  if (isApiError(e) && e.status === 415) return { name: file.name, title: `${file.name} was not added: not a type the library takes`, message: errorMessage(e) };
  return { name: file.name, title: `${file.name} was not added`, message: errorMessage(e) };
}

/**
 * Adds files to the asset one after another, with the current one's progress. A file over the limit is refused
 * here at once; each refusal (type, size, anything else) is kept in plain words until the next upload.
 */
export function useUploadAssetFiles(slug: string, assetId: string, maxBytes: number) {
  const qc = useQueryClient();
  const [current, setCurrent] = useState<FileUpload | null>(null);
  const [refusals, setRefusals] = useState<FileRefusal[]>([]);
  const [added, setAdded] = useState<AssetFile[]>([]);
  const abort = useRef<AbortController | null>(null);

  async function send(files: File[]) {
    if (!files.length || abort.current) return;
    setRefusals([]);
    setAdded([]);
    const controller = new AbortController();
    abort.current = controller;
    try {
      for (const [i, file] of files.entries()) {
        if (controller.signal.aborted) break;
        const queued = files.length - i - 1;
        if (file.size > maxBytes) {
          setRefusals((r) => [...r, tooLarge(file.name, maxBytes)]);
          continue;
        }
        setCurrent({ name: file.name, progress: 0, queued });
        try {
          const form = new FormData();
          form.append('file', file, file.name);
          const saved = await upload(libraryEndpoints.filesUpload, { params: assetParams(slug, assetId) }, form, {
            signal: controller.signal,
            onProgress: (sent, total) => setCurrent({ name: file.name, progress: total ? sent / total : 0, queued }),
          });
          setAdded((a) => [...a, saved]);
        } catch (e) {
          if (e instanceof DOMException && e.name === 'AbortError') break;
          setRefusals((r) => [...r, refusalOf(file, e, maxBytes)]);
        }
      }
    } finally {
      abort.current = null;
      setCurrent(null);
      // The asset's file count and thumbnail change with its files, wherever it is listed.
      void qc.invalidateQueries({ queryKey: libraryKeys.asset(slug, assetId) });
      void qc.invalidateQueries({ queryKey: libraryKeys.assets(slug) });
    }
  }

  return {
    send,
    current,
    refusals,
    added,
    cancel: () => abort.current?.abort(),
    dismiss: () => {
      setRefusals([]);
      setAdded([]);
    },
  };
}

export function useRemoveAssetFile(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => call(libraryEndpoints.filesRemove, { params: { ...assetParams(slug, assetId), fileId } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: libraryKeys.asset(slug, assetId) });
      void qc.invalidateQueries({ queryKey: libraryKeys.assets(slug) });
    },
  });
}
