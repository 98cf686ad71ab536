import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { deals } from '../deals/tables.ts';
import { memberships, workspaces } from '../workspaces/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ASSET_TYPE_VALUES = [
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
export const ASSET_STATUS_VALUES = ['draft', 'published', 'archived'] as const;
export const USAGE_KIND_VALUES = ['viewed', 'downloaded', 'copied', 'shared', 'share_opened', 'attached'] as const;

/** A competitor the company sells against; feedback's competitor text and deals' competitor lists resolve to it by name or alias. */
export const competitors = pgTable(
  'competitors',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** Other spellings that mean this competitor ("SNOW", "Snowflake Inc."). */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    /** The name and aliases normalised (lower case, letters and digits only, company suffixes dropped): what texts match. */
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    website: text('website'),
    description: text('description'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('competitors_name_key').on(t.workspaceId, sql`lower(${t.name})`),
    index('competitors_match_keys_idx').using('gin', t.matchKeys),
  ],
);

/** A piece of material: its working copy (title, body, tags) and where it stands; each publish is an `asset_versions` row. */
export const assets = pgTable(
  'assets',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    type: text('type', { enum: ASSET_TYPE_VALUES }).notNull(),
    status: text('status', { enum: ASSET_STATUS_VALUES }).notNull().default('draft'),
    /** Markdown, the working copy; a publish freezes it into a version. */
    body: text('body').notNull().default(''),
    ownerUserId: uuid('owner_user_id'),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    segments: text('segments').array().notNull().default(sql`'{}'::text[]`),
    personas: text('personas').array().notNull().default(sql`'{}'::text[]`),
    stages: text('stages').array().notNull().default(sql`'{}'::text[]`),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    competitorIds: uuid('competitor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Every tag value and competitor name, space-separated: the middle weight of search (the service keeps it; `asset_search` reads it). */
    tagText: text('tag_text').notNull().default(''),
    /** The newest published version's number; null before the first publish. */
    currentVersion: integer('current_version'),
    publishedAt: ts('published_at'),
    /** When the material must be checked again; overdue after it. */
    reviewBy: date('review_by', { mode: 'string' }),
    verifiedAt: ts('verified_at'),
    verifiedByUserId: uuid('verified_by_user_id'),
    /** The last day the owner was reminded that the review is due (the daily job reminds once a day at most). */
    reviewRemindedOn: date('review_reminded_on', { mode: 'string' }),
    archivedAt: ts('archived_at'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('assets_status_idx').on(t.workspaceId, t.status, t.updatedAt),
    index('assets_review_idx').on(t.workspaceId, t.reviewBy).where(sql`${t.status} = 'published'`),
    index('assets_competitors_idx').using('gin', t.competitorIds),
  ],
);

/**
 * What library search reads of each asset, kept beside it (migration 0009): the columns search filters, counts and
 * scores by, and the text vectors, in a narrow heap (the body stays in `assets`; the body-sized `search_vector` is
 * moved out of line by the table's storage settings), so matching, counting and facets read a few pages per
 * hundred candidates instead of every candidate's page of the 170 MB assets heap. Never written by the
 * application: triggers on `assets` keep it in step with every insert and update (in the same statement), and a
 * deleted asset takes its row along (cascade).
 */
export const assetSearch = pgTable(
  'asset_search',
  {
    workspaceId: workspaceId(),
    assetId: uuid('asset_id').notNull(),
    status: text('status', { enum: ASSET_STATUS_VALUES }).notNull(),
    type: text('type', { enum: ASSET_TYPE_VALUES }).notNull(),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id'),
    reviewBy: date('review_by', { mode: 'string' }),
    updatedAt: ts('updated_at').notNull(),
    products: text('products').array().notNull(),
    segments: text('segments').array().notNull(),
    personas: text('personas').array().notNull(),
    stages: text('stages').array().notNull(),
    regions: text('regions').array().notNull(),
    competitorIds: uuid('competitor_ids').array().notNull(),
    /** Title (weight A), `tag_text` (B) and body (C), `english`: what the words match. Out of line (toasted). */
    searchVector: tsvector('search_vector').notNull(),
    /** The title's and the tags' words alone (small, in line): a title or tag match without reading `search_vector`. */
    titleVector: tsvector('title_vector').notNull(),
    tagVector: tsvector('tag_vector').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.assetId] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
    index('asset_search_vector_idx').using('gin', t.searchVector),
    index('asset_search_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    // The title and tag tiers of a ranked page (search.repository.ts, tieredTop): 1–2 MB each at 100,000 assets.
    index('asset_search_title_vector_idx').using('gin', t.titleVector),
    index('asset_search_tag_vector_idx').using('gin', t.tagVector),
    // The competitor pages' material (competitors.repository.ts, taggedAssets), read through library_search_rows:
    // under row-level security assets_competitors_idx cannot answer `@>`, and the page read the whole assets heap.
    index('asset_search_competitors_idx').using('gin', t.competitorIds),
  ],
);

/**
 * How many times each workspace's library changed (migration 0009: bumped by the same triggers, once per statement
 * that inserts, updates or deletes assets): search keeps counts per query until it changes, and reads it by key.
 */
export const assetSearchStamps = pgTable('asset_search_stamps', {
  workspaceId: workspaceId().primaryKey(),
  changes: bigint('changes', { mode: 'number' }).notNull().default(0),
});

/** One publish of an asset: the body and title as they were, with the change note. */
export const assetVersions = pgTable(
  'asset_versions',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    assetId: uuid('asset_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    changeNote: text('change_note'),
    publishedByUserId: uuid('published_by_user_id'),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('asset_versions_number_key').on(t.workspaceId, t.assetId, t.number),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
  ],
);

/** A file attached to an asset, checked by content, stored by key in the file store (local or S3). */
export const assetFiles = pgTable(
  'asset_files',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    assetId: uuid('asset_id').notNull(),
    fileName: text('file_name').notNull(),
    /** The media type read from the content (never from the name). */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** A PNG of a PDF's first page (or a scaled image), when one could be made. */
    thumbnailKey: text('thumbnail_key'),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
    index('asset_files_asset_idx').on(t.workspaceId, t.assetId),
  ],
);

/** People who hear of an asset's new versions. */
export const assetFollowers = pgTable(
  'asset_followers',
  {
    workspaceId: workspaceId(),
    assetId: uuid('asset_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.assetId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** A public link to an asset's current published version, usually for one deal. Only the token's hash is kept. */
export const shareLinks = pgTable(
  'share_links',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    assetId: uuid('asset_id').notNull(),
    dealId: uuid('deal_id'),
    tokenHash: text('token_hash').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    revokedByUserId: uuid('revoked_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('share_links_token_key').on(t.tokenHash),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
    // `on delete set null (deal_id)`, written by hand in migration 0007: an undone CRM import keeps the link.
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('set null'),
    index('share_links_asset_idx').on(t.workspaceId, t.assetId),
  ],
);

/** Each open of a share link: when, and an anonymised visitor (a keyed hash of address and browser, never the address). */
export const shareOpens = pgTable(
  'share_opens',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    shareLinkId: uuid('share_link_id').notNull(),
    visitorHash: text('visitor_hash').notNull(),
    openedAt: ts('opened_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.shareLinkId], foreignColumns: [shareLinks.workspaceId, shareLinks.id] }).onDelete('cascade'),
    index('share_opens_link_idx').on(t.workspaceId, t.shareLinkId, t.openedAt),
  ],
);

/** What people did with an asset, and for which deal: the base of usage reports and of influence. */
export const assetUsageEvents = pgTable(
  'asset_usage_events',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    assetId: uuid('asset_id').notNull(),
    kind: text('kind', { enum: USAGE_KIND_VALUES }).notNull(),
    /** Null for a share open (the visitor is not a user) and for events from an API client that names nobody. */
    userId: uuid('user_id'),
    dealId: uuid('deal_id'),
    shareLinkId: uuid('share_link_id'),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
    // `on delete set null (deal_id)`, written by hand in migration 0007: the event stays, without its deal.
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.shareLinkId], foreignColumns: [shareLinks.workspaceId, shareLinks.id] }).onDelete('cascade'),
    index('asset_usage_asset_idx').on(t.workspaceId, t.assetId, t.occurredAt),
    index('asset_usage_deal_idx').on(t.workspaceId, t.dealId).where(sql`${t.dealId} is not null`),
    uniqueIndex('asset_usage_attached_key').on(t.workspaceId, t.assetId, t.dealId).where(sql`${t.kind} = 'attached'`),
  ],
);

/** One vote per person per asset: helpful or not, with an optional comment. */
export const assetVotes = pgTable(
  'asset_votes',
  {
    workspaceId: workspaceId(),
    assetId: uuid('asset_id').notNull(),
    userId: uuid('user_id').notNull(),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.assetId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.assetId], foreignColumns: [assets.workspaceId, assets.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** The workspace's library settings: review period per asset type, in days. */
export const librarySettings = pgTable('library_settings', {
  workspaceId: workspaceId().primaryKey(),
  reviewDays: jsonb('review_days').$type<Partial<Record<(typeof ASSET_TYPE_VALUES)[number], number>>>().notNull().default({}),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

