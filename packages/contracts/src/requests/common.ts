import { z } from 'zod';
import { Uuid } from '../common.ts';

/**
 * Requests: what sales asks product marketing for (material, intel, help on a deal), in one public queue ordered
 * by a score anyone can read, with SLA clocks in business hours and the team's capacity drawn as a line. This file
 * holds what the module's features share; each feature's schemas are in `requests/<feature>.ts`.
 */

export const REQUEST_TYPES = ['new_asset', 'customize', 'competitive_intel', 'deal_support', 'training', 'other'] as const;
export const RequestType = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestType>;
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  new_asset: 'New asset',
  customize: 'Customize for a prospect',
  competitive_intel: 'Competitive intel',
  deal_support: 'Deal support / join a call',
  training: 'Training',
  other: 'Other',
};

/**
 * new → triaged (estimate, assignee) → in_progress → delivered → accepted; a delivered request can be reopened
 * (back to in_progress, with a reason); declined (with a reason) from any open state; merged into another request
 * (its requesters and deals move there).
 */
export const REQUEST_STATUSES = ['new', 'triaged', 'in_progress', 'delivered', 'accepted', 'declined', 'merged'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  in_progress: 'In progress',
  delivered: 'Delivered',
  accepted: 'Accepted',
  declined: 'Declined',
  merged: 'Merged',
};
/** The statuses in the queue (work still to do or to confirm). */
export const OPEN_REQUEST_STATUSES = ['new', 'triaged', 'in_progress'] as const satisfies readonly RequestStatus[];

export const SLA_STATES = ['on_track', 'due_soon', 'breached', 'met', 'missed'] as const;
export const SlaState = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof SlaState>;
export const SLA_STATE_LABELS: Record<SlaState, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  breached: 'Breached',
  met: 'Met',
  missed: 'Missed',
};

export const SCORE_PARTS = ['pipeline', 'urgency', 'reach', 'strategic'] as const;
export const ScorePartName = z.enum(SCORE_PARTS);
export type ScorePartName = z.infer<typeof ScorePartName>;
export const SCORE_PART_LABELS: Record<ScorePartName, string> = {
  pipeline: 'Pipeline at stake',
  urgency: 'Urgency',
  reach: 'Reach',
  strategic: 'Strategic boost',
};

/** One part of the priority score: its value (0–100), its weight, and in plain words where the value comes from. */
export const ScorePart = z.object({ name: ScorePartName, value: z.number(), weight: z.number(), detail: z.string() });
export type ScorePart = z.infer<typeof ScorePart>;
/** `total` = Σ value × weight over `parts`. */
export const RequestScore = z.object({ total: z.number(), parts: z.array(ScorePart) });
export type RequestScore = z.infer<typeof RequestScore>;

const Clock = z.object({
  state: SlaState,
  /** Business hours left before the target (negative: hours past it); null once answered or delivered. */
  businessHoursLeft: z.number().nullable(),
});
/** The request's SLA clocks, in business hours of the workspace calendar; `state` is the worse open clock. */
export const RequestSla = z.object({
  firstResponseDueAt: z.string(),
  deliveryDueAt: z.string(),
  state: SlaState,
  firstResponse: Clock,
  delivery: Clock,
});
export type RequestSla = z.infer<typeof RequestSla>;

export const RequestPerson = z.object({ userId: Uuid, name: z.string() });
export type RequestPerson = z.infer<typeof RequestPerson>;

/** A PMM's placement of a request against the score: pinned to the top, or at a position, with the reason. */
export const RequestOverride = z.object({
  kind: z.enum(['pin', 'position']),
  /** 1-based position in the open queue (kind `position`). */
  position: z.number().int().nullable(),
  reason: z.string(),
  by: RequestPerson.nullable(),
  at: z.string(),
});
export type RequestOverride = z.infer<typeof RequestOverride>;

/** Where the request stands against the team's capacity at today's order (open requests with an estimate). */
export const RequestPlan = z.object({
  expectedDoneOn: z.string().nullable(),
  belowLine: z.boolean(),
  /** Plain words a rep understands: why it will or will not be done by its date. */
  reason: z.string(),
});
export type RequestPlan = z.infer<typeof RequestPlan>;

/** A request as every list shows it. */
export const RequestSummary = z.object({
  id: Uuid,
  /** The workspace's running number, shown as #123. */
  number: z.number().int(),
  type: RequestType,
  title: z.string(),
  status: RequestStatus,
  requesters: z.array(RequestPerson),
  assignee: RequestPerson.nullable(),
  neededBy: z.string().nullable(),
  estimateHours: z.number().nullable(),
  /** Linked deals (of all requesters) and their accounts. */
  dealCount: z.number().int(),
  accountCount: z.number().int(),
  /** Σ amount × stage probability over the linked open deals, in the workspace's base currency. */
  pipelineAtStake: z.number(),
  currency: z.string(),
  score: RequestScore,
  /** 1-based place in the open queue (overrides applied); null when not open. */
  rank: z.number().int().nullable(),
  override: RequestOverride.nullable(),
  sla: RequestSla,
  plan: RequestPlan.nullable(),
  commentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;
