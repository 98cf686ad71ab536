import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deals } from '../deals/tables.ts';
import { memberships, workspaces } from '../workspaces/tables.ts';

// The requests module's tables (migration `requests`). Only this module writes them; S2's settings,
// capacity, metrics and SLA watcher features live in the same module. workspace_id leads every key and every
// foreign key, and row-level security (enabled by migrate.ts on every table with a workspace_id) confines them.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const REQUEST_TYPE_VALUES = ['new_asset', 'customize', 'competitive_intel', 'deal_support', 'training', 'other'] as const;
export const REQUEST_STATUS_VALUES = ['new', 'triaged', 'in_progress', 'delivered', 'accepted', 'declined', 'merged'] as const;
export const REQUEST_OVERRIDE_VALUES = ['pin', 'position'] as const;

/** A request: what sales asks product marketing for, where it stands, and how it is placed against the score. */
export const requests = pgTable(
  'requests',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    /** The workspace's running number (#123). */
    number: integer('number').notNull(),
    type: text('type', { enum: REQUEST_TYPE_VALUES }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: REQUEST_STATUS_VALUES }).notNull().default('new'),
    /** A local date in the workspace's time zone. */
    neededBy: date('needed_by', { mode: 'string' }),
    estimateHours: numeric('estimate_hours', { precision: 8, scale: 2 }),
    assigneeUserId: uuid('assignee_user_id'),
    /** The first triage, PMM comment or decline: stops the first-response clock. */
    firstRespondedAt: ts('first_responded_at'),
    deliveredAt: ts('delivered_at'),
    deliveredByUserId: uuid('delivered_by_user_id'),
    deliveryNote: text('delivery_note'),
    /** Library assets of the same workspace (checked when delivered; an asset deleted later is left out on read). */
    deliveryAssetIds: uuid('delivery_asset_ids').array().notNull().default(sql`'{}'::uuid[]`),
    acceptedAt: ts('accepted_at'),
    declinedReason: text('declined_reason'),
    mergedIntoId: uuid('merged_into_id'),
    overrideKind: text('override_kind', { enum: REQUEST_OVERRIDE_VALUES }),
    overridePosition: integer('override_position'),
    overrideReason: text('override_reason'),
    overrideByUserId: uuid('override_by_user_id'),
    overrideAt: ts('override_at'),
    boostPoints: real('boost_points').notNull().default(0),
    boostReason: text('boost_reason'),
    boostByUserId: uuid('boost_by_user_id'),
    boostAt: ts('boost_at'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('requests_number_key').on(t.workspaceId, t.number),
    foreignKey({ columns: [t.workspaceId, t.assigneeUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    foreignKey({ columns: [t.workspaceId, t.mergedIntoId], foreignColumns: [t.workspaceId, t.id] }),
    index('requests_open_idx').on(t.workspaceId, t.createdAt).where(sql`${t.status} in ('new', 'triaged', 'in_progress')`),
    index('requests_status_idx').on(t.workspaceId, t.status, t.updatedAt),
    index('requests_assignee_idx').on(t.workspaceId, t.assigneeUserId),
  ],
);

/** Who asked: the person who filed it and everyone who +1'd it (or came with a merge). */
export const requestRequesters = pgTable(
  'request_requesters',
  {
    workspaceId: workspaceId(),
    requestId: uuid('request_id').notNull(),
    userId: uuid('user_id').notNull(),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.requestId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [requests.workspaceId, requests.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
    index('request_requesters_user_idx').on(t.workspaceId, t.userId),
  ],
);

/** Deals linked to a request (by any requester); an undone CRM import that deletes a deal drops the link. */
export const requestDeals = pgTable(
  'request_deals',
  {
    workspaceId: workspaceId(),
    requestId: uuid('request_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    addedByUserId: uuid('added_by_user_id'),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.requestId, t.dealId] }),
    foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [requests.workspaceId, requests.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('cascade'),
    index('request_deals_deal_idx').on(t.workspaceId, t.dealId),
  ],
);

export const requestComments = pgTable(
  'request_comments',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    authorUserId: uuid('author_user_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [requests.workspaceId, requests.id] }).onDelete('cascade'),
    index('request_comments_request_idx').on(t.workspaceId, t.requestId, t.createdAt),
  ],
);

/** Everything that happened to a request, one plain-words line each. */
export const requestActivity = pgTable(
  'request_activity',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    text: text('text').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [requests.workspaceId, requests.id] }).onDelete('cascade'),
    index('request_activity_request_idx').on(t.workspaceId, t.requestId, t.at),
  ],
);

/** A file attached to a request, checked by content, stored by key in the library's blob store. */
export const requestAttachments = pgTable(
  'request_attachments',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    fileName: text('file_name').notNull(),
    /** The media type read from the content (never from the name). */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [requests.workspaceId, requests.id] }).onDelete('cascade'),
    index('request_attachments_request_idx').on(t.workspaceId, t.requestId),
  ],
);

/** One row per workspace; absent (or a part absent) = the engine's defaults. */
export const requestSettings = pgTable('request_settings', {
  workspaceId: workspaceId().primaryKey(),
  /** Per type: { type, firstResponseHours, deliveryHours }[]. */
  types: jsonb('types').$type<{ type: string; firstResponseHours: number; deliveryHours: number }[]>(),
  weights: jsonb('weights').$type<Record<string, number>>(),
  calendar: jsonb('calendar').$type<Record<string, unknown>>(),
  dueSoonFraction: real('due_soon_fraction'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Hours a week each PMM gives to requests. */
export const pmmCapacity = pgTable(
  'pmm_capacity',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id').notNull(),
    weeklyHours: real('weekly_hours').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** What the SLA watcher has told, so each clock's due-soon and breached states notify once. */
export const requestSlaNotices = pgTable(
  'request_sla_notices',
  {
    workspaceId: workspaceId(),
    requestId: uuid('request_id').notNull(),
    clock: text('clock', { enum: ['first_response', 'delivery'] }).notNull(),
    state: text('state', { enum: ['due_soon', 'breached'] }).notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.requestId, t.clock, t.state] }),
    foreignKey({ columns: [t.workspaceId, t.requestId], foreignColumns: [requests.workspaceId, requests.id] }).onDelete('cascade'),
  ],
);
