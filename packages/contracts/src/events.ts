import { z } from 'zod';
import { Uuid } from './common.ts';
import { THEME_STATUSES } from './feedback.ts';
import { PERMISSIONS } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

const Role = z.enum(ROLES);

/**
 * The domain events: what happened, in a versioned payload every consumer can
 * rely on. A module emits one inside the transaction of the change it
 * describes; notifications (inbox, email, Slack) and outbound webhooks consume
 * it. `docs/events.md` is generated from this file (`npm run docs:events`).
 */

export const CHANNELS = ['in_app', 'email', 'slack', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels a person chooses between for an event type. */
export const PERSONAL_CHANNELS = ['in_app', 'email'] as const;
export type PersonalChannelName = (typeof PERSONAL_CHANNELS)[number];

const ThemeStatusName = z.enum(THEME_STATUSES);

const Actor = z.object({ userId: Uuid.nullable(), name: z.string().nullable() });

const ImportCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  invalid: z.number().int(),
});

interface EventDefinition<S extends z.ZodType> {
  version: number;
  label: string;
  description: string;
  /** Who is told, in words (the dispatcher's rule for this type). */
  audience: string;
  payload: S;
  channels: readonly Channel[];
  /** `low`: a person may batch it into the daily digest email instead of one email each. */
  priority: 'normal' | 'low';
  /** The person cannot turn it off (security messages); in-app/email choice still applies where listed. */
  required?: boolean;
  /** Default channels for a person who has not chosen. */
  defaults: readonly PersonalChannelName[];
  /** Email batched into the daily digest unless the person chose otherwise (a low-priority summary). */
  digestByDefault?: boolean;
  /** The roles that can ever be told of it in person: a preferences page offers it to these only. */
  roles: readonly Role[];
}

const define = <S extends z.ZodType>(d: EventDefinition<S>) => d;

export const EVENTS = {
  'member.invited': define({
    version: 1,
    label: 'Invitation sent',
    description: 'Someone was invited to the workspace. The invitee gets the invitation link by email; the link is never part of the payload.',
    audience: 'The invited address (email only)',
    payload: z.object({ invitationId: Uuid, email: z.string(), role: Role, invitedBy: Actor, expiresAt: z.iso.datetime() }),
    channels: ['email', 'webhook'],
    priority: 'normal',
    required: true,
    defaults: ['email'],
    roles: [],
  }),
  'member.role_changed': define({
    version: 1,
    label: 'Your role changed',
    description: "A member's role in the workspace changed.",
    audience: 'The member whose role changed',
    payload: z.object({ userId: Uuid, name: z.string(), email: z.string(), from: Role, to: Role, changedBy: Actor }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: [...ROLES],
  }),
  'member.password_reset_requested': define({
    version: 1,
    label: 'Password reset',
    description: 'A password reset link was issued. The link goes by email to the person only; it is never part of the payload.',
    audience: 'The person (email only; cannot be turned off)',
    payload: z.object({ userId: Uuid, email: z.string(), expiresAt: z.iso.datetime(), requestedBy: Actor }),
    channels: ['email'],
    priority: 'normal',
    required: true,
    defaults: ['email'],
    roles: [...ROLES],
  }),
  'member.email_change_requested': define({
    version: 1,
    label: 'Confirm your new email',
    description: 'A person asked to change their sign-in email. The confirmation link goes by email to the new address only; it is never part of the payload.',
    audience: 'The new address (email only; cannot be turned off)',
    payload: z.object({ userId: Uuid, newEmail: z.string(), expiresAt: z.iso.datetime() }),
    channels: ['email'],
    priority: 'normal',
    required: true,
    defaults: ['email'],
    roles: [],
  }),
  'member.email_change_notice': define({
    version: 1,
    label: 'Email change requested',
    description: 'A person asked to change their sign-in email: the old address is told, without the link.',
    audience: 'The old address (email only; cannot be turned off)',
    payload: z.object({ userId: Uuid, oldEmail: z.string(), newEmail: z.string() }),
    channels: ['email'],
    priority: 'normal',
    required: true,
    defaults: ['email'],
    roles: [],
  }),
  'token.created': define({
    version: 1,
    label: 'API token created',
    description: 'An API token was created for a person (a security notice to its owner).',
    audience: 'The owner of the token',
    payload: z.object({ tokenId: Uuid, name: z.string(), userId: Uuid, role: Role, expiresAt: z.iso.datetime().nullable() }),
    channels: ['in_app', 'email', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['tokens.manage_own'],
  }),
  'import.completed': define({
    version: 1,
    label: 'Import finished',
    description: 'A deals or accounts import committed (one event per import, not one per row).',
    audience: 'The person who ran the import',
    payload: z.object({
      importId: Uuid,
      kind: z.enum(['deals', 'accounts']),
      fileName: z.string(),
      source: z.string().nullable(),
      counts: ImportCounts,
      importedBy: Actor,
  }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['deals.import'],
  }),
  'deal.stage_changed': define({
    version: 1,
    label: 'Deal stage changed',
    description: "A deal moved to another stage (through the upsert API or the app; an import sends one import.completed instead).",
    audience: "The deal's owner, when the owner is a member",
    payload: z.object({
      dealId: Uuid,
      name: z.string(),
      source: z.string(),
      externalId: z.string(),
      from: z.object({ stage: z.string(), category: z.enum(['open', 'won', 'lost']) }).nullable(),
      to: z.object({ stage: z.string(), category: z.enum(['open', 'won', 'lost']) }),
      amount: z.string().nullable(),
      currency: z.string().nullable(),
      ownerUserId: Uuid.nullable(),
      changedBy: Actor,
  }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'low',
    defaults: ['in_app'],
    roles: ['admin', 'sales_lead', 'sales'],
  }),
  'webhook.disabled': define({
    version: 1,
    label: 'Webhook disabled',
    description: 'A webhook subscription was turned off because its last 20 events all failed after their retries.',
    audience: 'The person who created the subscription',
    payload: z.object({ subscriptionId: Uuid, url: z.string(), failedEvents: z.number().int(), lastError: z.string().nullable(), createdByUserId: Uuid.nullable() }),
    channels: ['in_app', 'email'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['notifications.manage'],
  }),
  'feedback.theme_status_changed': define({
    version: 1,
    label: 'Your feedback was answered',
    description:
      "A theme's status changed (acknowledged, planned, in progress, addressed, won't address), usually with a response from marketing. Sent once per person, however many of their items the theme holds.",
    audience: 'Everyone who reported an item in the theme, and anyone following it (each once); not the person who changed it',
    payload: z.object({
      themeId: Uuid,
      name: z.string(),
      from: ThemeStatusName,
      to: ThemeStatusName,
      message: z.string().nullable(),
      links: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
      items: z.number().int(),
      changedBy: Actor,
      recipientUserIds: z.array(Uuid),
  }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: [...ROLES],
  }),
  'feedback.item_added': define({
    version: 1,
    label: 'New feedback in a theme you follow',
    description:
      'Feedback joined a theme: logged and filed there by Tandem, or moved there by someone. One event per change, however many items it moved.',
    audience: "The theme's owner and the marketing people and admins who follow it (each once); not the person who added it",
    payload: z.object({
      themeId: Uuid,
      name: z.string(),
      /** How many items joined the theme with this change, and how many it holds now. */
      added: z.number().int(),
      items: z.number().int(),
      /** The first item that joined: what was heard, and its kind. */
      sample: z.object({ id: Uuid, kind: z.string(), text: z.string() }),
      how: z.enum(['logged', 'moved']),
      addedBy: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'low',
    defaults: ['in_app'],
    roles: PERMISSIONS['feedback.triage'],
  }),
  'feedback.untriaged_summary': define({
    version: 1,
    label: 'Daily summary: feedback waiting for triage',
    description:
      'Once a day per workspace (after 07:00 UTC), when feedback waits for triage: how many items are in no theme, how many arrived in the last day, and since when the oldest waits.',
    audience: 'Marketing people and admins (those who triage)',
    payload: z.object({
      day: z.iso.date(),
      untriaged: z.number().int(),
      lastDay: z.number().int(),
      oldestAt: z.iso.datetime().nullable(),
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack'],
    priority: 'low',
    defaults: ['in_app', 'email'],
    digestByDefault: true,
    roles: PERMISSIONS['feedback.triage'],
  }),
  'asset.version_published': define({
    version: 1,
    label: 'New version of an asset you follow',
    description: 'An asset of the library was published as a new version (its first publish included), with the change note.',
    audience: 'The people who follow the asset; not the person who published it',
    payload: z.object({
      assetId: Uuid,
      title: z.string(),
      assetType: z.string(),
      version: z.number().int(),
      changeNote: z.string().nullable(),
      publishedBy: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'low',
    defaults: ['in_app'],
    roles: PERMISSIONS['library.use'],
  }),
  'asset.review_due': define({
    version: 1,
    label: 'Your assets are due for review',
    description:
      'Once a day (the daily job), the published assets a person owns that are past their review date: each asset is in at most one reminder a day, until it is verified, republished or archived.',
    audience: "The assets' owner",
    payload: z.object({
      ownerUserId: Uuid,
      day: z.iso.date(),
      /** How many of the owner's assets are overdue; `assets` lists the first 20, most overdue first. */
      total: z.number().int(),
      assets: z.array(z.object({ assetId: Uuid, title: z.string(), reviewBy: z.iso.date(), daysOverdue: z.number().int() })),
    }),
    channels: ['in_app', 'email', 'webhook'],
    priority: 'low',
    defaults: ['in_app', 'email'],
    digestByDefault: true,
    roles: PERMISSIONS['library.write'],
  }),
  'request.changed': define({
    version: 1,
    label: 'A request you asked for or work on changed',
    description:
      'A request of the requests queue changed: filed, triaged, started, delivered, accepted, reopened, declined, merged, +1, placed against the score, boosted, edited, commented or given a file. `text` says what happened in plain words.',
    audience: 'The requesters and the assignee (and earlier commenters, for a comment); not the person who made the change',
    payload: z.object({
      requestId: Uuid,
      number: z.number().int(),
      title: z.string(),
      /** The activity kind: filed, triaged, started, delivered, accepted, reopened, declined, merged, plus_one, overridden, boosted, edited, commented, attached… */
      kind: z.string(),
      status: z.string(),
      /** One line in plain words ("Dana triaged it: 6 h, assigned to Priya"). */
      text: z.string(),
      /** A reason or comment the people told should read (a decline's reason, a comment's text). */
      note: z.string().nullable(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['requests.read'],
  }),
  'request.sla_alert': define({
    version: 1,
    label: 'A request is close to or past its SLA',
    description:
      "An open request's first-response or delivery clock turned due soon or breached (business hours of the workspace calendar); each clock's state is told once.",
    audience: "The assignee and the requesters' sales leads (the people of the request who can act)",
    payload: z.object({
      requestId: Uuid,
      number: z.number().int(),
      title: z.string(),
      clock: z.enum(['first_response', 'delivery']),
      state: z.enum(['due_soon', 'breached']),
      dueAt: z.iso.datetime(),
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['requests.read'],
  }),
  'goal.status_changed': define({
    version: 1,
    label: 'A shared goal you own changed status',
    description:
      "A goal's status (the worst of its key results against the straight path from baseline to target) moved between on track, at risk, off track and no data, after a check-in, an edit, a read or the daily snapshot.",
    audience: "The goal's owners (not the person whose change moved it)",
    payload: z.object({
      goalId: Uuid,
      title: z.string(),
      from: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
      to: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
      periodStart: z.iso.date(),
      periodEnd: z.iso.date(),
      text: z.string(),
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['goals.read'],
  }),
  'decision.input_requested': define({
    version: 1,
    label: 'Your input is asked on a decision',
    description:
      'A decision was opened (or reopened) for input and you are one of its stakeholders: support, concern or object, with a comment, before `inputClosesAt`.',
    audience: 'The stakeholders (people named, or in the roles or teams asked); not the person who opened it',
    payload: z.object({
      decisionId: Uuid,
      title: z.string(),
      kind: z.string(),
      inputClosesAt: z.iso.datetime(),
      decideBy: z.iso.date(),
      reopened: z.boolean(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['decisions.read'],
  }),
  'decision.input_reminder': define({
    version: 1,
    label: 'A decision closes for input tomorrow',
    description: "A day before a decision's input window closes, the stakeholders who have not answered are reminded, once per window.",
    audience: 'Stakeholders who have not given input yet',
    payload: z.object({
      decisionId: Uuid,
      title: z.string(),
      inputClosesAt: z.iso.datetime(),
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['decisions.read'],
  }),
  'decision.decided': define({
    version: 1,
    label: 'A decision you gave input on was made',
    description:
      'The owner recorded the outcome of a decision: the option chosen, why, and what changed because of the input (always said when anyone objected).',
    audience: 'Everyone who gave input in the round it closes; not the person who decided',
    payload: z.object({
      decisionId: Uuid,
      title: z.string(),
      round: z.number().int(),
      chosenOption: z.string(),
      rationale: z.string(),
      whatChanged: z.string().nullable(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['decisions.read'],
  }),
  'meeting.agenda_published': define({
    version: 1,
    label: 'A sync agenda you attend was published',
    description:
      "The owner of a meeting series published an occurrence's agenda: when it starts (an instant, with the series' time zone), its items, and the path of its .ics invitation.",
    audience: 'The attendees of the series; not the person who published',
    payload: z.object({
      seriesId: Uuid,
      seq: z.number().int(),
      title: z.string(),
      startsAt: z.iso.datetime(),
      timeZone: z.string(),
      items: z.array(z.string()),
      icsPath: z.string(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['meetings.read'],
  }),
  'meeting.action_item_assigned': define({
    version: 1,
    label: 'An action item from a sync is yours',
    description: 'An action item agreed in a sync meeting names you as its owner, with a due date; it stays on the next agendas until done.',
    audience: 'The action item’s owner, unless they created it',
    payload: z.object({
      actionItemId: Uuid,
      seriesId: Uuid,
      seq: z.number().int(),
      meetingTitle: z.string(),
      title: z.string(),
      dueOn: z.iso.date(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['meetings.read'],
  }),
  'pulse.opened': define({
    version: 1,
    label: 'A pulse survey is open',
    description:
      'A short pulse on how marketing and sales work together opened: a few statements on a 1–5 scale, under two minutes. Answers are anonymous (only team and role are kept).',
    audience: 'Every active marketing and sales member (not admins)',
    payload: z.object({ pulseId: Uuid, number: z.number().int(), closesAt: z.iso.datetime(), recipientUserIds: z.array(Uuid) }),
    channels: ['in_app', 'email', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['alignment.answer'],
  }),
  'pulse.reminder': define({
    version: 1,
    label: 'A pulse survey closes soon',
    description: 'Two days before a pulse closes, the people asked who have not answered are reminded once (known only through the one-way participation record).',
    audience: 'Marketing and sales members asked who have not answered',
    payload: z.object({ pulseId: Uuid, number: z.number().int(), closesAt: z.iso.datetime(), recipientUserIds: z.array(Uuid) }),
    channels: ['in_app', 'email', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['alignment.answer'],
  }),
  'attribution.dispute_raised': define({
    version: 1,
    label: 'A credit dispute was raised',
    description: "Someone disputed a touchpoint's inclusion in a deal's credit, or the deal's split between teams, with a reason; an admin accepts it (with an adjustment) or rejects it (with a reason).",
    audience: 'The admins (who resolve disputes), not the person who raised it',
    payload: z.object({
      disputeId: Uuid,
      dealId: Uuid,
      dealName: z.string(),
      target: z.enum(['touchpoint', 'split']),
      reason: z.string(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['attribution.admin'],
  }),
  'attribution.dispute_resolved': define({
    version: 1,
    label: 'A credit dispute was resolved',
    description: 'An admin accepted a credit dispute with an adjustment (touchpoints excluded or a team split), or rejected it with a reason.',
    audience: "Both sides: the person who raised it, the deal's owner and the disputed touchpoint's owner; not the admin who resolved it",
    payload: z.object({
      disputeId: Uuid,
      dealId: Uuid,
      dealName: z.string(),
      outcome: z.enum(['accepted', 'rejected']),
      resolution: z.string(),
      by: Actor,
      recipientUserIds: z.array(Uuid),
    }),
    channels: ['in_app', 'email', 'slack', 'webhook'],
    priority: 'normal',
    defaults: ['in_app', 'email'],
    roles: PERMISSIONS['attribution.read'],
  }),
} as const;

export type EventType = keyof typeof EVENTS;
export const EVENT_TYPES = Object.keys(EVENTS) as EventType[];
export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);
export type EventPayload<T extends EventType> = z.infer<(typeof EVENTS)[T]['payload']>;

/** The envelope every consumer receives (webhook body, Slack and email templates). */
export const EventEnvelope = z.object({
  id: Uuid.describe('The event id: the same on every delivery and redelivery, so receivers can de-duplicate'),
  type: EventTypeSchema,
  version: z.number().int(),
  workspace: z.object({ id: Uuid, slug: z.string() }),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;
