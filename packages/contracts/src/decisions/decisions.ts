import { z } from 'zod';
import { IsoDate, IsoDateTime, ListQuery, Role, Uuid, listEnvelope } from '../common.ts';

/**
 * Decisions: the strategic calls product marketing makes (positioning, pricing, launches, segments, competitive
 * answers) with sales asked first. Each has an input window that closes at one instant, stakeholders' stances
 * (support, concern, object) with a comment, and an outcome that says what changed because of the input —
 * required when anyone objected. A decision can be reopened; earlier outcomes stay in its history.
 */

export const DECISION_KINDS = ['positioning_messaging', 'pricing_packaging', 'launch', 'target_segment', 'competitive_response', 'other'] as const;
export const DecisionKind = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof DecisionKind>;
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  positioning_messaging: 'Positioning and messaging',
  pricing_packaging: 'Pricing and packaging',
  launch: 'Launch',
  target_segment: 'Target segment',
  competitive_response: 'Competitive response',
  other: 'Other',
};

/** Where a decision stands: input being taken, the window closed and the outcome awaited, or decided. */
export const DECISION_PHASES = ['collecting_input', 'awaiting_decision', 'decided'] as const;
export const DecisionPhase = z.enum(DECISION_PHASES);
export type DecisionPhase = z.infer<typeof DecisionPhase>;
export const DECISION_PHASE_LABELS: Record<DecisionPhase, string> = {
  collecting_input: 'Collecting input',
  awaiting_decision: 'Awaiting decision',
  decided: 'Decided',
};

export const DECISION_STANCES = ['support', 'concern', 'object'] as const;
export const DecisionStance = z.enum(DECISION_STANCES);
export type DecisionStance = z.infer<typeof DecisionStance>;
export const DECISION_STANCE_LABELS: Record<DecisionStance, string> = { support: 'Support', concern: 'Concern', object: 'Object' };

export const DecisionPerson = z.object({ userId: Uuid, name: z.string() });
export type DecisionPerson = z.infer<typeof DecisionPerson>;

const Title = z.string().trim().min(1, 'a title is required').max(200, 'a title has at most 200 characters');
const Context = z.string().trim().min(1, 'say what is being decided and why now').max(20_000, 'the context has at most 20,000 characters');
const Option = z.string().trim().min(1, 'an option cannot be empty').max(300, 'an option has at most 300 characters');
const LongText = (empty: string) => z.string().trim().min(1, empty).max(5_000, 'at most 5,000 characters');
const Ids = (max: number, what: string) => z.array(Uuid).max(max, `at most ${max} ${what}`);

export const DecisionLinksInput = z.object({
  themeIds: Ids(50, 'themes').default([]),
  assetIds: Ids(50, 'assets').default([]),
  goalIds: Ids(50, 'goals').default([]),
});
export type DecisionLinksInput = z.input<typeof DecisionLinksInput>;

/**
 * Opens a decision for input now; the window closes at `inputClosesAt` (an instant: `Z` or an offset), which must be
 * in the future, and the decision is due by `decideBy` (a date no earlier than the close, in the owner's time zone).
 * Stakeholders: people by id, whole roles, whole teams; at least one person results.
 */
export const CreateDecisionRequest = z.object({
  title: Title,
  context: Context,
  kind: DecisionKind,
  options: z.array(Option).min(2, 'list at least two options').max(10, 'at most 10 options'),
  stakeholderIds: Ids(200, 'people').default([]),
  stakeholderRoles: z.array(Role).max(4).default([]),
  stakeholderTeamIds: Ids(50, 'teams').default([]),
  inputClosesAt: IsoDateTime({ offset: true }),
  decideBy: IsoDate,
  /** The owner; the caller when left out. */
  ownerUserId: Uuid.optional(),
  links: DecisionLinksInput.optional(),
});
export type CreateDecisionRequest = z.input<typeof CreateDecisionRequest>;

/** A stakeholder's stance; a comment is required for a concern or an objection. Changeable until the window closes. */
export const DecisionInputRequest = z.object({
  stance: DecisionStance,
  comment: z.string().trim().max(5_000, 'a comment has at most 5,000 characters').default(''),
});
export type DecisionInputRequest = z.input<typeof DecisionInputRequest>;

/** The outcome: one of the options, why, and what changed because of the input (required when anyone objected). */
export const DecideRequest = z.object({
  chosenOption: Option,
  rationale: LongText('say why this option'),
  whatChanged: z.string().trim().max(5_000, 'at most 5,000 characters').nullable().optional(),
});
export type DecideRequest = z.input<typeof DecideRequest>;

/** Reopening takes a reason and a new window; the earlier outcome stays in the history. */
export const ReopenDecisionRequest = z.object({
  reason: z.string().trim().min(3, 'give a reason (at least 3 characters)').max(2_000, 'a reason has at most 2,000 characters'),
  inputClosesAt: IsoDateTime({ offset: true }),
  decideBy: IsoDate,
});
export type ReopenDecisionRequest = z.input<typeof ReopenDecisionRequest>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean)), z.array(item).optional());

export const DecisionListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: csv(DecisionKind),
  status: csv(DecisionPhase),
  /** `me` or a user id. */
  owner: z.union([z.literal('me'), Uuid]).optional(),
  /** Only the decisions that concern this feedback theme (the theme's page lists them). */
  theme: Uuid.optional(),
});
export type DecisionListQuery = z.input<typeof DecisionListQuery>;

export const StanceCounts = z.object({ support: z.number().int(), concern: z.number().int(), object: z.number().int() });
export type StanceCounts = z.infer<typeof StanceCounts>;

export const DecisionSummary = z.object({
  id: Uuid,
  title: z.string(),
  kind: DecisionKind,
  phase: DecisionPhase,
  owner: DecisionPerson,
  inputClosesAt: z.string(),
  decideBy: z.string(),
  round: z.number().int(),
  stakeholderCount: z.number().int(),
  counts: StanceCounts,
  chosenOption: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The caller is a stakeholder who has not given input while the window is open. */
  awaitingMyInput: z.boolean(),
  createdAt: z.string(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;
export const DecisionList = listEnvelope(DecisionSummary);
export type DecisionList = z.infer<typeof DecisionList>;

export const DecisionStakeholder = DecisionPerson.extend({
  role: Role,
  /** How they were asked: `person`, or the role or team that brought them in. */
  via: z.enum(['person', 'role', 'team']),
  viaLabel: z.string().nullable(),
  /** Their stance in the current round, or null when they have not answered. */
  input: z.object({ stance: DecisionStance, comment: z.string(), updatedAt: z.string() }).nullable(),
});
export type DecisionStakeholder = z.infer<typeof DecisionStakeholder>;

export const DecisionOutcome = z.object({
  round: z.number().int(),
  chosenOption: z.string(),
  rationale: z.string(),
  whatChanged: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: DecisionPerson.nullable(),
  /** Stances of the round it closed. */
  counts: StanceCounts,
  reopenedAt: z.string().nullable(),
  reopenedBy: DecisionPerson.nullable(),
  reopenReason: z.string().nullable(),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const DecisionLink = z.object({
  type: z.enum(['theme', 'asset', 'goal']),
  id: Uuid,
  title: z.string(),
});
export type DecisionLink = z.infer<typeof DecisionLink>;

export const DecisionDetail = DecisionSummary.extend({
  context: z.string(),
  options: z.array(z.string()),
  inputOpenedAt: z.string(),
  stakeholders: z.array(DecisionStakeholder),
  /** The current round's outcome when decided; earlier rounds' outcomes (reopened) in `history`, newest first. */
  outcome: DecisionOutcome.nullable(),
  history: z.array(DecisionOutcome),
  links: z.array(DecisionLink),
  /** Whether anyone objected in the current round (then the outcome must say what changed). */
  anyObjection: z.boolean(),
  permissions: z.object({ giveInput: z.boolean(), decide: z.boolean(), reopen: z.boolean(), editLinks: z.boolean() }),
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

/** Every change answers the decision as it now is and who was told, by name. */
export const DecisionChangeResponse = z.object({ decision: DecisionDetail, notified: z.array(DecisionPerson) });
export type DecisionChangeResponse = z.infer<typeof DecisionChangeResponse>;

/** Who can be asked: members, teams (segments) with their lead — the lead is suggested when a team is affected. */
export const DecisionStakeholderOptions = z.object({
  people: z.array(DecisionPerson.extend({ role: Role })),
  teams: z.array(z.object({ teamId: Uuid, name: z.string(), lead: DecisionPerson.nullable(), memberCount: z.number().int() })),
});
export type DecisionStakeholderOptions = z.infer<typeof DecisionStakeholderOptions>;

/** Things a decision can concern, to pick links from: themes, published assets and goals of the workspace. */
export const DecisionLinkOptions = z.object({ items: z.array(DecisionLink) });
export type DecisionLinkOptions = z.infer<typeof DecisionLinkOptions>;
