/**
 * Attribution's use cases without HTTP: touchpoint upserts (all-or-nothing, each bad row named by index and field),
 * a deal's credit under every model (computed live from its touchpoints, the same code the ledger runs), the model
 * of record with its history, and disputes with their resolution, each change audited and announced in its transaction.
 */
import type { z } from 'zod';
import {
  ATTRIBUTION_MODEL_LABELS,
  type CreateDisputeRequest,
  type DealAttribution,
  type DisputeChangeResponse,
  type DisputeListQuery,
  type DisputeView,
  type ModelOfRecordResponse,
  type ResolveDisputeRequest,
  type SetModelOfRecordRequest,
  type UpsertTouchpointsRequest,
  type UpsertTouchpointsResponse,
} from '@tandem/contracts';
import type { Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { AttributionErrors as E } from './attribution.errors.ts';
import { attributionRepository as repo, type DealFacts, type DisputeRow, type TouchpointInsert } from './attribution.repository.ts';
import { MODELS, TEAMS, adjustedCredits, adjustmentOf, dealCredits, money } from './deal-credit.ts';
import { endOfDay } from './models/markers.ts';
import { MODEL_RULES, type Model } from './models/models.ts';

type Upsert = z.output<typeof UpsertTouchpointsRequest>;
type SetMor = z.output<typeof SetModelOfRecordRequest>;
type CreateDispute = z.output<typeof CreateDisputeRequest>;
type Resolve = z.output<typeof ResolveDisputeRequest>;
type DisputeQuery = z.output<typeof DisputeListQuery>;

export interface AttributionOptions {
  now?: () => Date;
}

export const RULES = MODELS.map((model) => ({ model, label: ATTRIBUTION_MODEL_LABELS[model], rule: MODEL_RULES[model] }));

/** The model in effect on `date` (the latest chosen effective by then), else the earliest chosen; null if none. */
export function modelInEffect(history: { model: Model; effectiveFrom: string }[], date: string): Model | null {
  const sorted = [...history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found: Model | null = sorted[0]?.model ?? null;
  for (const h of sorted) if (h.effectiveFrom <= date) found = h.model;
  return found;
}

function disputeView(r: { row: DisputeRow; dealName: string; raisedByName: string | null; resolvedByName: string | null }): DisputeView {
  const d = r.row;
  const bp = d.teamSplitBp;
  return {
    id: d.id,
    dealId: d.dealId,
    dealName: r.dealName,
    target: d.target,
    touchpointId: d.touchpointId === null ? null : String(d.touchpointId),
    reason: d.reason,
    status: d.status,
    raisedBy: d.raisedByUserId ? { userId: d.raisedByUserId, name: r.raisedByName ?? '' } : null,
    raisedAt: d.raisedAt.toISOString(),
    resolvedBy: d.resolvedByUserId ? { userId: d.resolvedByUserId, name: r.resolvedByName ?? '' } : null,
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    resolution: d.resolution,
    excludeTouchpointIds: (d.excludeTouchpointIds ?? []).map(String),
    teamSplitPercent: bp ? { marketing: bp[0]! / 100, sales: bp[1]! / 100, partner: bp[2]! / 100 } : null,
  };
}

export function createAttributionService(deps: Deps, options: AttributionOptions = {}) {
  const { database } = deps;
  const clock = options.now ?? (() => new Date());

  async function dealOr404(tx: Tx, ctx: TenantContext, dealId: string): Promise<DealFacts> {
    const deal = (await repo.deals(tx, ctx.workspaceId, [dealId])).get(dealId);
    if (!deal) throw E.dealNotFound(dealId);
    return deal;
  }

  async function disputeOr404(tx: Tx, ctx: TenantContext, id: string): Promise<DisputeView> {
    const [row] = await repo.disputes(tx, ctx.workspaceId, { id });
    if (!row) throw E.disputeNotFound(id);
    return disputeView(row);
  }

  async function mor(tx: Tx, ctx: TenantContext): Promise<ModelOfRecordResponse> {
    const rows = await repo.modelOfRecordHistory(tx, ctx.workspaceId);
    const history = rows.map(({ row, name }) => ({
      id: row.id,
      model: row.model,
      rationale: row.rationale,
      effectiveFrom: row.effectiveFrom,
      chosenBy: row.chosenByUserId ? { userId: row.chosenByUserId, name: name ?? '' } : null,
      chosenAt: row.chosenAt.toISOString(),
    }));
    const today = clock().toISOString().slice(0, 10);
    const current = history.find((h) => h.effectiveFrom <= today) ?? null;
    return { current, history, rules: RULES, halfLifeDays: await repo.halfLifeDays(tx, ctx.workspaceId) };
  }

  const audit = (tx: Tx, ctx: TenantContext, action: string, targetType: string, targetId: string, targetLabel: string, details: Record<string, unknown>) =>
    deps.audit(tx, ctx.workspaceId, ctx.actor, { action, targetType, targetId, targetLabel, details });

  /** The active people among `ids` other than the actor: who an event tells. */
  async function toldOf(tx: Tx, ctx: TenantContext, ids: (string | null | undefined)[]) {
    const wanted = [...new Set(ids.filter((x): x is string => !!x && x !== ctx.actor.userId))];
    const members = await repo.members(tx, ctx.workspaceId, wanted);
    return wanted.filter((id) => members.get(id)?.active).map((userId) => ({ userId, name: members.get(userId)!.name }));
  }

  return {
    rules: RULES,

    async upsertTouchpoints(ctx: TenantContext, body: Upsert): Promise<UpsertTouchpointsResponse> {
      const now = clock().getTime();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const list = body.touchpoints;
        const found = await repo.deals(tx, ctx.workspaceId, [...new Set(list.map((t) => t.dealId))]);
        const owners = await repo.members(tx, ctx.workspaceId, list.map((t) => t.ownerUserId).filter((x): x is string => !!x));
        const errors: { path: string; message: string }[] = [];
        const seen = new Map<string, number>();
        const rows: TouchpointInsert[] = [];
        list.forEach((t, i) => {
          const at = `body.touchpoints[${i}]`;
          const key = `${t.source}\u0000${t.externalId}`;
          if (seen.has(key)) errors.push({ path: `${at}.externalId`, message: `${t.source}/${t.externalId} is also at index ${seen.get(key)}: send each touchpoint once per batch` });
          seen.set(key, i);
          const deal = found.get(t.dealId);
          if (!deal) return errors.push({ path: `${at}.dealId`, message: `no deal ${t.dealId} in this workspace` });
          const when = Date.parse(t.occurredAt);
          const closeEnd = deal.closeDate ? endOfDay(deal.closeDate) : now;
          if (when > now && when > closeEnd)
            errors.push({ path: `${at}.occurredAt`, message: `${t.occurredAt} is in the future and after the deal's close (${deal.closeDate ?? 'no close date'}): a touchpoint is something that happened` });
          if (t.ownerUserId && !owners.has(t.ownerUserId)) errors.push({ path: `${at}.ownerUserId`, message: `no member ${t.ownerUserId} in this workspace` });
          rows.push({
            workspaceId: ctx.workspaceId,
            source: t.source,
            externalId: t.externalId,
            dealId: t.dealId,
            occurredAt: new Date(when),
            team: t.team,
            kind: t.kind,
            campaign: t.campaign ?? null,
            ownerUserId: t.ownerUserId ?? null,
            assetId: t.assetId ?? null,
          });
        });
        if (errors.length) throw E.invalidFields(errors);
        const before = await repo.currentDeals(tx, ctx.workspaceId, rows.map((r) => ({ source: r.source, externalId: r.externalId })));
        const saved = await repo.upsertTouchpoints(tx, rows);
        await repo.markDirty(tx, ctx.workspaceId, [...before, ...rows.map((r) => r.dealId)]);
        const byKey = new Map(saved.map((s) => [`${s.source}\u0000${s.externalId}`, s]));
        const out = list.map((t, index) => {
          const s = byKey.get(`${t.source}\u0000${t.externalId}`)!;
          return { index, touchpointId: String(s.id), externalId: s.externalId, created: s.created };
        });
        const created = out.filter((o) => o.created).length;
        return { created, updated: out.length - created, touchpoints: out };
      });
    },

    async dealCredit(ctx: TenantContext, dealId: string): Promise<DealAttribution> {
      const now = clock();
      return database.readTenant(ctx.workspaceId, async (tx) => {
        const deal = await dealOr404(tx, ctx, dealId);
        const tps = await repo.dealTouchpoints(tx, ctx.workspaceId, dealId);
        const halfLife = await repo.halfLifeDays(tx, ctx.workspaceId);
        const history = (await repo.modelOfRecordHistory(tx, ctx.workspaceId)).map((h) => h.row);
        const accepted = await repo.acceptedDisputes(tx, ctx.workspaceId, dealId);
        const disputes = (await repo.disputes(tx, ctx.workspaceId, { dealId })).map(disputeView);
        const modelOfRecord = modelInEffect(history, deal.stageCategory === 'won' && deal.closeDate ? deal.closeDate : now.toISOString().slice(0, 10));
        const amount = deal.amountCents ?? 0n;
        const touches = tps.map((t) => ({ id: t.id, occurredAt: t.occurredAt.getTime(), team: t.team }));
        const attributable = deal.stageCategory !== 'lost' && deal.amountCents !== null && deal.amountCents >= 0n;
        const facts = { ...deal, amountCents: amount, status: deal.stageCategory === 'won' ? ('won' as const) : ('open' as const) };
        const base = attributable ? dealCredits(facts, touches, halfLife, now.getTime()) : { counted: [], credits: [], teamCredits: [] };
        const byId = new Map(tps.map((t) => [t.id, t]));
        const lines = (counted: typeof base.counted, credits: bigint[]) =>
          counted.map((t, i) => ({ touchpointId: String(t.id), externalId: byId.get(t.id)!.externalId, team: t.team, credit: money(credits[i]!) }));
        const teamFigures = (row: readonly bigint[]) => ({ marketing: money(row[0]!), sales: money(row[1]!), partner: money(row[2]!) });
        const models = Object.fromEntries(MODELS.map((m, k) => [m, base.counted.length ? lines(base.counted, base.credits[k]!) : []])) as DealAttribution['models'];
        const byTeam = Object.fromEntries(MODELS.map((m, k) => [m, teamFigures(base.teamCredits[k] ?? [0n, 0n, 0n])])) as DealAttribution['byTeam'];

        const adjustment = adjustmentOf(accepted);
        const excluded = adjustment.excluded;
        let adjusted: DealAttribution['adjusted'] = null;
        if (attributable && accepted.length && modelOfRecord) {
          const after = adjustedCredits(facts, touches, halfLife, now.getTime(), modelOfRecord, adjustment);
          adjusted = { model: modelOfRecord, byTeam: teamFigures(after.teams), lines: lines(after.counted, after.lines) };
        }
        const countedIds = new Set(base.counted.map((t) => t.id));
        return {
          dealId,
          dealName: deal.name,
          status: deal.stageCategory,
          amount: money(amount),
          currency: deal.currency,
          models,
          modelOfRecord,
          byTeam,
          adjusted,
          touchpoints: tps.map((t) => ({
            touchpointId: String(t.id),
            source: t.source,
            externalId: t.externalId,
            occurredAt: t.occurredAt.toISOString(),
            team: t.team,
            kind: t.kind,
            campaign: t.campaign,
            counted: countedIds.has(t.id),
            excluded: excluded.has(t.id),
          })),
          unattributed: attributable && base.counted.length === 0,
          disputes,
        };
      });
    },

    async modelOfRecord(ctx: TenantContext): Promise<ModelOfRecordResponse> {
      return database.readTenant(ctx.workspaceId, (tx) => mor(tx, ctx));
    },

    async setModelOfRecord(ctx: TenantContext, body: SetMor): Promise<ModelOfRecordResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await repo.insertModelOfRecord(tx, { workspaceId: ctx.workspaceId, model: body.model, rationale: body.rationale, effectiveFrom: body.effectiveFrom, chosenByUserId: ctx.actor.userId, chosenAt: clock() });
        await audit(tx, ctx, 'attribution.model_of_record_set', 'attribution', body.model, ATTRIBUTION_MODEL_LABELS[body.model], { effectiveFrom: body.effectiveFrom, rationale: body.rationale });
        return mor(tx, ctx);
      });
    },

    async listDisputes(ctx: TenantContext, query: DisputeQuery) {
      return database.readTenant(ctx.workspaceId, async (tx) => {
        const items = (await repo.disputes(tx, ctx.workspaceId, query)).map(disputeView);
        return { items, total: items.length };
      });
    },

    async createDispute(ctx: TenantContext, body: CreateDispute): Promise<DisputeChangeResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const deal = (await repo.deals(tx, ctx.workspaceId, [body.dealId])).get(body.dealId);
        if (!deal) throw E.invalidField('body.dealId', `no deal ${body.dealId} in this workspace`);
        let touchpointId: number | null = null;
        if (body.target === 'touchpoint') {
          touchpointId = Number(body.touchpointId);
          const tp = await repo.touchpoint(tx, ctx.workspaceId, touchpointId);
          if (!tp || tp.dealId !== body.dealId) throw E.invalidField('body.touchpointId', `no touchpoint ${body.touchpointId} on this deal`);
        }
        const id = await repo.insertDispute(tx, { workspaceId: ctx.workspaceId, dealId: body.dealId, target: body.target, touchpointId, reason: body.reason, raisedByUserId: ctx.actor.userId, raisedAt: clock() });
        const notified = await toldOf(tx, ctx, (await repo.admins(tx, ctx.workspaceId)).map((a) => a.userId));
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'attribution.dispute_raised',
          payload: { disputeId: id, dealId: body.dealId, dealName: deal.name, target: body.target, reason: body.reason, by: { userId: ctx.actor.userId, name: ctx.actor.name }, recipientUserIds: notified.map((n) => n.userId) },
          actorUserId: ctx.actor.userId,
        });
        await audit(tx, ctx, 'attribution.dispute_raised', 'deal', body.dealId, deal.name, { disputeId: id, target: body.target, touchpointId, reason: body.reason });
        return { dispute: await disputeOr404(tx, ctx, id), notified };
      });
    },

    async resolveDispute(ctx: TenantContext, id: string, body: Resolve): Promise<DisputeChangeResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.lockDispute(tx, ctx.workspaceId, id);
        if (!row) throw E.disputeNotFound(id);
        if (row.status !== 'open') throw E.disputeClosed(row.status);
        const deal = (await repo.deals(tx, ctx.workspaceId, [row.dealId])).get(row.dealId);
        const tps = await repo.dealTouchpoints(tx, ctx.workspaceId, row.dealId);
        const onDeal = new Set(tps.map((t) => t.id));
        const accept = body.decision === 'accept';
        const exclude = accept ? body.excludeTouchpointIds.map(Number) : [];
        const errors = exclude.flatMap((t, i) => (onDeal.has(t) ? [] : [{ path: `body.excludeTouchpointIds[${i}]`, message: `no touchpoint ${t} on this deal` }]));
        if (errors.length) throw E.invalidFields(errors);
        const split = accept && body.teamSplitPercent ? TEAMS.map((t) => Math.round(body.teamSplitPercent![t] * 100)) : null;
        if (split) split[0] = 10_000 - split[1]! - split[2]!;
        await repo.updateDispute(tx, ctx.workspaceId, id, {
          status: accept ? 'accepted' : 'rejected',
          resolution: body.reason,
          resolvedByUserId: ctx.actor.userId,
          resolvedAt: clock(),
          excludeTouchpointIds: accept ? exclude : null,
          teamSplitBp: split,
        });
        await repo.markDirty(tx, ctx.workspaceId, [row.dealId]);
        const tpOwner = row.touchpointId === null ? null : (tps.find((t) => t.id === row.touchpointId)?.ownerUserId ?? null);
        const notified = await toldOf(tx, ctx, [row.raisedByUserId, deal?.ownerUserId, tpOwner]);
        const dealName = deal?.name ?? '';
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'attribution.dispute_resolved',
          payload: { disputeId: id, dealId: row.dealId, dealName, outcome: accept ? 'accepted' : 'rejected', resolution: body.reason, by: { userId: ctx.actor.userId, name: ctx.actor.name }, recipientUserIds: notified.map((n) => n.userId) },
          actorUserId: ctx.actor.userId,
        });
        await audit(tx, ctx, accept ? 'attribution.dispute_accepted' : 'attribution.dispute_rejected', 'deal', row.dealId, dealName, { disputeId: id, reason: body.reason, excludeTouchpointIds: exclude, teamSplitBp: split });
        return { dispute: await disputeOr404(tx, ctx, id), notified };
      });
    },
  };
}

export type AttributionService = ReturnType<typeof createAttributionService>;
