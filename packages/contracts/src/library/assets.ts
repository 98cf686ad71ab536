import { z } from 'zod';
import { Uuid } from '../common.ts';
import { THEME_STATUSES } from '../feedback.ts';
import { AssetSummary, AssetTagsInput, AssetType } from './common.ts';

/**
 * Schemas of the library's assets feature: writing an asset, its page (the detail), versions and their diff,
 * following, the review clock and the library settings (review days per type). See ./common.ts for what lists share.
 */

const Title = z.string().trim().min(1, 'a title is required').max(200, 'a title has at most 200 characters');
const Body = z.string().max(200_000, 'a body has at most 200,000 characters');
const ChangeNote = z.string().trim().max(500, 'a change note has at most 500 characters');

export const CreateAssetRequest = z.object({
  title: Title,
  type: AssetType,
  body: Body.default(''),
  tags: AssetTagsInput.default({}),
  /** `published` publishes version 1 at once. */
  status: z.enum(['draft', 'published']).default('draft'),
  changeNote: ChangeNote.optional(),
  /** Defaults to the caller; must be a member who may write the library. */
  ownerUserId: Uuid.optional(),
});
export type CreateAssetRequest = z.infer<typeof CreateAssetRequest>;

export const UpdateAssetRequest = z.object({
  title: Title.optional(),
  type: AssetType.optional(),
  body: Body.optional(),
  /** Facets given replace those facets; facets left out stay. */
  tags: AssetTagsInput.optional(),
  ownerUserId: Uuid.optional(),
});
export type UpdateAssetRequest = z.infer<typeof UpdateAssetRequest>;

export const PublishAssetRequest = z.object({ changeNote: ChangeNote.optional() });
export type PublishAssetRequest = z.infer<typeof PublishAssetRequest>;

const Person = z.object({ userId: Uuid, name: z.string() });

/** What the caller may do with this asset (the web app shows only those buttons). */
export const AssetPermissions = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  archive: z.boolean(),
  verify: z.boolean(),
  follow: z.boolean(),
});
export type AssetPermissions = z.infer<typeof AssetPermissions>;

/** A feedback theme that links to this asset (what asked for it). */
export const AssetThemeLink = z.object({ themeId: Uuid, name: z.string(), status: z.enum(THEME_STATUSES) });
export type AssetThemeLink = z.infer<typeof AssetThemeLink>;

export const AssetDetail = AssetSummary.extend({
  /**
   * The Markdown shown: the working copy for people who may edit, the current published version for everyone else.
   */
  body: z.string(),
  /** `body` rendered and sanitized on the server: safe to insert into a page as is. */
  bodyHtml: z.string(),
  /** The version `body` is (null: the working copy). */
  shownVersion: z.number().int().nullable(),
  /** The working copy differs from the current version (title or body): there is something to publish. */
  unpublishedChanges: z.boolean(),
  versions: z.number().int(),
  followers: z.number().int(),
  following: z.boolean(),
  /** The review period of this asset's type, in days. */
  reviewDays: z.number().int(),
  themes: z.array(AssetThemeLink),
  permissions: AssetPermissions,
  createdAt: z.string(),
});
export type AssetDetail = z.infer<typeof AssetDetail>;

export const PublishAssetResponse = z.object({
  asset: AssetDetail,
  /** The version number made (or republished). */
  version: z.number().int(),
  /** Followers told of the new version (not counting the person who published). */
  notified: z.number().int(),
});
export type PublishAssetResponse = z.infer<typeof PublishAssetResponse>;

export const CreateAssetResponse = PublishAssetResponse.extend({ version: z.number().int().nullable() });
export type CreateAssetResponse = z.infer<typeof CreateAssetResponse>;

export const AssetVersion = z.object({
  number: z.number().int(),
  title: z.string(),
  changeNote: z.string().nullable(),
  publishedAt: z.string(),
  publishedBy: Person.nullable(),
});
export type AssetVersion = z.infer<typeof AssetVersion>;

export const AssetVersionList = z.object({ items: z.array(AssetVersion) });
export type AssetVersionList = z.infer<typeof AssetVersionList>;

export const AssetVersionDetail = AssetVersion.extend({ body: z.string(), bodyHtml: z.string() });
export type AssetVersionDetail = z.infer<typeof AssetVersionDetail>;

export const VersionNumber = z.coerce.number().int('a version number is a whole number').min(1, 'versions start at 1').max(1_000_000);

export const AssetDiffQuery = z.object({ from: VersionNumber, to: VersionNumber });
export type AssetDiffQuery = z.infer<typeof AssetDiffQuery>;

export const DiffLine = z.object({
  kind: z.enum(['added', 'removed', 'context']),
  text: z.string(),
  /** Line number in the older body (removed and context lines). */
  oldNumber: z.number().int().nullable(),
  /** Line number in the newer body (added and context lines). */
  newNumber: z.number().int().nullable(),
});
export type DiffLine = z.infer<typeof DiffLine>;

export const DiffHunk = z.object({
  oldStart: z.number().int(),
  oldLines: z.number().int(),
  newStart: z.number().int(),
  newLines: z.number().int(),
  lines: z.array(DiffLine),
});
export type DiffHunk = z.infer<typeof DiffHunk>;

export const AssetDiff = z.object({
  from: z.object({ number: z.number().int(), title: z.string() }),
  to: z.object({ number: z.number().int(), title: z.string() }),
  titleChanged: z.boolean(),
  added: z.number().int(),
  removed: z.number().int(),
  hunks: z.array(DiffHunk),
});
export type AssetDiff = z.infer<typeof AssetDiff>;

export const FollowAssetResponse = z.object({ following: z.boolean(), followers: z.number().int() });
export type FollowAssetResponse = z.infer<typeof FollowAssetResponse>;

export const REVIEW_DAYS_DEFAULT = 90;
const ReviewDays = z.number().int('review days are a whole number').min(1, 'at least 1 day').max(730, 'at most 730 days');

/** Review period per asset type, every type present (defaults filled in). */
export const LibrarySettings = z.object({
  reviewDays: z.record(AssetType, z.number().int()),
  updatedAt: z.string().nullable(),
});
export type LibrarySettings = z.infer<typeof LibrarySettings>;

/** Types given are set; types left out keep their period. */
export const UpdateLibrarySettingsRequest = z.object({ reviewDays: z.partialRecord(AssetType, ReviewDays) });
export type UpdateLibrarySettingsRequest = z.infer<typeof UpdateLibrarySettingsRequest>;

export const PreviewMarkdownRequest = z.object({ body: Body });
export type PreviewMarkdownRequest = z.infer<typeof PreviewMarkdownRequest>;
export const PreviewMarkdownResponse = z.object({ bodyHtml: z.string() });
export type PreviewMarkdownResponse = z.infer<typeof PreviewMarkdownResponse>;
