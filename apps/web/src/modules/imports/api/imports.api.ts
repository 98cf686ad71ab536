import type { ImportDetail, ImportList, ImportPreview, ImportStartRequest, StageMappingList } from '@tandem/contracts';
import { API_BASE, api, apiUpload, type UploadOptions } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

const importPath = (slug: string, id: string) => `${wsPath(slug)}/imports/${encodeURIComponent(id)}`;

export const importsApi = {
  list: (slug: string, page: { cursor?: string; limit?: number } = {}) =>
    api<ImportList>(`${wsPath(slug)}/imports`, { query: { kind: 'deals', ...page } }),
  get: (slug: string, id: string) => api<ImportDetail>(importPath(slug, id)),

  /** Uploads a file to preview: nothing is imported until `start`. */
  upload: (slug: string, file: File, options: UploadOptions = {}) => {
    const form = new FormData();
    // The server reads the text fields first and the file last.
    form.append('kind', 'deals');
    form.append('start', 'false');
    form.append('file', file, file.name);
    return apiUpload<ImportDetail>(`${wsPath(slug)}/imports`, form, options);
  },
  preview: (slug: string, id: string, body: ImportStartRequest, signal?: AbortSignal) =>
    api<ImportPreview>(`${importPath(slug, id)}/preview`, { method: 'POST', body, signal }),
  start: (slug: string, id: string, body: ImportStartRequest) =>
    api<ImportDetail>(`${importPath(slug, id)}/start`, { method: 'POST', body }),
  undo: (slug: string, id: string) => api<ImportDetail>(`${importPath(slug, id)}/undo`, { method: 'POST' }),
  discard: (slug: string, id: string) => api<void>(importPath(slug, id), { method: 'DELETE' }),
  /** A plain link: the browser downloads it with the session cookie. */
  rejectedCsvUrl: (slug: string, id: string) => `${API_BASE}${importPath(slug, id)}/rejected.csv`,

  /** The workspace's stage mapping, to tell which stages of a file are already known. */
  stageMapping: (slug: string) => api<StageMappingList>(`${wsPath(slug)}/deal-settings/stages`),
};
