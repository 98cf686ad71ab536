import { WorkspaceParam, endpoint, workspaceAnd } from '../endpoint.ts';
import { AcceptSuggestionRequest, AddThemeLinkRequest, ChangeThemeStatusRequest, CreateFeedbackRequest, CreateFeedbackResponse, CreateThemeRequest, FeedbackImportPreview, FeedbackImportResult, FeedbackItem, FeedbackList, FeedbackListQuery, FeedbackResponseMetrics, FollowThemeResponse, MergeThemesRequest, MergeThemesResponse, MoveFeedbackRequest, MoveFeedbackResponse, MyFeedbackSummary, SimilarFeedback, SimilarFeedbackRequest, SplitThemeRequest, ThemeDetail, ThemeList, ThemeListQuery, ThemeSuggestionList, UndoFeedbackImportResponse, UndoThemeStatusRequest, UpdateFeedbackRequest, UpdateThemeRequest } from '../feedback.ts';

/**
 * The feedback module's rows of the endpoint table (see ../endpoint.ts). Imported as a namespace —
 * `import * as feedbackEndpoints from '@tandem/contracts/endpoints/feedback'` — so a web chunk keeps only the rows it calls.
 */
const ItemParam = workspaceAnd('itemId');
const ThemeParam = workspaceAnd('themeId');
const LinkParam = workspaceAnd('themeId', 'linkId');
const MergeParam = workspaceAnd('themeId', 'mergeId');
const SuggestionParam = workspaceAnd('suggestionId');
const BatchParam = workspaceAnd('batchId');
const read = { action: 'feedback.read' } as const;
const write = { action: 'feedback.write' } as const;
const triage = { action: 'feedback.triage' } as const;
const importing = { action: 'feedback.import' } as const;

// Items
export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/feedback',
  summary: 'Feedback, newest first, filtered by kind, competitor, segment, theme, status, submitter',
  tag: 'feedback',
  access: read,
  params: WorkspaceParam,
  query: FeedbackListQuery,
  response: FeedbackList,
});

export const create = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/feedback',
  summary: 'Log feedback; it joins the closest theme when the engine is confident, else waits for triage',
  tag: 'feedback',
  access: write,
  params: WorkspaceParam,
  body: CreateFeedbackRequest,
  status: 201,
  response: CreateFeedbackResponse,
});

export const similar = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/feedback/similar',
  summary: 'Near-duplicates of a text from the last 90 days',
  tag: 'feedback',
  access: write,
  params: WorkspaceParam,
  body: SimilarFeedbackRequest,
  response: SimilarFeedback,
});

export const mySummary = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/feedback/mine/summary',
  summary: 'What happened to the feedback I logged, by theme status',
  tag: 'feedback',
  access: read,
  params: WorkspaceParam,
  response: MyFeedbackSummary,
});

export const metrics = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/feedback/metrics',
  summary: 'Time to acknowledge and share of feedback with a response, per PMM and overall',
  tag: 'feedback',
  access: read,
  params: WorkspaceParam,
  response: FeedbackResponseMetrics,
});

export const move = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/feedback/move',
  summary: 'Move items into a theme, or back to triage (themeId null)',
  tag: 'feedback',
  access: triage,
  params: WorkspaceParam,
  body: MoveFeedbackRequest,
  response: MoveFeedbackResponse,
});

export const get = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/feedback/:itemId',
  summary: 'One feedback item',
  tag: 'feedback',
  access: read,
  params: ItemParam,
  response: FeedbackItem,
});

export const update = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/feedback/:itemId',
  summary: 'Edit feedback (its submitter, or marketing)',
  tag: 'feedback',
  access: write,
  params: ItemParam,
  body: UpdateFeedbackRequest,
  response: FeedbackItem,
});

export const remove = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/feedback/:itemId',
  summary: 'Delete feedback (its submitter, or marketing)',
  tag: 'feedback',
  access: write,
  params: ItemParam,
  status: 204,
});


// Import
export const importPreview = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/feedback/import/preview',
  summary: 'Read a CSV (multipart field `file`): its columns, a suggested mapping, the first 10 rows and the row count; nothing is imported',
  tag: 'feedback',
  access: importing,
  params: WorkspaceParam,
  body: 'multipart',
  response: FeedbackImportPreview,
});

const importFile = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/feedback/import',
  summary:
    'Import feedback from a CSV (multipart: `mapping` JSON, `dryRun`, `skipInvalid`, `defaultKind`, then `file`); with an invalid row and skipInvalid off, or dryRun, nothing is written',
  tag: 'feedback',
  access: importing,
  params: WorkspaceParam,
  body: 'multipart',
  response: FeedbackImportResult,
});

export const undoImport = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/feedback/import/:batchId',
  summary: 'Undo an import: delete every item it created',
  tag: 'feedback',
  access: importing,
  params: BatchParam,
  response: UndoFeedbackImportResponse,
});


// Themes
export const themes = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/themes',
  summary: 'Themes with their metrics, by open pipeline at stake unless sorted otherwise',
  tag: 'themes',
  access: read,
  params: WorkspaceParam,
  query: ThemeListQuery,
  response: ThemeList,
});

export const createTheme = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes',
  summary: 'Create a theme, optionally with items',
  tag: 'themes',
  access: triage,
  params: WorkspaceParam,
  body: CreateThemeRequest,
  status: 201,
  response: ThemeDetail,
});

export const theme = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/themes/:themeId',
  summary: 'A theme with metrics, deals, links and status history',
  tag: 'themes',
  access: read,
  params: ThemeParam,
  response: ThemeDetail,
});

export const updateTheme = endpoint({
  method: 'PATCH',
  path: '/workspaces/:workspace/themes/:themeId',
  summary: 'Rename a theme, describe it, or give it an owner',
  tag: 'themes',
  access: triage,
  params: ThemeParam,
  body: UpdateThemeRequest,
  response: ThemeDetail,
});

export const changeThemeStatus = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/status',
  summary: 'Change the status, with a response every submitter receives',
  tag: 'themes',
  access: triage,
  params: ThemeParam,
  body: ChangeThemeStatusRequest,
  response: ThemeDetail,
});

export const undoThemeStatus = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/status/undo',
  summary: "Undo the newest status change within its undo window; nobody has been told of it yet",
  tag: 'themes',
  access: triage,
  params: ThemeParam,
  body: UndoThemeStatusRequest,
  response: ThemeDetail,
});

export const addThemeLink = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/links',
  summary: 'Link what addressed the theme (a URL or a note)',
  tag: 'themes',
  access: triage,
  params: ThemeParam,
  body: AddThemeLinkRequest,
  response: ThemeDetail,
});

export const removeThemeLink = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/themes/:themeId/links/:linkId',
  summary: 'Remove a link',
  tag: 'themes',
  access: triage,
  params: LinkParam,
  response: ThemeDetail,
});

export const mergeThemes = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/merge',
  summary: 'Merge other themes into this one (items, followers and links move)',
  tag: 'themes',
  access: triage,
  params: ThemeParam,
  body: MergeThemesRequest,
  response: MergeThemesResponse,
});

export const undoMergeThemes = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/merges/:mergeId/undo',
  summary: 'Undo a merge within its undo window: the merged themes come back with exactly the items, followers and links that moved',
  tag: 'themes',
  access: triage,
  params: MergeParam,
  response: ThemeDetail,
});

export const splitTheme = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/split',
  summary: 'Move some items into a new theme',
  tag: 'themes',
  access: triage,
  params: ThemeParam,
  body: SplitThemeRequest,
  status: 201,
  response: ThemeDetail,
});

export const followTheme = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/themes/:themeId/follow',
  summary: 'Follow a theme: hear about its status changes',
  tag: 'themes',
  access: read,
  params: ThemeParam,
  response: FollowThemeResponse,
});

export const unfollowTheme = endpoint({
  method: 'DELETE',
  path: '/workspaces/:workspace/themes/:themeId/follow',
  summary: 'Stop following a theme (also for its submitters)',
  tag: 'themes',
  access: read,
  params: ThemeParam,
  response: FollowThemeResponse,
});


// Suggested themes
export const suggestions = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/theme-suggestions',
  summary: 'Suggested themes from the last run over untriaged feedback',
  tag: 'themes',
  access: triage,
  params: WorkspaceParam,
  response: ThemeSuggestionList,
});

export const refreshSuggestions = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/theme-suggestions/refresh',
  summary: 'Group untriaged feedback again (the clustering engine)',
  tag: 'themes',
  access: triage,
  params: WorkspaceParam,
  response: ThemeSuggestionList,
});

export const acceptSuggestion = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/theme-suggestions/:suggestionId/accept',
  summary: 'Accept a suggested theme, optionally renamed; a weak suggested name (nameIsWeak) needs `name` (else 400 FEEDBACK_SUGGESTION_NAME_NEEDED)',
  tag: 'themes',
  access: triage,
  params: SuggestionParam,
  body: AcceptSuggestionRequest,
  status: 201,
  response: ThemeDetail,
});

export const undoAcceptSuggestion = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/theme-suggestions/:suggestionId/undo',
  summary: 'Undo accepting a suggested theme while its theme is untouched: its items wait for triage again and the suggestion is back',
  tag: 'themes',
  access: triage,
  params: SuggestionParam,
  response: ThemeSuggestionList,
});

export const discardSuggestion = endpoint({
  method: 'POST',
  path: '/workspaces/:workspace/theme-suggestions/:suggestionId/discard',
  summary: 'Discard a suggested theme',
  tag: 'themes',
  access: triage,
  params: SuggestionParam,
  status: 204,
});

/** `import` is a reserved word: declared as importFile, exported under the row's name. */
export { importFile as import };
