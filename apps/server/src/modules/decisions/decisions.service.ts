/**
 * Decisions' use cases. Each change is one tenant transaction that locks the decision, checks who may do it and
 * when (the window by the service's clock), writes, audits and emits its event in the same transaction, and answers
 * the decision's page with who was told.
 */
import {
  DECISION_KIND_LABELS,
  ROLE_LABELS,
  can,
  type CreateDecisionRequest,
  type DecideRequest,
  type DecisionChangeResponse,
  type DecisionInputRequest,
  type DecisionLinksInput,
  type DecisionListQuery,
  type DecisionPerson,
  type ReopenDecisionRequest,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { decisionDetail, decisionOr404, ownsOrAdmin, summaryOf } from './decision-detail.ts';
import { isWindowOpen, windowProblems } from './decision-window.ts';
import { DecisionsErrors as E } from './decisions.errors.ts';
import { involvementRate } from './involvement.ts';
import { decisionsRepository as repo, type DecisionRow, type LinkType, type Member, type StakeholderInsert } from './decisions.repository.ts';

type Create = z.output<typeof CreateDecisionRequest>;
type Links = z.output<typeof DecisionLinksInput>;
type Input = z.output<typeof DecisionInputRequest>;
type Decide = z.output<typeof DecideRequest>;
type Reopen = z.output<typeof ReopenDecisionRequest>;
type ListQuery = z.output<typeof DecisionListQuery>;

export interface DecisionsOptions {
  /** The clock the window is judged by (tests set it; the server uses the wall clock). */
  now?: () => Date;
}

const LINK_FIELDS: [keyof Links, LinkType][] = [
  ['themeIds', 'theme'],
  ['assetIds', 'asset'],
  ['goalIds', 'goal'],
];

/** Two options in the same words (case and spacing aside) cannot be told apart when the outcome names one. */
function repeatedOptions(options: readonly string[]): { path: string; message: string }[] {
  const seen = new Map<string, number>();
  return options.flatMap((option, i) => {
    const key = option.toLowerCase().replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return [];
    }
    return [{ path: `body.options.${i}`, message: `option ${i + 1} repeats option ${first + 1} ("${option}"): each option must differ` }];
  });
}

export function createDecisionsService(deps: Deps, options: DecisionsOptions = {}) {
  const { database } = deps;
  const clock = options.now ?? (() => new Date());

  /** 400 naming each id that is not a target of this workspace (`body.links.goalIds.0`). */
  async function checkLinks(tx: Tx, ctx: TenantContext, links: Links, prefix: string) {
    const errors: { path: string; message: string }[] = [];
    const rows: { targetType: LinkType; targetId: string }[] = [];
    for (const [field, type] of LINK_FIELDS) {
      const ids = links[field];
      const found = await repo.existingTargets(tx, ctx.workspaceId, type, ids);
      ids.forEach((id, i) => (found.has(id) ? rows.push({ targetType: type, targetId: id }) : errors.push({ path: `${prefix}.${field}.${i}`, message: `no ${type} ${id} in this workspace` })));
    }
    if (errors.length) throw E.invalidFields(errors);
    return rows;
  }

  /** The people asked, each once, with how they came in; the owner is not asked (they decide). */
  async function resolveStakeholders(tx: Tx, ctx: TenantContext, body: Create, members: Map<string, Member>, ownerId: string, decisionId: string) {
    const errors: { path: string; message: string }[] = [];
    const rows = new Map<string, StakeholderInsert>();
    const add = (userId: string, via: StakeholderInsert['via'], viaLabel: string | null) => {
      if (userId !== ownerId && members.get(userId)?.active && !rows.has(userId)) rows.set(userId, { workspaceId: ctx.workspaceId, decisionId, userId, via, viaLabel });
    };
    body.stakeholderIds.forEach((id, i) => (members.get(id)?.active ? add(id, 'person', null) : errors.push({ path: `body.stakeholderIds.${i}`, message: `no active member ${id} in this workspace` })));
    const teams = await repo.teams(tx, ctx.workspaceId, body.stakeholderTeamIds);
    body.stakeholderTeamIds.forEach((id, i) => {
      const team = teams.find((t) => t.teamId === id);
      if (!team) return errors.push({ path: `body.stakeholderTeamIds.${i}`, message: `no team ${id} in this workspace` });
      if (team.leadUserId) add(team.leadUserId, 'team', `Lead of ${team.name}`);
      for (const userId of team.memberIds) add(userId, 'team', team.name);
    });
    for (const role of body.stakeholderRoles) for (const [userId, m] of members) if (m.role === role) add(userId, 'role', `${ROLE_LABELS[role]}`);
    if (errors.length) throw E.invalidFields(errors);
    if (!rows.size) throw E.invalidField('body.stakeholderIds', 'ask at least one active member besides the owner: a person, a team or a whole role');
    return [...rows.values()];
  }

  /** The active people of `userIds` other than the actor, by name: who an event tells. */
  async function toldOf(tx: Tx, ctx: TenantContext, userIds: readonly string[]): Promise<DecisionPerson[]> {
    const members = await repo.members(tx, ctx.workspaceId, userIds);
    return [...new Set(userIds)].filter((id) => id !== ctx.actor.userId && members.get(id)?.active).map((userId) => ({ userId, name: members.get(userId)!.name }));
  }

  async function askForInput(tx: Tx, ctx: TenantContext, row: DecisionRow, reopened: boolean): Promise<DecisionPerson[]> {
    const told = await toldOf(tx, ctx, (await repo.stakeholders(tx, ctx.workspaceId, row.id)).map((s) => s.userId));
    await deps.emit(tx, {
      workspaceId: ctx.workspaceId,
      type: 'decision.input_requested',
      payload: {
        decisionId: row.id,
        title: row.title,
        kind: DECISION_KIND_LABELS[row.kind],
        inputClosesAt: row.inputClosesAt.toISOString(),
        decideBy: row.decideBy,
        reopened,
        by: { userId: ctx.actor.userId, name: ctx.actor.name },
        recipientUserIds: told.map((p) => p.userId),
      },
      actorUserId: ctx.actor.userId,
    });
    return told;
  }

  /** Locks the decision, runs `change` with the clock's now, and answers the page and who was told. */
  function change(ctx: TenantContext, id: string, run: (tx: Tx, row: DecisionRow, now: Date) => Promise<DecisionPerson[]>): Promise<DecisionChangeResponse> {
    const now = clock();
    return database.withTenant(ctx.workspaceId, async (tx) => {
      const row = await decisionOr404(tx, ctx, id, true);
      const notified = await run(tx, row, now);
      return { decision: await decisionDetail(tx, ctx, id, now), notified };
    });
  }

  /** 409 naming when the current round was decided. */
  async function refuseDecided(tx: Tx, ctx: TenantContext, row: DecisionRow): Promise<never> {
    const [outcome] = await repo.outcomes(tx, ctx.workspaceId, row.id);
    throw E.alreadyDecided(outcome?.decidedAt ?? row.updatedAt);
  }

  function needOwner(ctx: TenantContext, row: DecisionRow, what: string) {
    if (!ownsOrAdmin(ctx, row)) throw E.notOwner(what);
  }

  const audit = (tx: Tx, ctx: TenantContext, row: DecisionRow, action: string, details: Record<string, unknown>) =>
    deps.audit(tx, ctx.workspaceId, ctx.actor, { action, targetType: 'decision', targetId: row.id, targetLabel: row.title, details });

  return {
    async list(ctx: TenantContext, query: ListQuery) {
      const now = clock();
      const offset = Math.max(0, Number.parseInt(query.cursor ?? '0', 10) || 0);
      const ownerUserId = query.owner === 'me' ? (ctx.actor.userId ?? undefined) : query.owner;
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const { total, rows } = await repo.list(tx, ctx.workspaceId, ctx.actor.userId, { q: query.q, kinds: query.kind, phases: query.status, ownerUserId, themeId: query.theme, offset, limit: query.limit }, now);
        const next = offset + rows.length;
        return { items: rows.map((r) => summaryOf(r, now)), total, nextCursor: next < total ? String(next) : null };
      });
    },

    async get(ctx: TenantContext, id: string) {
      return database.withTenant(ctx.workspaceId, (tx) => decisionDetail(tx, ctx, id, clock()));
    },

    async stakeholderOptions(ctx: TenantContext) {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const members = await repo.members(tx, ctx.workspaceId);
        const teams = await repo.teams(tx, ctx.workspaceId);
        const active = [...members.values()].filter((m) => m.active);
        return {
          people: active.map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
          teams: teams.map((t) => ({
            teamId: t.teamId,
            name: t.name,
            lead: t.leadUserId && members.get(t.leadUserId)?.active ? { userId: t.leadUserId, name: members.get(t.leadUserId)!.name } : null,
            memberCount: t.memberIds.length,
          })),
        };
      });
    },

    /** The scorecard's involvement rate over [from, to) (involvement.ts). */
    async involvementRate(ctx: TenantContext, period: { from: Date; to: Date }) {
      return database.withTenant(ctx.workspaceId, (tx) => involvementRate(tx, ctx, period));
    },

    async linkOptions(ctx: TenantContext) {
      return database.withTenant(ctx.workspaceId, async (tx) => ({ items: await repo.linkOptions(tx, ctx.workspaceId) }));
    },

    async create(ctx: TenantContext, body: Create): Promise<DecisionChangeResponse> {
      const now = clock();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const members = await repo.members(tx, ctx.workspaceId);
        const ownerId = body.ownerUserId ?? ctx.actor.userId;
        const owner = ownerId ? members.get(ownerId) : undefined;
        if (!ownerId || !owner?.active || !can(owner.role, 'decisions.write')) {
          throw E.invalidField('body.ownerUserId', ownerId ? `${ownerId} is not an active member who may own decisions (product marketing or an admin)` : 'name the owner');
        }
        const closesAt = new Date(body.inputClosesAt);
        const problems = [...repeatedOptions(body.options), ...windowProblems(closesAt, body.decideBy, now, owner.timeZone)];
        if (problems.length) throw E.invalidFields(problems);
        const links = await checkLinks(tx, ctx, body.links ?? { themeIds: [], assetIds: [], goalIds: [] }, 'body.links');
        const row = await repo.insert(tx, {
          workspaceId: ctx.workspaceId,
          title: body.title,
          context: body.context,
          kind: body.kind,
          options: body.options,
          ownerUserId: ownerId,
          inputOpenedAt: now,
          inputClosesAt: closesAt,
          decideBy: body.decideBy,
          createdByUserId: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await repo.addStakeholders(tx, await resolveStakeholders(tx, ctx, body, members, ownerId, row.id));
        await repo.replaceLinks(tx, ctx.workspaceId, row.id, links);
        await audit(tx, ctx, row, 'decision.created', { kind: row.kind, inputClosesAt: closesAt.toISOString(), decideBy: row.decideBy });
        const notified = await askForInput(tx, ctx, row, false);
        return { decision: await decisionDetail(tx, ctx, row.id, now), notified };
      });
    },

    async giveInput(ctx: TenantContext, id: string, body: Input): Promise<DecisionChangeResponse> {
      return change(ctx, id, async (tx, row, now) => {
        if (!isWindowOpen(row.inputClosesAt, now)) throw E.inputClosed(row.inputClosesAt);
        if (row.status === 'decided') await refuseDecided(tx, ctx, row);
        if (!ctx.actor.userId || !(await repo.isStakeholder(tx, ctx.workspaceId, id, ctx.actor.userId))) throw E.notStakeholder();
        if (body.stance !== 'support' && !body.comment) throw E.invalidField('body.comment', `say why you ${body.stance === 'object' ? 'object' : 'have a concern'}`);
        await repo.upsertInput(tx, { workspaceId: ctx.workspaceId, decisionId: id, round: row.round, userId: ctx.actor.userId, stance: body.stance, comment: body.comment, at: now });
        return [];
      });
    },

    async decide(ctx: TenantContext, id: string, body: Decide): Promise<DecisionChangeResponse> {
      return change(ctx, id, async (tx, row, now) => {
        needOwner(ctx, row, 'decide');
        if (row.status === 'decided') await refuseDecided(tx, ctx, row);
        if (!row.options.includes(body.chosenOption)) throw E.invalidField('body.chosenOption', `choose one of the options: ${row.options.map((o) => `"${o}"`).join(', ')}`);
        const inputs = await repo.inputs(tx, ctx.workspaceId, id);
        const objections = inputs.filter((i) => i.round === row.round && i.stance === 'object').length;
        const whatChanged = body.whatChanged?.trim() || null;
        if (objections && !whatChanged) {
          throw E.invalidField('body.whatChanged', `say what changed because of the input: ${objections === 1 ? 'one person' : `${objections} people`} objected`);
        }
        await repo.insertOutcome(tx, {
          workspaceId: ctx.workspaceId,
          decisionId: id,
          round: row.round,
          chosenOption: body.chosenOption,
          rationale: body.rationale,
          whatChanged,
          decidedAt: now,
          decidedByUserId: ctx.actor.userId,
        });
        const decided = await repo.update(tx, ctx.workspaceId, id, { status: 'decided' });
        await audit(tx, ctx, decided, 'decision.decided', { round: row.round, chosenOption: body.chosenOption, objections });
        const told = await toldOf(tx, ctx, inputs.map((i) => i.userId));
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'decision.decided',
          payload: {
            decisionId: id,
            title: row.title,
            round: row.round,
            chosenOption: body.chosenOption,
            rationale: body.rationale,
            whatChanged,
            by: { userId: ctx.actor.userId, name: ctx.actor.name },
            recipientUserIds: told.map((p) => p.userId),
          },
          actorUserId: ctx.actor.userId,
        });
        return told;
      });
    },

    async reopen(ctx: TenantContext, id: string, body: Reopen): Promise<DecisionChangeResponse> {
      return change(ctx, id, async (tx, row, now) => {
        needOwner(ctx, row, 'reopen');
        if (row.status !== 'decided') throw E.notDecided();
        const closesAt = new Date(body.inputClosesAt);
        const owner = (await repo.members(tx, ctx.workspaceId, [row.ownerUserId])).get(row.ownerUserId);
        const problems = windowProblems(closesAt, body.decideBy, now, owner?.timeZone ?? 'UTC');
        if (problems.length) throw E.invalidFields(problems);
        await repo.markReopened(tx, ctx.workspaceId, id, row.round, { at: now, userId: ctx.actor.userId, reason: body.reason });
        const reopened = await repo.update(tx, ctx.workspaceId, id, {
          status: 'open',
          round: row.round + 1,
          inputOpenedAt: now,
          inputClosesAt: closesAt,
          decideBy: body.decideBy,
        });
        await audit(tx, ctx, reopened, 'decision.reopened', { round: reopened.round, reason: body.reason, inputClosesAt: closesAt.toISOString() });
        return askForInput(tx, ctx, reopened, true);
      });
    },

    async setLinks(ctx: TenantContext, id: string, body: Links): Promise<DecisionChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needOwner(ctx, row, 'link');
        await repo.replaceLinks(tx, ctx.workspaceId, id, await checkLinks(tx, ctx, body, 'body'));
        return [];
      });
    },
  };
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;
