import type {
  AddThemeLinkRequest,
  ChangeThemeStatusRequest,
  CreateThemeRequest,
  FeedbackItem,
  FeedbackList,
  FeedbackResponseMetrics,
  ThemeDetail,
  ThemeList,
  ThemeListQuery,
  ThemeStatus,
  ThemeSuggestionList,
  UpdateThemeRequest,
} from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

/** What the theme board is filtered and sorted by (the API's names). */
export interface ThemeBoardParams {
  status: ThemeStatus[];
  q?: string;
  sort: ThemeListQuery['sort'];
}

/** `status` repeats (`?status=new&status=planned`), which the shared client's flat query cannot say. */
function themeQuery({ status, q, sort }: ThemeBoardParams): string {
  const params = new URLSearchParams();
  for (const s of status) params.append('status', s);
  if (q) params.set('q', q);
  params.set('sort', sort);
  return `?${params.toString()}`;
}

const ws = (slug: string, rest: string) => `${wsPath(slug)}/${rest}`;
const theme = (slug: string, themeId: string, rest = '') => ws(slug, `themes/${encodeURIComponent(themeId)}${rest}`);

/** Themes, their triage (status, response, links, merge, split) and suggested themes. */
export const themesApi = {
  list: (slug: string, params: ThemeBoardParams) => api<ThemeList>(ws(slug, `themes${themeQuery(params)}`)),
  create: (slug: string, body: CreateThemeRequest) => api<ThemeDetail>(ws(slug, 'themes'), { method: 'POST', body }),
  get: (slug: string, themeId: string) => api<ThemeDetail>(theme(slug, themeId)),
  update: (slug: string, themeId: string, body: UpdateThemeRequest) =>
    api<ThemeDetail>(theme(slug, themeId), { method: 'PATCH', body }),
  changeStatus: (slug: string, themeId: string, body: ChangeThemeStatusRequest) =>
    api<ThemeDetail>(theme(slug, themeId, '/status'), { method: 'POST', body }),
  addLink: (slug: string, themeId: string, body: AddThemeLinkRequest) =>
    api<ThemeDetail>(theme(slug, themeId, '/links'), { method: 'POST', body }),
  removeLink: (slug: string, themeId: string, linkId: string) =>
    api<ThemeDetail>(theme(slug, themeId, `/links/${encodeURIComponent(linkId)}`), { method: 'DELETE' }),
  /** Merges the sources into `themeId`, which answers. */
  merge: (slug: string, themeId: string, sourceThemeIds: string[]) =>
    api<ThemeDetail>(theme(slug, themeId, '/merge'), { method: 'POST', body: { sourceThemeIds } }),
  /** Moves the items out into a new theme, which answers. */
  split: (slug: string, themeId: string, body: { name: string; itemIds: string[] }) =>
    api<ThemeDetail>(theme(slug, themeId, '/split'), { method: 'POST', body }),
  follow: (slug: string, themeId: string) => api<{ following: boolean }>(theme(slug, themeId, '/follow'), { method: 'POST' }),
  unfollow: (slug: string, themeId: string) => api<{ following: boolean }>(theme(slug, themeId, '/follow'), { method: 'DELETE' }),

  suggestions: (slug: string) => api<ThemeSuggestionList>(ws(slug, 'theme-suggestions')),
  /** Runs the clustering over untriaged feedback; takes a few seconds. */
  refreshSuggestions: (slug: string) => api<ThemeSuggestionList>(ws(slug, 'theme-suggestions/refresh'), { method: 'POST' }),
  acceptSuggestion: (slug: string, suggestionId: string, body: { name?: string; itemIds?: string[] }) =>
    api<ThemeDetail>(ws(slug, `theme-suggestions/${encodeURIComponent(suggestionId)}/accept`), { method: 'POST', body }),
  discardSuggestion: (slug: string, suggestionId: string) =>
    api<void>(ws(slug, `theme-suggestions/${encodeURIComponent(suggestionId)}/discard`), { method: 'POST' }),

  /** A theme's items (or "none": those waiting for triage), newest first, by cursor. */
  themeItems: (slug: string, themeId: string | 'none', page: { cursor?: string; limit?: number }) =>
    api<FeedbackList>(ws(slug, 'feedback'), { query: { theme: themeId, ...page } }),
  feedbackItem: (slug: string, itemId: string) => api<FeedbackItem>(ws(slug, `feedback/${encodeURIComponent(itemId)}`)),
  /** Into another theme, or back to untriaged with `themeId: null`. */
  moveItems: (slug: string, itemIds: string[], themeId: string | null) =>
    api<{ moved: number }>(ws(slug, 'feedback/move'), { method: 'POST', body: { itemIds, themeId } }),
  metrics: (slug: string) => api<FeedbackResponseMetrics>(ws(slug, 'feedback/metrics')),
};
