import { z } from 'zod';
import { IsoDate, ListQuery, Uuid, listEnvelope } from '../common.ts';
import { RequestPerson, RequestStatus, RequestSummary, RequestType } from './common.ts';

/**
 * Schemas of the requests' items feature: filing, the queue, a request's page, its lifecycle, +1 and merging,
 * placing against the score, comments and the activity log. See ./common.ts for what lists share.
 */

const Title = z.string().trim().min(1, 'a title is required').max(200, 'a title has at most 200 characters');
const Description = z.string().trim().min(1, 'say what you need and why').max(20_000, 'a description has at most 20,000 characters');
const Reason = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(2_000, 'a reason has at most 2,000 characters');
const DealIds = z.array(Uuid).max(50, 'link at most 50 deals');
/** Hours of PMM work; fractions allowed (0.5 = half an hour). */
export const EstimateHours = z
  .number({ error: 'an estimate is a number of hours' })
  .min(0.25, 'an estimate is at least 0.25 hours')
  .max(1_000, 'an estimate is at most 1,000 hours');

/** Three fields required (type, title, description); a needed-by date in the past is refused (400 naming `neededBy`). */
export const CreateRequestRequest = z.object({
  type: RequestType,
  title: Title,
  description: Description,
  dealIds: DealIds.default([]),
  neededBy: IsoDate.nullable().optional(),
});
export type CreateRequestRequest = z.input<typeof CreateRequestRequest>;

/** What the requesters (and PMMs) may change; fields left out stay. */
export const UpdateRequestRequest = z.object({
  type: RequestType.optional(),
  title: Title.optional(),
  description: Description.optional(),
  neededBy: IsoDate.nullable().optional(),
  /** The caller's own linked deals, replaced (other requesters' deals stay). */
  dealIds: DealIds.optional(),
});
export type UpdateRequestRequest = z.input<typeof UpdateRequestRequest>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')).filter(Boolean)), z.array(item).optional());

export const REQUEST_SORTS = ['score', 'needed_by', 'created', 'updated'] as const;
export const RequestListQuery = ListQuery.extend({
  /** Default: the open queue (new, triaged, in progress). */
  status: csv(RequestStatus),
  type: csv(RequestType),
  /** `me`, `none` (unassigned) or a user id. */
  assignee: z.union([z.literal('me'), z.literal('none'), Uuid]).optional(),
  /** `me`: requests the caller filed or joined. */
  requester: z.literal('me').optional(),
  dealId: Uuid.optional(),
  q: z.string().trim().max(200).optional(),
  /** `score` (default) is the queue order: overrides first, then the score. */
  sort: z.enum(REQUEST_SORTS).default('score'),
});
export type RequestListQuery = z.input<typeof RequestListQuery>;
export const RequestList = listEnvelope(RequestSummary);
export type RequestList = z.infer<typeof RequestList>;

/** Open requests like the text being typed ("+1 this instead"). */
export const SimilarRequestsQuery = z.object({
  text: z.string().trim().min(3, 'type at least 3 characters').max(20_000),
  type: RequestType.optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type SimilarRequestsQuery = z.input<typeof SimilarRequestsQuery>;
export const SimilarRequest = z.object({
  request: RequestSummary,
  /** 0–1, how close the texts are. */
  similarity: z.number(),
});
export const SimilarRequests = z.object({ items: z.array(SimilarRequest) });
export type SimilarRequests = z.infer<typeof SimilarRequests>;

export const RequestDeal = z.object({
  dealId: Uuid,
  name: z.string(),
  accountName: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  /** In the workspace's base currency. */
  amountBase: z.number().nullable(),
  stage: z.string(),
  probability: z.number(),
  isOpen: z.boolean(),
  closeDate: z.string().nullable(),
  /** Who linked it. */
  addedBy: RequestPerson.nullable(),
});
export type RequestDeal = z.infer<typeof RequestDeal>;

export const RequestAttachment = z.object({
  fileId: Uuid,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedBy: RequestPerson.nullable(),
  uploadedAt: z.string(),
});
export type RequestAttachment = z.infer<typeof RequestAttachment>;

export const RequestDelivery = z.object({
  assets: z.array(z.object({ assetId: Uuid, title: z.string(), type: z.string() })),
  note: z.string().nullable(),
  deliveredAt: z.string(),
  deliveredBy: RequestPerson.nullable(),
});
export type RequestDelivery = z.infer<typeof RequestDelivery>;

/** What the caller may do here (the web app shows only those buttons). */
export const RequestPermissions = z.object({
  edit: z.boolean(),
  triage: z.boolean(),
  start: z.boolean(),
  deliver: z.boolean(),
  accept: z.boolean(),
  reopen: z.boolean(),
  decline: z.boolean(),
  plusOne: z.boolean(),
  merge: z.boolean(),
  override: z.boolean(),
  boost: z.boolean(),
  comment: z.boolean(),
  attach: z.boolean(),
});
export type RequestPermissions = z.infer<typeof RequestPermissions>;

export const RequestDetail = RequestSummary.extend({
  description: z.string(),
  deals: z.array(RequestDeal),
  attachments: z.array(RequestAttachment),
  delivery: RequestDelivery.nullable(),
  declineReason: z.string().nullable(),
  /** Set when status is `merged`. */
  mergedInto: z.object({ id: Uuid, number: z.number().int(), title: z.string() }).nullable(),
  strategicBoost: z.object({ points: z.number(), reason: z.string(), by: RequestPerson.nullable(), at: z.string() }).nullable(),
  /** The caller filed or joined it. */
  isRequester: z.boolean(),
  firstRespondedAt: z.string().nullable(),
  permissions: RequestPermissions,
});
export type RequestDetail = z.infer<typeof RequestDetail>;

/** What changed and who was told (the web app says it in plain words). */
export const RequestChangeResponse = z.object({
  request: RequestDetail,
  /** People notified of this change (not counting the caller). */
  notified: z.array(RequestPerson),
});
export type RequestChangeResponse = z.infer<typeof RequestChangeResponse>;

/** new → triaged, or a new estimate/assignee later. */
export const TriageRequestRequest = z.object({ estimateHours: EstimateHours, assigneeUserId: Uuid });
export type TriageRequestRequest = z.input<typeof TriageRequestRequest>;

export const DeliverRequestRequest = z
  .object({
    assetIds: z.array(Uuid).max(20, 'deliver at most 20 assets').default([]),
    note: z.string().trim().max(5_000, 'a note has at most 5,000 characters').optional(),
  })
  .refine((d) => d.assetIds.length > 0 || (d.note ?? '').length > 0, { message: 'deliver at least one library asset or a note', path: ['assetIds'] });
export type DeliverRequestRequest = z.input<typeof DeliverRequestRequest>;

export const ReasonRequest = z.object({ reason: Reason });
export type ReasonRequest = z.input<typeof ReasonRequest>;

/** Join as a requester (with your own deals) instead of filing a duplicate. */
export const PlusOneRequest = z.object({ dealIds: DealIds.default([]) });
export type PlusOneRequest = z.input<typeof PlusOneRequest>;

/** Merge this request into another: every requester and deal moves there; this one is closed as merged. */
export const MergeRequestRequest = z.object({ intoRequestId: Uuid });
export type MergeRequestRequest = z.input<typeof MergeRequestRequest>;

export const OverrideRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pin'), reason: Reason }),
  z.object({ kind: z.literal('position'), position: z.number().int().min(1, 'positions start at 1').max(100_000), reason: Reason }),
  z.object({ kind: z.literal('clear') }),
]);
export type OverrideRequest = z.input<typeof OverrideRequest>;

/** An admin's strategic boost, 0–100 points of the strategic part (0 clears it). */
export const BoostRequest = z.object({
  points: z.number({ error: 'points is a number from 0 to 100' }).min(0, 'points is at least 0').max(100, 'points is at most 100'),
  reason: Reason,
});
export type BoostRequest = z.input<typeof BoostRequest>;

export const RequestComment = z.object({
  id: Uuid,
  author: RequestPerson.nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type RequestComment = z.infer<typeof RequestComment>;
export const RequestCommentList = z.object({ items: z.array(RequestComment) });
export type RequestCommentList = z.infer<typeof RequestCommentList>;
export const CreateCommentRequest = z.object({ body: z.string().trim().min(1, 'a comment is empty').max(10_000, 'a comment has at most 10,000 characters') });
export type CreateCommentRequest = z.input<typeof CreateCommentRequest>;
export const CreateCommentResponse = z.object({ comment: RequestComment, notified: z.array(RequestPerson) });
export type CreateCommentResponse = z.infer<typeof CreateCommentResponse>;

export const REQUEST_ACTIVITY_KINDS = [
  'filed',
  'edited',
  'plus_one',
  'triaged',
  'started',
  'delivered',
  'accepted',
  'reopened',
  'declined',
  'merged',
  'merged_in',
  'overridden',
  'boosted',
  'commented',
  'attached',
  'sla_due_soon',
  'sla_breached',
] as const;
export const RequestActivityKind = z.enum(REQUEST_ACTIVITY_KINDS);
export type RequestActivityKind = z.infer<typeof RequestActivityKind>;
export const RequestActivity = z.object({
  id: Uuid,
  kind: RequestActivityKind,
  actor: RequestPerson.nullable(),
  /** One line in plain words ("Dana triaged it: 6 h, assigned to Priya"). */
  text: z.string(),
  at: z.string(),
});
export type RequestActivity = z.infer<typeof RequestActivity>;
export const RequestActivityList = z.object({ items: z.array(RequestActivity) });
export type RequestActivityList = z.infer<typeof RequestActivityList>;
