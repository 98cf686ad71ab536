import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { memberships, workspaces } from '../workspaces/tables.ts';

// Millisecond precision, so keyset cursors built from JavaScript Dates compare exactly.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const money = (name: string) => numeric(name, { precision: 20, scale: 4 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const STAGE_CATEGORY_VALUES = ['open', 'won', 'lost'] as const;
export const DEAL_TYPE_VALUES = ['new_business', 'expansion', 'renewal'] as const;
/** Where a lost deal's stated reason falls (win/loss analysis); mapped from the export's loss reason. */
export const LOSS_REASON_CATEGORY_VALUES = ['price', 'product_gap', 'competitor', 'timing', 'no_decision', 'other'] as const;

export const accounts = pgTable(
  'accounts',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    domain: text('domain'),
    segment: text('segment'),
    industry: text('industry'),
    size: text('size'),
    region: text('region'),
    ownerUserId: uuid('owner_user_id'),
    ownerName: text('owner_name'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
    customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default({}),
    /** The import that created the account (undoing it deletes the account if no deal still names it). */
    createdImportId: uuid('created_import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('accounts_name_idx').on(t.workspaceId, sql`lower(${t.name})`),
    index('accounts_created_import_idx').on(t.workspaceId, t.createdImportId).where(sql`${t.createdImportId} is not null`),
  ],
);

/** An account's id in each system it came from, so re-imports find it again. */
export const accountSources = pgTable(
  'account_sources',
  {
    workspaceId: uuid('workspace_id').notNull(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The import that linked this id to the account: undoing it unlinks it. */
    createdImportId: uuid('created_import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.source, t.externalId] }),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('cascade'),
    index('account_sources_account_idx').on(t.workspaceId, t.accountId),
  ],
);

export const deals = pgTable(
  'deals',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    accountId: uuid('account_id'),
    amount: money('amount'),
    currency: text('currency'),
    /** `amount` in the workspace's base currency; null without an amount or without a rate for its currency. */
    amountBase: money('amount_base'),
    stage: text('stage').notNull(),
    stageCategory: text('stage_category', { enum: STAGE_CATEGORY_VALUES }).notNull(),
    probability: smallint('probability'),
    closeDate: date('close_date', { mode: 'string' }),
    // Wall-clock, as the file gave it (a file rarely names a zone).
    createdDate: timestamp('created_date', { mode: 'string', precision: 3 }),
    ownerUserId: uuid('owner_user_id'),
    /** The owner as the source named them; kept when no Tandem user matched. */
    ownerName: text('owner_name'),
    type: text('type', { enum: DEAL_TYPE_VALUES }),
    leadSource: text('lead_source'),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
    reason: text('reason'),
    /** The category of `reason` for a lost deal (null when the deal is not lost or no reason was given). */
    lossReasonCategory: text('loss_reason_category', { enum: LOSS_REASON_CATEGORY_VALUES }),
    customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default({}),
    removedAt: ts('removed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** The import that created the deal: undoing it deletes the deal. */
    createdImportId: uuid('created_import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('deals_source_key').on(t.workspaceId, t.source, t.externalId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('deals_status_close_idx').on(t.workspaceId, t.stageCategory, t.closeDate),
    index('deals_owner_idx').on(t.workspaceId, t.ownerUserId),
    index('deals_account_idx').on(t.workspaceId, t.accountId),
    // Created-date periods (pipeline created, stage conversion) and their records (goals' metric catalogue).
    index('deals_created_idx').on(t.workspaceId, t.createdDate),
    // Read by index only (decision 0021, migration 0019): open pipeline by stage (the scorecard) and a deal's category
    // and amount by id (revenue at stake behind themes), without visiting the deals' heap pages on a million deals.
    index('deals_open_stage_idx')
      .on(t.workspaceId, t.stage, t.amountBase, t.probability)
      .where(sql`${t.stageCategory} = 'open' and ${t.removedAt} is null`),
    index('deals_revenue_idx').on(t.workspaceId, t.id, t.stageCategory, t.amountBase).where(sql`${t.removedAt} is null`),
    // A person's open deals by index only (migration 0020): the rep home's themes of their deals, and their open deals
    // largest first, without visiting the pages of every deal they ever owned.
    index('deals_open_owner_idx')
      .on(t.workspaceId, t.ownerUserId, t.amountBase, t.id, t.accountId)
      .where(sql`${t.stageCategory} = 'open' and ${t.removedAt} is null`),
    // Closed deals by index only (decision 0021, migration 0023): what a metric still folds from the deals after the
    // rollups — one competitor's sales cycle (a median the rollups cannot keep) and the edge days of a period starting
    // or ending inside a month — reads these entries instead of a heap page per deal.
    index('deals_closed_read_idx')
      .on(t.workspaceId, t.closeDate, t.stageCategory, t.createdDate, t.amountBase, t.competitors)
      .where(sql`${t.stageCategory} in ('won', 'lost') and ${t.removedAt} is null`),
    // No index on created_import_id: only undo reads it (a scan of the workspace's deals), while an
    // index would cost every imported row an entry — seconds on a million-row import.
  ],
);

/** Every stage or amount change of a deal, with when it happened. */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dealId: uuid('deal_id').notNull(),
    stage: text('stage').notNull(),
    stageCategory: text('stage_category', { enum: STAGE_CATEGORY_VALUES }).notNull(),
    amount: money('amount'),
    currency: text('currency'),
    changedAt: ts('changed_at').notNull(),
    /** The import that recorded this change: undoing it deletes the row. */
    importId: uuid('import_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('cascade'),
    index('deal_stage_history_deal_idx').on(t.workspaceId, t.dealId, t.changedAt),
    index('deal_stage_history_import_idx').on(t.workspaceId, t.importId).where(sql`${t.importId} is not null`),
  ],
);

/** The workspace's own stage → category mapping, keyed by `stageKey()` of the stage name. */
export const stageMappings = pgTable(
  'stage_mappings',
  {
    workspaceId: workspaceId(),
    stageKey: text('stage_key').notNull(),
    label: text('label').notNull(),
    category: text('category', { enum: STAGE_CATEGORY_VALUES }).notNull(),
    probability: smallint('probability'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.stageKey] })],
);

/** Base-currency units per one unit of `currency`, from `effective_from` on. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    workspaceId: workspaceId(),
    currency: text('currency').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.currency, t.effectiveFrom] })],
);
