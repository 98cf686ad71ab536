import { z } from 'zod';
import { Uuid } from '../common.ts';

/**
 * The library: the material sales needs (assets, their versions and files), found by search, shared with
 * prospects, weighed against closed deals; and the competitors it is written against. This file holds what
 * every feature of the module shares; each feature's schemas are in `library/<feature>.ts`.
 */

export const ASSET_TYPES = [
  'battlecard',
  'case_study',
  'one_pager',
  'deck',
  'talk_track',
  'email_template',
  'positioning',
  'faq',
  'demo_script',
  'pricing_sheet',
  'other',
] as const;
export const AssetType = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof AssetType>;
export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  battlecard: 'Battlecard',
  case_study: 'Case study',
  one_pager: 'One-pager',
  deck: 'Deck',
  talk_track: 'Talk track',
  email_template: 'Email template',
  positioning: 'Positioning',
  faq: 'FAQ',
  demo_script: 'Demo script',
  pricing_sheet: 'Pricing sheet',
  other: 'Other',
};

/** draft → published → archived (an archived asset may be published again). */
export const ASSET_STATUSES = ['draft', 'published', 'archived'] as const;
export const AssetStatus = z.enum(ASSET_STATUSES);
export type AssetStatus = z.infer<typeof AssetStatus>;
export const ASSET_STATUS_LABELS: Record<AssetStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };

/** The tag facets an asset carries; `competitors` holds competitor ids (records of `competitors`). */
export const TAG_FACETS = ['products', 'segments', 'personas', 'competitors', 'stages', 'regions'] as const;
export const TagFacet = z.enum(TAG_FACETS);
export type TagFacet = z.infer<typeof TagFacet>;
export const TAG_FACET_LABELS: Record<TagFacet, string> = {
  products: 'Products',
  segments: 'Segments',
  personas: 'Personas',
  competitors: 'Competitors',
  stages: 'Deal stages',
  regions: 'Regions',
};

const TagValue = z.string().trim().min(1, 'a tag must not be empty').max(80, 'a tag has at most 80 characters');
const TagList = z.array(TagValue).max(30, 'at most 30 tags per facet');
/** Tags as written by a client: every facet optional. */
export const AssetTagsInput = z.object({
  products: TagList.optional(),
  segments: TagList.optional(),
  personas: TagList.optional(),
  competitors: z.array(Uuid).max(30, 'at most 30 competitors').optional(),
  stages: TagList.optional(),
  regions: TagList.optional(),
});
export type AssetTagsInput = z.infer<typeof AssetTagsInput>;

export const CompetitorRef = z.object({ id: Uuid, name: z.string() });
export type CompetitorRef = z.infer<typeof CompetitorRef>;

/** Tags as read: every facet present; competitors with their names. */
export const AssetTags = z.object({
  products: z.array(z.string()),
  segments: z.array(z.string()),
  personas: z.array(z.string()),
  competitors: z.array(CompetitorRef),
  stages: z.array(z.string()),
  regions: z.array(z.string()),
});
export type AssetTags = z.infer<typeof AssetTags>;

/** Where an asset stands against its review date. */
export const FRESHNESS_STATES = ['fresh', 'due_soon', 'overdue', 'not_published'] as const;
export const Freshness = z.object({
  state: z.enum(FRESHNESS_STATES),
  reviewBy: z.string().nullable().describe('YYYY-MM-DD'),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.object({ userId: Uuid, name: z.string() }).nullable(),
});
export type Freshness = z.infer<typeof Freshness>;

/** An asset as lists, search results, "for this deal" and competitor pages show it. */
export const AssetSummary = z.object({
  id: Uuid,
  title: z.string(),
  type: AssetType,
  status: AssetStatus,
  owner: z.object({ userId: Uuid, name: z.string() }).nullable(),
  tags: AssetTags,
  currentVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  freshness: Freshness,
  /** A short plain-text opening of the body. */
  excerpt: z.string(),
  fileCount: z.number().int(),
  /** The file whose thumbnail stands for the asset (the files feature's thumbnail row builds its URL). */
  thumbnailFileId: Uuid.nullable(),
});
export type AssetSummary = z.infer<typeof AssetSummary>;
