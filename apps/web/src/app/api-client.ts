// TRANSITIONAL: the old path-based client, kept only until every module calls through the
// endpoint table (app/api/client.ts). Delete this file when nothing imports it.
import { send, sendForm, type UploadOptions } from './api/client.ts';

export { ApiError, errorMessage, isApiError } from './api-error.ts';
export { setCsrfToken, setUnauthorizedHandler, type UploadOptions } from './api/client.ts';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  public?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(options.method ?? 'GET', buildUrl(path, options.query), options.body, options.public ?? false, { signal: options.signal });
}

export function apiUpload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return sendForm<T>('POST', buildUrl(path, undefined), form, options);
}
