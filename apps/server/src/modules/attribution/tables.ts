import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deals } from '../deals/tables.ts';
import { memberships, workspaces } from '../workspaces/tables.ts';

// The attribution module's tables (migration `attribution`): touchpoints on deals, the model of record's history,
// disputes with their resolution, and the credit ledger (one row per deal: credits of every model, rebuilt by the
// recompute). workspace_id leads every key and every foreign key; row-level security (migrate.ts) confines them.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const TOUCHPOINT_TEAM_VALUES = ['marketing', 'sales', 'partner'] as const;
export const TOUCHPOINT_KIND_VALUES = ['campaign_response', 'webinar', 'content_shared', 'pmm_deal_support', 'demo', 'meeting', 'proposal', 'other'] as const;
export const ATTRIBUTION_MODEL_VALUES = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'j_shaped', 'inverse_j'] as const;
export const DISPUTE_TARGET_VALUES = ['touchpoint', 'split'] as const;
export const DISPUTE_STATUS_VALUES = ['open', 'accepted', 'rejected'] as const;

/**
 * A touchpoint: something a team did on a deal at a time. Ids are bigint (10,000,000 rows at the scale target: an
 * 8-byte key keeps the table and the ledger's id arrays half the size of uuids). (source, external_id) is the
 * idempotency key of the upsert; Library usage and Requests come in under the sources `tandem.library` / `tandem.requests`.
 */
export const touchpoints = pgTable(
  'touchpoints',
  {
    workspaceId: workspaceId(),
    id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    accountId: uuid('account_id'),
    occurredAt: ts('occurred_at').notNull(),
    team: text('team', { enum: TOUCHPOINT_TEAM_VALUES }).notNull(),
    kind: text('kind', { enum: TOUCHPOINT_KIND_VALUES }).notNull(),
    campaign: text('campaign'),
    ownerUserId: uuid('owner_user_id'),
    assetId: uuid('asset_id'),
    requestId: uuid('request_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('touchpoints_source_key').on(t.workspaceId, t.source, t.externalId),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('cascade'),
    index('touchpoints_deal_idx').on(t.workspaceId, t.dealId, t.occurredAt),
  ],
);

/** Every choice of the model of record: the current one is the latest whose effective date has come. */
export const attributionModelOfRecord = pgTable(
  'attribution_model_of_record',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    model: text('model', { enum: ATTRIBUTION_MODEL_VALUES }).notNull(),
    rationale: text('rationale').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    chosenByUserId: uuid('chosen_by_user_id'),
    chosenAt: ts('chosen_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.chosenByUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('attribution_mor_effective_idx').on(t.workspaceId, t.effectiveFrom, t.chosenAt),
  ],
);

/**
 * A dispute of a touchpoint's inclusion or of a deal's split, and its resolution. An accepted dispute carries its
 * adjustment: touchpoints excluded, and/or the deal's team split in basis points (marketing, sales, partner).
 */
export const attributionDisputes = pgTable(
  'attribution_disputes',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    dealId: uuid('deal_id').notNull(),
    target: text('target', { enum: DISPUTE_TARGET_VALUES }).notNull(),
    touchpointId: bigint('touchpoint_id', { mode: 'number' }),
    reason: text('reason').notNull(),
    status: text('status', { enum: DISPUTE_STATUS_VALUES }).notNull().default('open'),
    raisedByUserId: uuid('raised_by_user_id'),
    raisedAt: ts('raised_at').notNull().defaultNow(),
    resolvedByUserId: uuid('resolved_by_user_id'),
    resolvedAt: ts('resolved_at'),
    resolution: text('resolution'),
    excludeTouchpointIds: bigint('exclude_touchpoint_ids', { mode: 'number' }).array(),
    /** [marketing, sales, partner] in basis points summing to 10,000, or null. */
    teamSplitBp: integer('team_split_bp').array(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.dealId], foreignColumns: [deals.workspaceId, deals.id] }).onDelete('cascade'),
    index('attribution_disputes_deal_idx').on(t.workspaceId, t.dealId),
    index('attribution_disputes_open_idx').on(t.workspaceId, t.raisedAt).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * The credit ledger: one row per attributed deal (won: revenue; open: pipeline), every model's credits in cents.
 * `touchpointIds` in model order (occurred_at, id); `credits` is model-major (9 × n, models in ATTRIBUTION_MODEL_VALUES
 * order); `teamCredits` is 9 × 3 (marketing, sales, partner). One row per deal keeps a full recompute of 1,000,000
 * deals one COPY of 1,000,000 rows instead of 90,000,000.
 */
export const attributionLedger = pgTable(
  'attribution_ledger',
  {
    workspaceId: workspaceId(),
    dealId: uuid('deal_id').notNull(),
    status: text('status', { enum: ['won', 'open'] }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    /** The close date (won) or the expected close date (open) the reports group by. */
    periodDate: date('period_date', { mode: 'string' }),
    touchpointIds: bigint('touchpoint_ids', { mode: 'number' }).array().notNull(),
    credits: bigint('credits', { mode: 'bigint' }).array().notNull(),
    teamCredits: bigint('team_credits', { mode: 'bigint' }).array().notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.dealId] }),
    index('attribution_ledger_period_idx').on(t.workspaceId, t.status, t.periodDate),
  ],
);

/** Per workspace: the time-decay half-life, and the deals whose touchpoints changed since the last recompute. */
export const attributionSettings = pgTable('attribution_settings', {
  workspaceId: workspaceId().primaryKey(),
  halfLifeDays: integer('half_life_days').notNull().default(7),
  lastFullRecomputeAt: ts('last_full_recompute_at'),
});

/** Deals to recompute incrementally (a touchpoint upserted, a dispute resolved); drained by `recomputeChanged`. */
export const attributionDirtyDeals = pgTable(
  'attribution_dirty_deals',
  {
    workspaceId: workspaceId(),
    dealId: uuid('deal_id').notNull(),
    markedAt: ts('marked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dealId] })],
);
