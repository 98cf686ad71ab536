import { wsKey } from '../../../app/workspace-context.tsx';

/**
 * Every query key of the feedback module. Items, counts, "mine" and the response metrics sit under
 * `feedback`; the board, theme pages and suggested themes under `themes`: a write invalidates one
 * or both prefixes (an import, a move or a logged item changes both).
 */
export const feedbackKeys = {
  /** Every feedback item query of a workspace: lists, counts, single items, "mine", metrics. */
  all: (slug: string) => wsKey(slug, 'feedback'),
  list: (slug: string, filters: object, limit: number) => [...feedbackKeys.all(slug), 'list', filters, limit],
  count: (slug: string, filters: object) => [...feedbackKeys.all(slug), 'count', filters],
  item: (slug: string, itemId: string) => [...feedbackKeys.all(slug), 'item', itemId],
  /** A theme's items, or "none" for those waiting for triage. */
  themeItems: (slug: string, themeId: string) => [...feedbackKeys.all(slug), 'theme-items', themeId],
  similar: (slug: string, text: string) => [...feedbackKeys.all(slug), 'similar', text],
  mine: (slug: string) => [...feedbackKeys.all(slug), 'mine', 'summary'],
  metrics: (slug: string) => [...feedbackKeys.all(slug), 'metrics'],

  /** Every theme query of a workspace: the board, pickers, theme pages and suggested themes. */
  themes: (slug: string) => wsKey(slug, 'themes'),
  themeList: (slug: string, params: object) => [...feedbackKeys.themes(slug), 'list', params],
  theme: (slug: string, themeId: string) => [...feedbackKeys.themes(slug), 'detail', themeId],
  suggestions: (slug: string) => [...feedbackKeys.themes(slug), 'suggestions'],
};
