import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from '../common.ts';

/**
 * Attribution: touchpoints on deals, nine credit models computed side by side, one model of record chosen by an
 * admin in the open, and disputes with their resolution. Money is a decimal string in the deal's currency
 * ("1234.56"); credits of a deal sum exactly to its amount.
 */

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'j_shaped', 'inverse_j'] as const;
export const AttributionModel = z.enum(ATTRIBUTION_MODELS);
export type AttributionModel = z.infer<typeof AttributionModel>;
export const ATTRIBUTION_MODEL_LABELS: Record<AttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  u_shaped: 'U-shaped',
  w_shaped: 'W-shaped',
  full_path: 'Full path',
  time_decay: 'Time decay',
  j_shaped: 'J-shaped',
  inverse_j: 'Inverse J',
};

export const TOUCHPOINT_TEAMS = ['marketing', 'sales', 'partner'] as const;
export const TouchpointTeam = z.enum(TOUCHPOINT_TEAMS, { error: 'one of marketing, sales, partner' });
export type TouchpointTeam = z.infer<typeof TouchpointTeam>;
export const TOUCHPOINT_TEAM_LABELS: Record<TouchpointTeam, string> = { marketing: 'Marketing', sales: 'Sales', partner: 'Partners' };

/** The sources of the touchpoints Tandem records itself (a library share or attachment, a request's deal support). */
export const LIBRARY_SOURCE = 'tandem.library';
export const REQUESTS_SOURCE = 'tandem.requests';

export const TOUCHPOINT_KINDS = ['campaign_response', 'webinar', 'content_shared', 'pmm_deal_support', 'demo', 'meeting', 'proposal', 'other'] as const;
export const TouchpointKind = z.enum(TOUCHPOINT_KINDS, { error: `one of ${TOUCHPOINT_KINDS.join(', ')}` });
export type TouchpointKind = z.infer<typeof TouchpointKind>;

/** A decimal string of money ("1234.56", "-3.10"). */
export const Money = z.string().regex(/^-?\d+\.\d{2}$/);

export const TouchpointInput = z.object({
  source: z.string().trim().min(1, 'a source is required (e.g. salesforce, hubspot)').max(100),
  externalId: z.string().trim().min(1, 'an externalId is required: the id in the source system').max(200),
  dealId: Uuid,
  occurredAt: IsoDateTime({ offset: true }),
  team: TouchpointTeam,
  kind: TouchpointKind.default('other'),
  campaign: z.string().trim().max(300).nullish(),
  ownerUserId: Uuid.nullish(),
  assetId: Uuid.nullish(),
});
export type TouchpointInput = z.input<typeof TouchpointInput>;

export const UpsertTouchpointsRequest = z.object({
  touchpoints: z.array(TouchpointInput).min(1, 'send at least one touchpoint').max(5000, 'at most 5,000 touchpoints per batch'),
});
export const UpsertTouchpointsResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  touchpoints: z.array(z.object({ index: z.number().int(), touchpointId: z.string(), externalId: z.string(), created: z.boolean() })),
});
export type UpsertTouchpointsResponse = z.infer<typeof UpsertTouchpointsResponse>;

export const CreditLine = z.object({ touchpointId: z.string(), externalId: z.string(), team: TouchpointTeam, credit: Money });
export type CreditLine = z.infer<typeof CreditLine>;

export const TeamFigures = z.object({ marketing: Money, sales: Money, partner: Money });
export type TeamFigures = z.infer<typeof TeamFigures>;

export const DisputeStatus = z.enum(['open', 'accepted', 'rejected']);
export type DisputeStatus = z.infer<typeof DisputeStatus>;
export const DisputeTarget = z.enum(['touchpoint', 'split']);

export const DisputeView = z.object({
  id: Uuid,
  dealId: Uuid,
  dealName: z.string(),
  target: DisputeTarget,
  touchpointId: z.string().nullable(),
  reason: z.string(),
  status: DisputeStatus,
  raisedBy: z.object({ userId: Uuid, name: z.string() }).nullable(),
  raisedAt: z.iso.datetime(),
  resolvedBy: z.object({ userId: Uuid, name: z.string() }).nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolution: z.string().nullable(),
  excludeTouchpointIds: z.array(z.string()),
  teamSplitPercent: z.object({ marketing: z.number(), sales: z.number(), partner: z.number() }).nullable(),
});
export type DisputeView = z.infer<typeof DisputeView>;

export const TouchpointView = z.object({
  touchpointId: z.string(),
  source: z.string(),
  externalId: z.string(),
  occurredAt: z.iso.datetime(),
  team: TouchpointTeam,
  kind: TouchpointKind,
  campaign: z.string().nullable(),
  /** False when it falls after the close (models count touchpoints on or before it). */
  counted: z.boolean(),
  /** Removed from the adjusted figures by an accepted dispute. */
  excluded: z.boolean(),
});

/** GET …/attribution/deals/:dealId: the issue's shape, plus the touchpoints, team totals, adjustment and trail. */
export const DealAttribution = z.object({
  dealId: Uuid,
  dealName: z.string(),
  status: z.enum(['won', 'open', 'lost']),
  amount: Money,
  currency: z.string(),
  models: z.record(AttributionModel, z.array(CreditLine)),
  modelOfRecord: AttributionModel.nullable(),
  byTeam: z.record(AttributionModel, TeamFigures),
  /** The model of record's figures after accepted disputes (null when nothing was adjusted). */
  adjusted: z.object({ model: AttributionModel, byTeam: TeamFigures, lines: z.array(CreditLine) }).nullable(),
  touchpoints: z.array(TouchpointView),
  unattributed: z.boolean(),
  disputes: z.array(DisputeView),
});
export type DealAttribution = z.infer<typeof DealAttribution>;

export const ModelRule = z.object({ model: AttributionModel, label: z.string(), rule: z.string() });

export const ModelOfRecordEntry = z.object({
  id: Uuid,
  model: AttributionModel,
  rationale: z.string(),
  effectiveFrom: IsoDate,
  chosenBy: z.object({ userId: Uuid, name: z.string() }).nullable(),
  chosenAt: z.iso.datetime(),
});
export type ModelOfRecordEntry = z.infer<typeof ModelOfRecordEntry>;

export const ModelOfRecordResponse = z.object({
  current: ModelOfRecordEntry.nullable(),
  history: z.array(ModelOfRecordEntry),
  rules: z.array(ModelRule),
  halfLifeDays: z.number().int(),
});
export type ModelOfRecordResponse = z.infer<typeof ModelOfRecordResponse>;

export const SetModelOfRecordRequest = z.object({
  model: AttributionModel,
  rationale: z.string().trim().min(10, 'say why in at least 10 characters: both teams will read it').max(2000, 'a rationale has at most 2,000 characters'),
  effectiveFrom: IsoDate,
});

export const AttributionReportQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  /** won: revenue (closed-won in the period); open: pipeline (expected to close in the period). */
  status: z.enum(['won', 'open']).default('won'),
  groupBy: z.enum(['team', 'segment', 'campaign', 'asset']).default('team'),
});
export type AttributionReportQuery = z.input<typeof AttributionReportQuery>;

/** One figure under every model, with the spread (max − min across models) beside it. */
export const ReportRow = z.object({
  key: z.string(),
  label: z.string(),
  team: TouchpointTeam.nullable(),
  byModel: z.record(AttributionModel, Money),
  min: Money,
  max: Money,
  spread: Money,
  modelOfRecord: Money.nullable(),
  /** The model of record's figure after accepted disputes' adjustments (equal to it when none touched this row). */
  adjusted: Money.nullable(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const AttributionReport = z.object({
  from: IsoDate,
  to: IsoDate,
  status: z.enum(['won', 'open']),
  groupBy: z.enum(['team', 'segment', 'campaign', 'asset']),
  currency: z.string(),
  deals: z.number().int(),
  attributedDeals: z.number().int(),
  unattributed: z.object({ deals: z.number().int(), amount: Money, sample: z.array(z.object({ dealId: Uuid, name: z.string(), amount: Money })) }),
  total: Money,
  modelOfRecord: AttributionModel.nullable(),
  /** Deals of the period whose figures an accepted dispute adjusted. */
  adjustedDeals: z.number().int(),
  rows: z.array(ReportRow),
  rules: z.array(ModelRule),
});
export type AttributionReport = z.infer<typeof AttributionReport>;

export const CreateDisputeRequest = z
  .object({
    dealId: Uuid,
    target: DisputeTarget,
    touchpointId: z.string().regex(/^\d+$/, 'a touchpoint id (digits)').nullish(),
    reason: z.string().trim().min(5, 'give a reason of at least 5 characters').max(2000, 'a reason has at most 2,000 characters'),
  })
  .superRefine((v, ctx) => {
    if (v.target === 'touchpoint' && !v.touchpointId) ctx.addIssue({ code: 'custom', path: ['touchpointId'], message: 'name the touchpoint disputed' });
  });

export const ResolveDisputeRequest = z
  .object({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().trim().min(5, 'give a reason of at least 5 characters').max(2000, 'a reason has at most 2,000 characters'),
    /** With accept: touchpoints to leave out of the deal's adjusted figures. */
    excludeTouchpointIds: z.array(z.string().regex(/^\d+$/, 'a touchpoint id (digits)')).max(200).default([]),
    /** With accept: the deal's split by team in percent (summing to 100). */
    teamSplitPercent: z
      .object({ marketing: z.number().min(0).max(100), sales: z.number().min(0).max(100), partner: z.number().min(0).max(100) })
      .refine((s) => Math.abs(s.marketing + s.sales + s.partner - 100) < 0.005, 'the percentages must add up to 100')
      .nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'accept' && v.excludeTouchpointIds.length === 0 && !v.teamSplitPercent)
      ctx.addIssue({ code: 'custom', path: ['excludeTouchpointIds'], message: 'an accepted dispute carries an adjustment: touchpoints to exclude or a team split' });
  });

export const DisputeChangeResponse = z.object({ dispute: DisputeView, notified: z.array(z.object({ userId: Uuid, name: z.string() })) });
export type DisputeChangeResponse = z.infer<typeof DisputeChangeResponse>;

export const DisputeListQuery = z.object({ status: DisputeStatus.optional(), dealId: Uuid.optional() });
export const DisputeList = z.object({ items: z.array(DisputeView), total: z.number().int() });
export type DisputeList = z.infer<typeof DisputeList>;

export const RecomputeRequest = z.object({ mode: z.enum(['full', 'changed']).default('changed') });
export const RecomputeResponse = z.object({ mode: z.enum(['full', 'changed']), deals: z.number().int(), touchpoints: z.number().int(), ms: z.number().int() });
export type RecomputeResponse = z.infer<typeof RecomputeResponse>;
