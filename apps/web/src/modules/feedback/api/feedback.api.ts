import type {
  CreateFeedbackRequest,
  CreateFeedbackResponse,
  FeedbackImportMapping,
  FeedbackImportPreview,
  FeedbackImportResult,
  FeedbackItem,
  FeedbackKind,
  FeedbackList,
  FeedbackResponseMetrics,
  MyFeedbackSummary,
  SimilarFeedback,
  ThemeStatus,
  UpdateFeedbackRequest,
} from '@tandem/contracts';
import { api, apiUpload, type UploadOptions } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

/** What a feedback list is filtered by, in the API's names. */
export interface FeedbackFilterParams {
  kind?: FeedbackKind[];
  competitor?: string;
  segment?: string;
  /** A theme id, or "none" for feedback waiting for triage. */
  theme?: string;
  status?: ThemeStatus[];
  /** A member's user id, or "me". */
  submittedBy?: string;
  dealId?: string;
  accountId?: string;
  q?: string;
  from?: string;
  to?: string;
}

/** `kind` and `status` repeat (`?kind=objection&kind=praise`), which the shared client's flat query cannot say. */
function listQuery(filters: FeedbackFilterParams, page: { cursor?: string; limit?: number }): string {
  const params = new URLSearchParams();
  for (const k of filters.kind ?? []) params.append('kind', k);
  for (const s of filters.status ?? []) params.append('status', s);
  const flat: Record<string, string | number | undefined> = { ...filters, kind: undefined, status: undefined, ...page };
  for (const [key, value] of Object.entries(flat)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

const fb = (slug: string, rest = '') => `${wsPath(slug)}/feedback${rest}`;
const id = (value: string) => encodeURIComponent(value);

export const feedbackApi = {
  list: (slug: string, filters: FeedbackFilterParams, page: { cursor?: string; limit?: number } = {}) =>
    api<FeedbackList>(fb(slug, listQuery(filters, page))),
  get: (slug: string, itemId: string) => api<FeedbackItem>(fb(slug, `/${id(itemId)}`)),
  create: (slug: string, body: CreateFeedbackRequest) => api<CreateFeedbackResponse>(fb(slug), { method: 'POST', body }),
  update: (slug: string, itemId: string, body: UpdateFeedbackRequest) =>
    api<FeedbackItem>(fb(slug, `/${id(itemId)}`), { method: 'PATCH', body }),
  remove: (slug: string, itemId: string) => api<void>(fb(slug, `/${id(itemId)}`), { method: 'DELETE' }),
  similar: (slug: string, body: { text: string; excludeId?: string }, signal?: AbortSignal) =>
    api<SimilarFeedback>(fb(slug, '/similar'), { method: 'POST', body, signal }),
  mySummary: (slug: string) => api<MyFeedbackSummary>(fb(slug, '/mine/summary')),
  metrics: (slug: string) => api<FeedbackResponseMetrics>(fb(slug, '/metrics')),
  move: (slug: string, body: { itemIds: string[]; themeId: string | null }) =>
    api<{ moved: number }>(fb(slug, '/move'), { method: 'POST', body }),

  /** Reads a file's columns and first rows; nothing is imported. */
  importPreview: (slug: string, file: File, options: UploadOptions = {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiUpload<FeedbackImportPreview>(fb(slug, '/import/preview'), form, options);
  },
  /**
   * Checks (`dryRun`) or imports a file. With invalid rows and `skipInvalid` off, nothing is written.
   * `defaultKind` (rows without a kind) is a field of the route that the contract does not name.
   */
  import: (
    slug: string,
    file: File,
    body: { mapping: FeedbackImportMapping; dryRun: boolean; skipInvalid: boolean; defaultKind?: FeedbackKind },
    options: UploadOptions = {},
  ) => {
    const form = new FormData();
    // The server reads the text fields first and the file last.
    form.append('mapping', JSON.stringify(body.mapping));
    form.append('dryRun', String(body.dryRun));
    form.append('skipInvalid', String(body.skipInvalid));
    if (body.defaultKind) form.append('defaultKind', body.defaultKind);
    form.append('file', file, file.name);
    return apiUpload<FeedbackImportResult>(fb(slug, '/import'), form, options);
  },
  undoImport: (slug: string, batchId: string) => api<{ removed: number }>(fb(slug, `/import/${id(batchId)}`), { method: 'DELETE' }),
};
