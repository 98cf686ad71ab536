import type { EndpointDef, EndpointInput, EndpointResponse, Problem } from '@tandem/contracts';
import { endpointPath, endpointQueryString } from '@tandem/contracts/endpoint-path';
import { ApiError } from '../api-error.ts';

/**
 * The one way the web app talks to the API: `call(endpoint, input)` with a row of the endpoint
 * table from `@tandem/contracts`. The path, method and whether a 401 means "signed out" come
 * from the row, so no path is written by hand. Only hooks call it; components use hooks.
 */
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Every cookie-authenticated write must carry the session's CSRF token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request answers 401: the session ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const API_BASE = '/api/v1';

/** The URL of an endpoint, e.g. for a download link the browser follows itself. */
export function endpointUrl<E extends EndpointDef>(e: E, input: EndpointInput<E>): string {
  const { params, query } = input as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return `${API_BASE}${endpointPath(e.path, params)}${endpointQueryString(query)}`;
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: res.statusText || 'Request failed',
    status: res.status,
    code: `HTTP_${res.status}`,
    detail: `The server answered ${res.status} ${res.statusText}.`.replace(/ \./, '.'),
  };
  try {
    const body = (await res.json()) as Partial<Problem>;
    if (body && typeof body === 'object' && typeof body.title === 'string') {
      return { ...fallback, ...body, status: body.status ?? res.status } as Problem;
    }
  } catch {
    // not JSON: keep the fallback
  }
  return fallback;
}

async function readResponse<T>(res: Response, isPublic: boolean): Promise<T> {
  if (res.status === 204) return undefined as T;
  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !isPublic && onUnauthorized) onUnauthorized();
    throw new ApiError(problem);
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const networkError = (detail: string) =>
  new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK_ERROR', detail });

export interface CallOptions {
  signal?: AbortSignal;
}

/** One JSON request: the CSRF token on writes, problem+json errors as ApiError. */
export async function send<T>(method: string, url: string, body: unknown, isPublic: boolean, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal: options.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError('Could not reach the Tandem server. Check your connection and try again.');
  }
  return readResponse<T>(res, isPublic);
}

/** Calls an endpoint; answers its response body, or throws an ApiError (problem+json). */
export function call<E extends EndpointDef>(e: E, input: EndpointInput<E>, options: CallOptions = {}): Promise<EndpointResponse<E>> {
  return send(e.method, endpointUrl(e, input), (input as { body?: unknown }).body, e.access === 'public', options);
}

export interface UploadOptions {
  /** Bytes sent so far and the total, as the upload goes. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends multipart/form-data to an endpoint whose body is `'multipart'`, with the CSRF token.
 * XMLHttpRequest rather than fetch, because only it reports upload progress (a 150 MB export
 * takes a while). The browser sets the Content-Type with the multipart boundary itself.
 */
export function upload<E extends EndpointDef & { body: 'multipart' }>(
  e: E,
  input: Omit<EndpointInput<E>, 'body'>,
  form: FormData,
  options: UploadOptions = {},
): Promise<EndpointResponse<E>> {
  return sendForm(e.method, endpointUrl(e, input as EndpointInput<E>), form, options);
}

export function sendForm<T>(method: string, url: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (ev) => options.onProgress?.(ev.loaded, ev.total);
    xhr.onload = () => {
      // The same reading as fetch's, so errors become the same ApiError.
      const body = xhr.status === 204 ? null : xhr.responseText;
      const res = new Response(body, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      });
      readResponse<T>(res, false).then(resolve, reject);
    };
    xhr.onerror = () => reject(networkError('The upload did not reach the Tandem server. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
