import { boolean, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { memberships, workspaces } from '../workspaces/tables.ts';

// The goals module's tables (migration `goals`): shared goals owned by both teams, key results bound to a
// metric of the catalogue or checked in by hand, and each key result's daily history. workspace_id leads
// every key and every foreign key; row-level security (migrate.ts) confines them.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const GOAL_PERIOD_KIND_VALUES = ['quarter', 'custom'] as const;
export const KEY_RESULT_KIND_VALUES = ['metric', 'manual'] as const;
export const KEY_RESULT_DIRECTION_VALUES = ['increase', 'decrease'] as const;
export const KEY_RESULT_STATUS_VALUES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;

/** A goal both teams own: what, why, for which period. */
export const goals = pgTable(
  'goals',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    /** Why it matters, in the owners' words. */
    why: text('why').notNull().default(''),
    periodKind: text('period_kind', { enum: GOAL_PERIOD_KIND_VALUES }).notNull(),
    /** Inclusive local dates; for a quarter, the fiscal quarter's first and last day. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** The worst status of its key results, kept for lists and for noticing changes. */
    status: text('status', { enum: KEY_RESULT_STATUS_VALUES }).notNull().default('no_data'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('goals_period_idx').on(t.workspaceId, t.periodEnd),
  ],
);

/** The people who own a goal; at least one from marketing and one from sales is enforced by the service. */
export const goalOwners = pgTable(
  'goal_owners',
  {
    workspaceId: uuid('workspace_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.goalId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.goalId], foreignColumns: [goals.workspaceId, goals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
    index('goal_owners_user_idx').on(t.workspaceId, t.userId),
  ],
);

/** A key result: a metric with filters, baseline, target and direction, or a manual number with check-ins. */
export const keyResults = pgTable(
  'key_results',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    position: smallint('position').notNull().default(0),
    title: text('title').notNull(),
    kind: text('kind', { enum: KEY_RESULT_KIND_VALUES }).notNull(),
    /** A metric name of the catalogue (kebab-case), for kind = metric. */
    metric: text('metric'),
    /** The metric's filters (segment, product, owner, team, competitor…), as the metrics API takes them. */
    filters: jsonb('filters').$type<Record<string, string | string[]>>().notNull().default({}),
    /** Whether `value` is the metric's amount-weighted form (win rate by amount) rather than by count. */
    byAmount: boolean('by_amount').notNull().default(false),
    baseline: numeric('baseline', { precision: 20, scale: 6 }).notNull(),
    target: numeric('target', { precision: 20, scale: 6 }).notNull(),
    direction: text('direction', { enum: KEY_RESULT_DIRECTION_VALUES }).notNull(),
    /** Display unit: 'fraction', 'currency', 'days', 'count' or free text for manual results. */
    unit: text('unit').notNull().default('count'),
    /** The latest value: computed for metric results, the last check-in for manual ones. */
    currentValue: numeric('current_value', { precision: 20, scale: 6 }),
    status: text('status', { enum: KEY_RESULT_STATUS_VALUES }).notNull().default('no_data'),
    statusChangedAt: ts('status_changed_at'),
    evaluatedAt: ts('evaluated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.goalId], foreignColumns: [goals.workspaceId, goals.id] }).onDelete('cascade'),
    index('key_results_goal_idx').on(t.workspaceId, t.goalId, t.position),
  ],
);

/** One value per key result per day (the daily snapshot job), for charts of its history. */
export const keyResultSnapshots = pgTable(
  'key_result_snapshots',
  {
    workspaceId: uuid('workspace_id').notNull(),
    keyResultId: uuid('key_result_id').notNull(),
    /** The workspace-local day the value stands for. */
    day: date('day', { mode: 'string' }).notNull(),
    value: numeric('value', { precision: 20, scale: 6 }),
    numerator: numeric('numerator', { precision: 24, scale: 4 }),
    denominator: numeric('denominator', { precision: 24, scale: 4 }),
    status: text('status', { enum: KEY_RESULT_STATUS_VALUES }).notNull(),
    takenAt: ts('taken_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.keyResultId, t.day] }),
    foreignKey({ columns: [t.workspaceId, t.keyResultId], foreignColumns: [keyResults.workspaceId, keyResults.id] }).onDelete('cascade'),
  ],
);

/** A check-in: a value and a note on a key result (the only source of values for manual results). */
export const keyResultCheckins = pgTable(
  'key_result_checkins',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    keyResultId: uuid('key_result_id').notNull(),
    authorUserId: uuid('author_user_id'),
    value: numeric('value', { precision: 20, scale: 6 }),
    note: text('note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.keyResultId], foreignColumns: [keyResults.workspaceId, keyResults.id] }).onDelete('cascade'),
    index('key_result_checkins_kr_idx').on(t.workspaceId, t.keyResultId, t.createdAt),
  ],
);

/** A comment on a goal. */
export const goalComments = pgTable(
  'goal_comments',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    authorUserId: uuid('author_user_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.goalId], foreignColumns: [goals.workspaceId, goals.id] }).onDelete('cascade'),
    index('goal_comments_goal_idx').on(t.workspaceId, t.goalId, t.createdAt),
  ],
);


// The deal rollups (migration `deal_rollups`, decision 0021): the metric catalogue's deal aggregates per calendar month,
// kept exact by statement triggers on deals and accounts (each write adds its rows' contribution and takes away the
// old one), so a scorecard read sums a few thousand rows instead of folding a million deals. Months, not fiscal
// quarters: a quarter is three months whatever month the fiscal year starts in. Read by goals/metrics/rollup.

/** Won and lost deals by close month, account segment, outcome, loss-reason category and competitor list. */
export const goalDealClosedMonths = pgTable(
  'goal_deal_closed_months',
  {
    workspaceId: workspaceId(),
    month: date('month', { mode: 'string' }).notNull(),
    segment: text('segment'),
    stageCategory: text('stage_category').notNull(),
    lossReasonCategory: text('loss_reason_category'),
    competitors: text('competitors').array().notNull(),
    deals: integer('deals').notNull(),
    /** Sum of `amount_base`. */
    amount: numeric('amount').notNull(),
    withoutAmount: integer('without_amount').notNull(),
  },
  (t) => [unique('goal_deal_closed_months_key').on(t.workspaceId, t.month, t.segment, t.stageCategory, t.lossReasonCategory, t.competitors).nullsNotDistinct()],
);

/** Won deals by close month and segment, counted per whole days from created to closed (medians from the histogram). */
export const goalDealCycleMonths = pgTable(
  'goal_deal_cycle_months',
  {
    workspaceId: workspaceId(),
    month: date('month', { mode: 'string' }).notNull(),
    segment: text('segment'),
    days: integer('days').notNull(),
    deals: integer('deals').notNull(),
  },
  (t) => [unique('goal_deal_cycle_months_key').on(t.workspaceId, t.month, t.segment, t.days).nullsNotDistinct()],
);

/** Deals by created month, segment and owner (the source's name only when no member matched), won so far or not. */
export const goalDealCreatedMonths = pgTable(
  'goal_deal_created_months',
  {
    workspaceId: workspaceId(),
    month: date('month', { mode: 'string' }).notNull(),
    segment: text('segment'),
    ownerUserId: uuid('owner_user_id'),
    ownerName: text('owner_name'),
    won: boolean('won').notNull(),
    deals: integer('deals').notNull(),
    amount: numeric('amount').notNull(),
    withoutAmount: integer('without_amount').notNull(),
  },
  (t) => [unique('goal_deal_created_months_key').on(t.workspaceId, t.month, t.segment, t.ownerUserId, t.ownerName, t.won).nullsNotDistinct()],
);

/** How many deals fall on each day of each cohort: tells whether a period ending mid-month can read whole months. */
export const goalDealDays = pgTable(
  'goal_deal_days',
  {
    workspaceId: workspaceId(),
    cohort: text('cohort', { enum: ['closed', 'created'] }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    deals: integer('deals').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.cohort, t.day] })],
);
