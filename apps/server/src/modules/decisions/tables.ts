import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberships, workspaces } from '../workspaces/tables.ts';

// The decisions module's tables (migration `decisions`): strategic calls PMM makes with sales asked first — the
// input window, each stakeholder's stance, every outcome (a reopened decision keeps its earlier ones) and what the
// decision concerns. workspace_id leads every key and every foreign key; row-level security (migrate.ts) confines them.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export const DECISION_KIND_VALUES = ['positioning_messaging', 'pricing_packaging', 'launch', 'target_segment', 'competitive_response', 'other'] as const;
export const DECISION_STATUS_VALUES = ['open', 'decided'] as const;
export const DECISION_STANCE_VALUES = ['support', 'concern', 'object'] as const;
export const DECISION_STAKEHOLDER_VIA_VALUES = ['person', 'role', 'team'] as const;
export const DECISION_LINK_TYPE_VALUES = ['theme', 'asset', 'goal'] as const;

/** A decision: what is being decided, the options, who owns it, and its current round's input window. */
export const decisions = pgTable(
  'decisions',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    context: text('context').notNull(),
    kind: text('kind', { enum: DECISION_KIND_VALUES }).notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    ownerUserId: uuid('owner_user_id').notNull(),
    /** open: collecting input or waiting for the outcome; decided: the current round's outcome is recorded. */
    status: text('status', { enum: DECISION_STATUS_VALUES }).notNull().default('open'),
    /** 1, then one more each time it is reopened; inputs and outcomes belong to a round. */
    round: integer('round').notNull().default(1),
    inputOpenedAt: ts('input_opened_at').notNull(),
    /** The instant input stops being taken (input at or after it: 409). */
    inputClosesAt: ts('input_closes_at').notNull(),
    /** A local date in the owner's calendar. */
    decideBy: date('decide_by', { mode: 'string' }).notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerUserId], foreignColumns: [memberships.workspaceId, memberships.userId] }),
    index('decisions_status_idx').on(t.workspaceId, t.status, t.inputClosesAt),
    index('decisions_owner_idx').on(t.workspaceId, t.ownerUserId),
  ],
);

/** The people asked for input, each with how they came in (by name, by role, by team); reminded once per round. */
export const decisionStakeholders = pgTable(
  'decision_stakeholders',
  {
    workspaceId: uuid('workspace_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    userId: uuid('user_id').notNull(),
    via: text('via', { enum: DECISION_STAKEHOLDER_VIA_VALUES }).notNull(),
    /** "Sales leads", "West team": how a role or team brought them in; null for a person named. */
    viaLabel: text('via_label'),
    /** The round whose day-before reminder this person was sent (claimed in the transaction that emits it). */
    remindedRound: integer('reminded_round'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.decisionId, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.decisionId], foreignColumns: [decisions.workspaceId, decisions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
    index('decision_stakeholders_user_idx').on(t.workspaceId, t.userId),
  ],
);

/** One stakeholder's stance in one round; changed in place until the window closes. */
export const decisionInputs = pgTable(
  'decision_inputs',
  {
    workspaceId: uuid('workspace_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    round: integer('round').notNull(),
    userId: uuid('user_id').notNull(),
    stance: text('stance', { enum: DECISION_STANCE_VALUES }).notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.decisionId, t.round, t.userId] }),
    foreignKey({ columns: [t.workspaceId, t.decisionId], foreignColumns: [decisions.workspaceId, decisions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [memberships.workspaceId, memberships.userId] }).onDelete('cascade'),
  ],
);

/** Each round's outcome, kept when the decision is reopened (with who reopened it and why). */
export const decisionOutcomes = pgTable(
  'decision_outcomes',
  {
    workspaceId: uuid('workspace_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    round: integer('round').notNull(),
    chosenOption: text('chosen_option').notNull(),
    rationale: text('rationale').notNull(),
    /** What changed because of the input; required when anyone objected. */
    whatChanged: text('what_changed'),
    decidedAt: ts('decided_at').notNull(),
    decidedByUserId: uuid('decided_by_user_id'),
    reopenedAt: ts('reopened_at'),
    reopenedByUserId: uuid('reopened_by_user_id'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.decisionId, t.round] }),
    foreignKey({ columns: [t.workspaceId, t.decisionId], foreignColumns: [decisions.workspaceId, decisions.id] }).onDelete('cascade'),
    index('decision_outcomes_decided_idx').on(t.workspaceId, t.decidedAt),
  ],
);

/** What a decision concerns: feedback themes, library assets, goals (by id, checked against the workspace). */
export const decisionLinks = pgTable(
  'decision_links',
  {
    workspaceId: uuid('workspace_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    targetType: text('target_type', { enum: DECISION_LINK_TYPE_VALUES }).notNull(),
    targetId: uuid('target_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.decisionId, t.targetType, t.targetId] }),
    foreignKey({ columns: [t.workspaceId, t.decisionId], foreignColumns: [decisions.workspaceId, decisions.id] }).onDelete('cascade'),
    index('decision_links_target_idx').on(t.workspaceId, t.targetType, t.targetId),
  ],
);
