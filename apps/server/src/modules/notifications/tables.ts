import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

/**
 * The outbox: one row per domain event, written in the transaction of the change it
 * describes. The dispatcher turns each into inbox items and deliveries, once.
 */
export const events = pgTable(
  'events',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').notNull(),
    version: integer('version').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** What only the email to the person may carry (an invitation or reset link); never sent elsewhere. */
    private: jsonb('private').$type<Record<string, string>>(),
    actorUserId: uuid('actor_user_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** Not dispatched before this time: a change that can be undone holds its event for the undo window. */
    availableAt: ts('available_at').notNull().defaultNow(),
    dispatchedAt: ts('dispatched_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('events_undispatched_idx').on(t.createdAt).where(sql`${t.dispatchedAt} is null`),
    index('events_created_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** A person's in-app notifications: one per event and person at most. */
export const inboxItems = pgTable(
  'inbox_items',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('inbox_items_event_user_key').on(t.workspaceId, t.eventId, t.userId),
    index('inbox_items_user_idx').on(t.workspaceId, t.userId, t.createdAt, t.id),
    foreignKey({ columns: [t.workspaceId, t.eventId], foreignColumns: [events.workspaceId, events.id] }).onDelete('cascade'),
  ],
);

/** A person's channels per event type; no row means the type's defaults. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id').notNull(),
    eventType: text('event_type').notNull(),
    channels: text('channels').array().notNull(),
    digest: boolean('digest').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.eventType] })],
);

/**
 * One message to send for one event on one channel to one target (an email
 * address, a Slack channel, a webhook subscription), with its retry state.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    channel: text('channel', { enum: ['email', 'digest', 'slack', 'webhook'] }).notNull(),
    /** Email address, Slack channel name or webhook URL at the time of the event. */
    target: text('target').notNull(),
    /** The Slack channel or webhook subscription; the user for email. */
    targetId: uuid('target_id'),
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'dead', 'discarded'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('deliveries_event_target_key').on(t.workspaceId, t.eventId, t.channel, t.target),
    index('deliveries_status_idx').on(t.workspaceId, t.status, t.createdAt, t.id),
    index('deliveries_target_idx').on(t.workspaceId, t.targetId, t.createdAt),
    // The workers' sweep for overdue tries, across workspaces: only pending rows, by when they are due.
    index('deliveries_pending_idx').on(sql`coalesce(${t.nextAttemptAt}, ${t.createdAt})`).where(sql`${t.status} = 'pending'`),
    foreignKey({ columns: [t.workspaceId, t.eventId], foreignColumns: [events.workspaceId, events.id] }).onDelete('cascade'),
  ],
);

/** Every try of a delivery: when, how long, what the other side answered. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    workspaceId: workspaceId(),
    deliveryId: uuid('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: ts('at').notNull(),
    durationMs: integer('duration_ms'),
    statusCode: integer('status_code'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.deliveryId, t.attempt] }),
    foreignKey({ columns: [t.workspaceId, t.deliveryId], foreignColumns: [deliveries.workspaceId, deliveries.id] }).onDelete('cascade'),
  ],
);

/** Outbound webhooks: event types POSTed, signed, to an HTTPS URL. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    /** Events in a row whose delivery ended dead (after its retries); 20 turns the subscription off. */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Slack incoming webhooks and the event types each receives. */
export const slackChannels = pgTable(
  'slack_channels',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    webhookUrl: text('webhook_url').notNull(),
    eventTypes: text('event_types').array().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * The daily summary of feedback waiting for triage: one row per workspace and (UTC) day, written in the
 * transaction that emits it, so however often the hourly job runs (and on however many workers) a day has one.
 */
export const untriagedSummaries = pgTable(
  'untriaged_summaries',
  {
    workspaceId: workspaceId(),
    day: date('day', { mode: 'string' }).notNull(),
    /** Null when nothing waited that day (nothing was sent). */
    eventId: uuid('event_id'),
    untriaged: integer('untriaged').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day] })],
);
