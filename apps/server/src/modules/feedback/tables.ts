import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, deals } from '../deals/tables.ts';
import { memberships, workspaces } from '../workspaces/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const FEEDBACK_KIND_VALUES = ['pain_point', 'objection', 'feature_request', 'competitor_intel', 'win_reason', 'loss_reason', 'praise', 'question'] as const;
export const FEEDBACK_SOURCE_VALUES = ['call', 'email', 'meeting', 'crm_note', 'import', 'api'] as const;
export const THEME_STATUS_VALUES = ['new', 'acknowledged', 'planned', 'in_progress', 'addressed', 'wont_address'] as const;
export const ASSIGNED_BY_VALUES = ['person', 'auto', 'suggestion'] as const;

/** A group of feedback about one thing, with the status and response every submitter sees. */
export const themes = pgTable(
  'themes',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status', { enum: THEME_STATUS_VALUES }).notNull().default('new'),
    ownerUserId: uuid('owner_user_id'),
    /** The latest response message, as submitters read it. */
    response: text('response'),
    respondedAt: ts('responded_at'),
    respondedByUserId: uuid('responded_by_user_id'),
    /** A merged theme keeps its row (links to it keep working) and shows nothing of its own. */
    mergedIntoId: uuid('merged_into_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('themes_name_key').on(t.workspaceId, sql`lower(${t.name})`).where(sql`${t.mergedIntoId} is null`),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.mergedIntoId], foreignColumns: [t.workspaceId, t.id] }),
  ],
);

/** One thing a rep heard from a customer. */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: FEEDBACK_KIND_VALUES }).notNull(),
    text: text('text').notNull(),
    quote: text('quote'),
    // The deal and account foreign keys null only their own column when a deal or account is deleted
    // (an undone CRM import): written by hand in migration 0004 as `on delete set null (deal_id)`.
    dealId: uuid('deal_id'),
    accountId: uuid('account_id'),
    competitor: text('competitor'),
    source: text('source', { enum: FEEDBACK_SOURCE_VALUES }).notNull(),
    submittedByUserId: uuid('submitted_by_user_id'),
    /** When the customer said it; an import may give an older date. */
    observedAt: ts('observed_at').notNull().defaultNow(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    themeId: uuid('theme_id'),
    assignedBy: text('assigned_by', { enum: ASSIGNED_BY_VALUES }),
    assignmentConfidence: real('assignment_confidence'),
    /** The near-duplicate the submitter said this is the same as. */
    sameAsId: uuid('same_as_id'),
    importBatchId: uuid('import_batch_id'),
    /** When the item's theme first left "new" while the item was in it, and who moved it. */
    acknowledgedAt: ts('acknowledged_at'),
    acknowledgedByUserId: uuid('acknowledged_by_user_id'),
    /** When the submitter first had a response to read. */
    respondedAt: ts('responded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.themeId], foreignColumns: [themes.workspaceId, themes.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('set null'),
    foreignKey({ columns: [t.workspaceId, t.submittedByUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('feedback_items_observed_idx').on(t.workspaceId, t.observedAt, t.id),
    index('feedback_items_theme_idx').on(t.workspaceId, t.themeId),
    index('feedback_items_deal_idx').on(t.workspaceId, t.dealId).where(sql`${t.dealId} is not null`),
    index('feedback_items_account_idx').on(t.workspaceId, t.accountId).where(sql`${t.accountId} is not null`),
    index('feedback_items_submitter_idx').on(t.workspaceId, t.submittedByUserId, t.observedAt),
    index('feedback_items_import_idx').on(t.workspaceId, t.importBatchId).where(sql`${t.importBatchId} is not null`),
  ],
);

/** Who hears about a theme: each submitter joins on their own; anyone may follow or stop following. */
export const themeFollowers = pgTable(
  'theme_followers',
  {
    workspaceId: workspaceId(),
    themeId: uuid('theme_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** False once the person stopped following: later items of theirs do not sign them up again. */
    following: boolean('following').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.themeId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.themeId], foreignColumns: [themes.workspaceId, themes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

export const themeStatusChanges = pgTable(
  'theme_status_changes',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    themeId: uuid('theme_id').notNull(),
    fromStatus: text('from_status', { enum: THEME_STATUS_VALUES }),
    toStatus: text('to_status', { enum: THEME_STATUS_VALUES }).notNull(),
    message: text('message'),
    changedByUserId: uuid('changed_by_user_id'),
    changedAt: ts('changed_at').notNull().defaultNow(),
    notified: integer('notified').notNull().default(0),
    /** The event that tells the followers; held (not dispatched) until undo_until, so an undo tells nobody. */
    eventId: uuid('event_id'),
    undoUntil: ts('undo_until'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.themeId], foreignColumns: [themes.workspaceId, themes.id] }).onDelete('cascade'),
    index('theme_status_changes_theme_idx').on(t.workspaceId, t.themeId, t.changedAt),
  ],
);

/** What addressed a theme: a URL or a note today; an asset or a decision (target_id) once those modules exist. */
export const themeLinks = pgTable(
  'theme_links',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    themeId: uuid('theme_id').notNull(),
    kind: text('kind', { enum: ['url', 'note', 'asset', 'decision'] }).notNull(),
    title: text('title').notNull(),
    url: text('url'),
    note: text('note'),
    targetId: uuid('target_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.themeId], foreignColumns: [themes.workspaceId, themes.id] }).onDelete('cascade'),
    index('theme_links_theme_idx').on(t.workspaceId, t.themeId),
  ],
);

/** What one merge moved out of one source theme, so an undo can move exactly that back. */
export interface ThemeMergeSource {
  themeId: string;
  name: string;
  /** As the source was when merged (a merged theme cannot change, so undo finds it so). */
  status: (typeof THEME_STATUS_VALUES)[number];
  ownerUserId: string | null;
  /** The items that moved into the target. */
  itemIds: string[];
  /** Its links (theme_links), all moved: links have no key that could already exist on the target. */
  linkIds: string[];
  /** Its followers who were not following the target before: the merge signed them up. */
  followersAdded: string[];
  /** Its followers the target already had (left as they are by an undo, unless the merge stopped them). */
  followersAlreadyThere: string[];
}

/**
 * One merge of themes into a target, kept so it can be undone within the undo window (TANDEM_UNDO_SECONDS):
 * per source what moved, and the target's follower rows the merge created or switched off.
 */
export const themeMerges = pgTable(
  'theme_merges',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    /** The target: the theme the sources were merged into. */
    themeId: uuid('theme_id').notNull(),
    sources: jsonb('sources').$type<ThemeMergeSource[]>().notNull(),
    /** Target followers that existed and were following, and that the merge stopped (a stop on a source wins). */
    followersStopped: uuid('followers_stopped').array().notNull(),
    mergedByUserId: uuid('merged_by_user_id'),
    /** Also the mark the merge left on the items it acknowledged or answered (undo clears marks of this instant). */
    mergedAt: ts('merged_at').notNull().defaultNow(),
    undoUntil: ts('undo_until'),
    undoneAt: ts('undone_at'),
    undoneByUserId: uuid('undone_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.themeId], foreignColumns: [themes.workspaceId, themes.id] }).onDelete('cascade'),
    index('theme_merges_theme_idx').on(t.workspaceId, t.themeId, t.mergedAt),
  ],
);

/** A group the clustering engine found among untriaged feedback, waiting for a PMM. */
export const themeSuggestions = pgTable(
  'theme_suggestions',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    label: text('label').notNull(),
    keyPhrases: text('key_phrases').array().notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    representativeIds: uuid('representative_ids').array().notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'discarded'] }).notNull().default('pending'),
    themeId: uuid('theme_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
    decidedByUserId: uuid('decided_by_user_id'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('theme_suggestions_status_idx').on(t.workspaceId, t.status)],
);

/** One bulk import of feedback, so it can be undone. */
export const feedbackImports = pgTable(
  'feedback_imports',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    created: integer('created').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    undoneAt: ts('undone_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);
