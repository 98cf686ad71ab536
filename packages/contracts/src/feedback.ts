import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid, listEnvelope } from './common.ts';
import { Decimal } from './deals.ts';

/**
 * Field feedback and themes: what reps hear from customers, grouped into themes
 * weighed by the revenue behind them, answered by marketing, with the answer
 * carried back to everyone who reported it.
 */

export const FEEDBACK_KINDS = [
  'pain_point',
  'objection',
  'feature_request',
  'competitor_intel',
  'win_reason',
  'loss_reason',
  'praise',
  'question',
] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  pain_point: 'Pain point',
  objection: 'Objection',
  feature_request: 'Feature request',
  competitor_intel: 'Competitor intel',
  win_reason: 'Win reason',
  loss_reason: 'Loss reason',
  praise: 'Praise',
  question: 'Question',
};

export const FEEDBACK_SOURCES = ['call', 'email', 'meeting', 'crm_note', 'import', 'api'] as const;
export const FeedbackSource = z.enum(FEEDBACK_SOURCES);
export type FeedbackSource = z.infer<typeof FeedbackSource>;
export const FEEDBACK_SOURCE_LABELS: Record<FeedbackSource, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  crm_note: 'CRM note',
  import: 'Import',
  api: 'API',
};

/** new → acknowledged → planned → in progress → addressed | won't address (any step may be revisited). */
export const THEME_STATUSES = ['new', 'acknowledged', 'planned', 'in_progress', 'addressed', 'wont_address'] as const;
export const ThemeStatus = z.enum(THEME_STATUSES);
export type ThemeStatus = z.infer<typeof ThemeStatus>;
export const THEME_STATUS_LABELS: Record<ThemeStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  planned: 'Planned',
  in_progress: 'In progress',
  addressed: 'Addressed',
  wont_address: "Won't address",
};

const Person = z.object({ userId: Uuid, name: z.string() });
/** A day in a response (requests use the calendar-checked IsoDate of common.ts). */
const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date, YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

/**
 * What a theme's fix points at. `url` and `note` exist today; `asset` and `decision`
 * will point at library assets and decisions (targetId) once those modules exist.
 */
export const THEME_LINK_KINDS = ['url', 'note', 'asset', 'decision'] as const;
export const ThemeLinkKind = z.enum(THEME_LINK_KINDS);
export const ThemeLink = z.object({
  id: Uuid,
  kind: ThemeLinkKind,
  title: z.string(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  targetId: Uuid.nullable(),
  createdBy: Person.nullable(),
  createdAt: z.iso.datetime(),
});
export type ThemeLink = z.infer<typeof ThemeLink>;

export const AddThemeLinkRequest = z
  .object({
    kind: z.enum(['url', 'note']).default('url'),
    title: Text(200),
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\/\S+$/i, 'a web address starting with http:// or https://')
      .optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'url' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'a link of kind "url" needs a url' });
    if (v.kind === 'note' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'a link of kind "note" needs a note' });
  });
export type AddThemeLinkRequest = z.infer<typeof AddThemeLinkRequest>;

/** The theme an item belongs to, as item lists show it. */
export const ThemeRef = z.object({ id: Uuid, name: z.string(), status: ThemeStatus });
export type ThemeRef = z.infer<typeof ThemeRef>;

export const FeedbackItem = z.object({
  id: Uuid,
  kind: FeedbackKind,
  text: z.string(),
  quote: z.string().nullable(),
  competitor: z.string().nullable(),
  source: FeedbackSource,
  deal: z.object({ id: Uuid, name: z.string(), stageCategory: z.enum(['open', 'won', 'lost']), amountBase: Decimal.nullable() }).nullable(),
  account: z.object({ id: Uuid, name: z.string(), segment: z.string().nullable() }).nullable(),
  submittedBy: Person.nullable(),
  /** When the customer said it (an import may give an older date); defaults to when it was logged. */
  observedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  theme: ThemeRef.nullable(),
  /** How the item got its theme: a PMM put it there, the engine assigned it (with its confidence), or a suggestion was accepted. */
  assignment: z.object({ by: z.enum(['person', 'auto', 'suggestion']), confidence: z.number().nullable() }).nullable(),
  /** The theme's latest response, as the submitter sees it. */
  response: z.object({ message: z.string(), status: ThemeStatus, at: z.iso.datetime(), by: Person.nullable() }).nullable(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;
export const FeedbackList = listEnvelope(FeedbackItem);
export type FeedbackList = z.infer<typeof FeedbackList>;

const OneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]).optional();

export const FeedbackListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kind: OneOrMany(FeedbackKind),
  competitor: z.string().trim().max(120).optional(),
  segment: z.string().trim().max(120).optional(),
  /** A theme id, or "none" for feedback waiting for triage. */
  theme: z.union([Uuid, z.literal('none')]).optional(),
  status: OneOrMany(ThemeStatus).describe("The status of the item's theme (items without a theme: theme=none)"),
  /** A member's user id, or "me". */
  submittedBy: z.union([Uuid, z.literal('me')]).optional(),
  dealId: Uuid.optional(),
  accountId: Uuid.optional(),
  q: z.string().trim().max(200).optional().describe('Words in the text or the quote'),
  from: z.union([IsoDate, IsoDateTime({ offset: true })]).optional().describe('Observed on or after this day (UTC) or instant'),
  to: z
    .union([IsoDate, IsoDateTime({ offset: true })])
    .optional()
    .describe('Observed on or before this day (UTC), or before this instant (exclusive: the start of the day after, in your time zone)'),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

export const CreateFeedbackRequest = z.object({
  kind: FeedbackKind,
  text: Text(4000),
  quote: z.string().trim().max(4000).optional(),
  dealId: Uuid.optional(),
  accountId: Uuid.optional().describe("Defaults to the deal's account when a deal is given"),
  competitor: z.string().trim().max(120).optional(),
  source: FeedbackSource.optional().describe('Defaults to "call" in the app and "api" with an API token'),
  observedAt: IsoDateTime({ offset: true }).optional(),
  /** "Add yours to it": the near-duplicate this item joins (it takes that item's theme). */
  sameAsId: Uuid.optional(),
});
export type CreateFeedbackRequest = z.infer<typeof CreateFeedbackRequest>;

export const UpdateFeedbackRequest = z
  .object({
    kind: FeedbackKind,
    text: Text(4000),
    quote: z.string().trim().max(4000).nullable(),
    dealId: Uuid.nullable(),
    accountId: Uuid.nullable(),
    competitor: z.string().trim().max(120).nullable(),
    source: FeedbackSource,
  })
  .partial();
export type UpdateFeedbackRequest = z.infer<typeof UpdateFeedbackRequest>;

export const CreateFeedbackResponse = z.object({
  item: FeedbackItem,
  /** Set when the engine put the item into an existing theme on its own. */
  autoAssigned: z.object({ theme: ThemeRef, confidence: z.number() }).nullable(),
});
export type CreateFeedbackResponse = z.infer<typeof CreateFeedbackResponse>;

export const SimilarFeedbackRequest = z.object({ text: Text(4000), excludeId: Uuid.optional() });
export const SimilarFeedback = z.object({
  /** Near-duplicates from the last 90 days, most similar first. */
  items: z.array(FeedbackItem.extend({ similarity: z.number() })),
  /** Distinct people who reported them. */
  reporters: z.number().int(),
});
export type SimilarFeedback = z.infer<typeof SimilarFeedback>;

export const MoveFeedbackRequest = z.object({ itemIds: z.array(Uuid).min(1).max(1000), themeId: Uuid.nullable() });
export const MoveFeedbackResponse = z.object({ moved: z.number().int() });
export type MoveFeedbackResponse = z.infer<typeof MoveFeedbackResponse>;

// ---- Themes ------------------------------------------------------------------

export const ThemeMetrics = z.object({
  items: z.number().int(),
  accounts: z.number().int(),
  submitters: z.number().int(),
  /** Σ base amount of the open deals behind the theme's items, each deal once. */
  openPipeline: Decimal,
  openDeals: z.number().int(),
  lostRevenue: Decimal,
  lostDeals: z.number().int(),
  wonRevenue: Decimal,
  wonDeals: z.number().int(),
  firstSeen: z.iso.datetime().nullable(),
  lastSeen: z.iso.datetime().nullable(),
  topCompetitors: z.array(z.object({ name: z.string(), items: z.number().int() })),
  /** Items per week over the last 12 weeks (Monday starts), oldest first. */
  trend: z.array(z.object({ week: DateString, items: z.number().int() })),
});
export type ThemeMetrics = z.infer<typeof ThemeMetrics>;

export const Theme = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  status: ThemeStatus,
  owner: Person.nullable(),
  response: z.string().nullable(),
  respondedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  metrics: ThemeMetrics,
});
export type Theme = z.infer<typeof Theme>;

export const ThemeStatusChange = z.object({
  id: Uuid,
  from: ThemeStatus.nullable(),
  to: ThemeStatus,
  message: z.string().nullable(),
  by: Person.nullable(),
  at: z.iso.datetime(),
  /** People told about it (each submitter once). */
  notified: z.number().int(),
  /**
   * Until when the change can still be undone: its notifications are held until then, so an undo means nobody
   * was told. Null once that time has passed or for any change but the newest.
   */
  undoUntil: z.iso.datetime().nullable(),
});

export const ThemeDetail = Theme.extend({
  links: z.array(ThemeLink),
  history: z.array(ThemeStatusChange),
  deals: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      account: z.string().nullable(),
      stage: z.string(),
      stageCategory: z.enum(['open', 'won', 'lost']),
      amountBase: Decimal.nullable(),
      closeDate: DateString.nullable(),
      /** "item": an item names the deal; "account": an item names only its account. */
      via: z.enum(['item', 'account']),
    }),
  ),
  kinds: z.array(z.object({ kind: FeedbackKind, items: z.number().int() })),
  subscribers: z.number().int(),
  /** Whether the caller follows the theme (submitters follow it on their own). */
  following: z.boolean(),
  /**
   * Who a status change by the caller would tell, each person once and never the caller: the people who
   * reported items in the theme, and the others who follow it (its owner, people who clicked Follow).
   */
  audience: z.object({ reporters: z.array(Person), followers: z.array(Person) }),
  /** Set when this theme was merged into another (it then shows nothing of its own). */
  mergedInto: ThemeRef.nullable(),
});
export type ThemeDetail = z.infer<typeof ThemeDetail>;

export const THEME_SORTS = ['-openPipeline', '-lostRevenue', '-items', '-lastSeen', 'name'] as const;
export const ThemeListQuery = z.object({
  status: OneOrMany(ThemeStatus),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(THEME_SORTS).default('-openPipeline'),
});
export type ThemeListQuery = z.infer<typeof ThemeListQuery>;
export const ThemeList = z.object({ items: z.array(Theme), total: z.number().int() });
export type ThemeList = z.infer<typeof ThemeList>;

export const CreateThemeRequest = z.object({
  name: Text(120),
  description: z.string().trim().max(2000).optional(),
  itemIds: z.array(Uuid).max(1000).default([]),
});
export type CreateThemeRequest = z.infer<typeof CreateThemeRequest>;

export const UpdateThemeRequest = z
  .object({ name: Text(120), description: z.string().trim().max(2000).nullable(), ownerUserId: Uuid.nullable() })
  .partial();
export type UpdateThemeRequest = z.infer<typeof UpdateThemeRequest>;

export const ChangeThemeStatusRequest = z.object({
  status: ThemeStatus,
  /** What every submitter reads; required for addressed and won't address. */
  message: z.string().trim().max(4000).optional(),
});
export type ChangeThemeStatusRequest = z.infer<typeof ChangeThemeStatusRequest>;
/** Takes back the theme's newest status change while its notifications are still held (see ThemeStatusChange.undoUntil). */
export const UndoThemeStatusRequest = z.object({ changeId: Uuid });
export type UndoThemeStatusRequest = z.infer<typeof UndoThemeStatusRequest>;

/** The usual road of a theme; "won't address" leaves it from any step. */
export const THEME_STATUS_ORDER: readonly ThemeStatus[] = ['new', 'acknowledged', 'planned', 'in_progress', 'addressed'];
/** Whether moving from one status to another goes back along the road (re-opening a closed theme included). */
export function isStepBack(from: ThemeStatus, to: ThemeStatus): boolean {
  if (to === 'wont_address') return false;
  if (from === 'wont_address') return true;
  return THEME_STATUS_ORDER.indexOf(to) < THEME_STATUS_ORDER.indexOf(from);
}

export const MergeThemesRequest = z.object({ sourceThemeIds: z.array(Uuid).min(1).max(50) });
/**
 * The target as it now is, and the merge itself: what moved and until when it can be undone
 * (`POST …/themes/:themeId/merges/:mergeId/undo`). `undoUntil` is null when undo is switched off (TANDEM_UNDO_SECONDS=0).
 */
export const MergeThemesResponse = ThemeDetail.extend({
  merge: z.object({
    id: Uuid,
    /** The themes merged in, as they were. */
    sources: z.array(ThemeRef),
    /** Items that moved into the target. */
    items: z.number().int(),
    undoUntil: z.iso.datetime().nullable(),
  }),
});
export type MergeThemesResponse = z.infer<typeof MergeThemesResponse>;
export const SplitThemeRequest = z.object({ name: Text(120), itemIds: z.array(Uuid).min(1).max(1000) });
/** Whether the caller now follows the theme. */
export const FollowThemeResponse = z.object({ following: z.boolean() });
export type FollowThemeResponse = z.infer<typeof FollowThemeResponse>;

// ---- Suggested themes --------------------------------------------------------

/** Why a suggested name should not be published as it is; the accept form then asks for a name. */
export const SuggestionNameWeakness = z.object({
  code: z.enum(['duplicate', 'keyword-list', 'too-few-words', 'too-long']),
  /** A plain sentence for the person accepting. */
  message: z.string(),
});
export type SuggestionNameWeakness = z.infer<typeof SuggestionNameWeakness>;

export const ThemeSuggestion = z.object({
  id: Uuid,
  /** The proposed name: a short phrase from the texts ("SSO login failures with Okta"), or its keywords when none read well. */
  label: z.string(),
  /** The group's keywords, shown beside the name. */
  keyPhrases: z.array(z.string()),
  /** True when the name is weak (see `nameWeakness`): accepting should ask for a name. */
  nameIsWeak: z.boolean(),
  nameWeakness: SuggestionNameWeakness.nullable(),
  size: z.number().int(),
  /** Three items nearest the centre of the group. */
  representatives: z.array(FeedbackItem),
  itemIds: z.array(Uuid),
  accounts: z.number().int(),
  openPipeline: Decimal,
  createdAt: z.iso.datetime(),
});
export type ThemeSuggestion = z.infer<typeof ThemeSuggestion>;
export const ThemeSuggestionList = z.object({
  items: z.array(ThemeSuggestion),
  /** When the suggestions were computed, and over how many unthemed items. */
  computedAt: z.iso.datetime().nullable(),
  unthemed: z.number().int(),
});
export type ThemeSuggestionList = z.infer<typeof ThemeSuggestionList>;
export const AcceptSuggestionRequest = z.object({ name: Text(120).optional(), itemIds: z.array(Uuid).max(1000).optional() });
export type AcceptSuggestionRequest = z.infer<typeof AcceptSuggestionRequest>;

// ---- Response metrics --------------------------------------------------------

const ResponseStats = z.object({
  items: z.number().int(),
  acknowledged: z.number().int(),
  responded: z.number().int(),
  /** Share of items whose theme answered them, 0–1. */
  responseRate: z.number(),
  /** Median hours from logging to acknowledgement, over items a person acknowledged (not those filed automatically into an acknowledged theme). */
  medianHoursToAcknowledge: z.number().nullable(),
  /** How many items that median is taken over. */
  acknowledgedByPerson: z.number().int(),
});
export const FeedbackResponseMetrics = z.object({
  overall: ResponseStats,
  /** Per PMM: the items whose acknowledgement that person gave. */
  byPerson: z.array(ResponseStats.extend({ person: Person })),
  untriaged: z.number().int(),
});
export type FeedbackResponseMetrics = z.infer<typeof FeedbackResponseMetrics>;

/** "My feedback": the caller's items, with counts by theme status. */
export const MyFeedbackSummary = z.object({
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()).describe('Items by theme status; "untriaged" for items without a theme'),
  withResponse: z.number().int(),
});
export type MyFeedbackSummary = z.infer<typeof MyFeedbackSummary>;

// ---- Bulk import ---------------------------------------------------------------

export const FEEDBACK_IMPORT_FIELDS = ['text', 'kind', 'quote', 'dealId', 'account', 'competitor', 'date', 'submitter', 'source'] as const;
export const FeedbackImportField = z.enum(FEEDBACK_IMPORT_FIELDS);
export type FeedbackImportField = z.infer<typeof FeedbackImportField>;
/** Column header → field; unmapped columns are ignored. */
export const FeedbackImportMapping = z.record(z.string(), FeedbackImportField);
export type FeedbackImportMapping = z.infer<typeof FeedbackImportMapping>;

export const FeedbackImportPreview = z.object({
  columns: z.array(z.string()),
  mapping: FeedbackImportMapping,
  rows: z.array(z.record(z.string(), z.string())),
  totalRows: z.number().int(),
});
export type FeedbackImportPreview = z.infer<typeof FeedbackImportPreview>;

export const FeedbackImportResult = z.object({
  batchId: Uuid.nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), errors: z.array(z.string()) })),
  autoAssigned: z.number().int(),
  dryRun: z.boolean(),
});
export type FeedbackImportResult = z.infer<typeof FeedbackImportResult>;

export const UndoFeedbackImportResponse = z.object({ removed: z.number().int() });
export type UndoFeedbackImportResponse = z.infer<typeof UndoFeedbackImportResponse>;
