/**
 * Shared goals' use cases: create, edit and archive goals (the owners rule: at least one marketing owner and one
 * sales or sales lead owner), key results (a catalogue metric with filters, or manual), check-ins, comments and a
 * key result's history. Every change is one tenant transaction, audited; evaluation (evaluate.ts) follows it and
 * tells the owners when the goal's status changes. Reads evaluate stale key results first.
 */
import {
  PERMISSIONS,
  ROLE_LABELS,
  can,
  parseFiscalLabel,
  type Checkin,
  type CheckinList,
  type CreateCheckinRequest,
  type CreateCheckinResponse,
  type CreateGoalCommentRequest,
  type CreateGoalCommentResponse,
  type CreateGoalRequest,
  type GoalChangeResponse,
  type GoalCommentList,
  type GoalDetail,
  type GoalList,
  type GoalListQuery,
  type GoalPeriodInput,
  type KeyResultHistory,
  type KeyResultInput,
  type Role,
  type UpdateGoalRequest,
  type UpdateKeyResultRequest,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { Tx, DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../../../lib/pagination.ts';
import { GoalsErrors as E } from '../goals.errors.ts';
import { createEvaluator, localDay } from './evaluate.ts';
import { goalView, keyResultView, periodOf, person } from './goal-view.ts';
import type { CatalogueMetric, MetricsPort } from './metrics-port.ts';
import { objectivesRepository as repo, type GoalRow, type KeyResultInsert, type KeyResultRow, type Member } from './objectives.repository.ts';

type KrIn = z.output<typeof KeyResultInput>;
type CreateIn = z.output<typeof CreateGoalRequest>;
type UpdateIn = z.output<typeof UpdateGoalRequest>;
type ListIn = z.output<typeof GoalListQuery>;

const WRITERS: readonly string[] = PERMISSIONS['goals.write'];
const SALES_ROLES: readonly string[] = ['sales', 'sales_lead'];

/** "Priya (Marketing (PMM)), Dana (Admin: counts for neither team)". */
function ownerWords(ids: readonly string[], members: Map<string, Member>) {
  return ids
    .map((id) => {
      const m = members.get(id)!;
      const label = ROLE_LABELS[m.role as Role] ?? m.role;
      return m.role === 'admin' ? `${m.name} (${label}: counts for neither team)` : `${m.name} (${label})`;
    })
    .join(', ');
}

/**
 * The owners rule: every id an active member; at least one marketing owner and one sales or sales lead owner.
 * 400 naming `body.ownerIds` and saying what is missing and who was given.
 */
export function checkOwners(ownerIds: readonly string[], members: Map<string, Member>) {
  const ids = [...new Set(ownerIds)];
  ids.forEach((id, i) => {
    const m = members.get(id);
    if (!m || !m.active) throw E.invalidField(`body.ownerIds.${ownerIds.indexOf(id) >= 0 ? ownerIds.indexOf(id) : i}`, `no active member ${id} in this workspace`);
  });
  const roles = ids.map((id) => members.get(id)!.role);
  const missing = [
    ...(roles.includes('marketing') ? [] : ['an owner from marketing (a PMM)']),
    ...(roles.some((r) => SALES_ROLES.includes(r)) ? [] : ['an owner from sales (a sales rep or sales lead)']),
  ];
  if (missing.length) throw E.invalidField('body.ownerIds', `A shared goal needs ${missing.join(' and ')}; owners given: ${ownerWords(ids, members)}`);
  return ids;
}

/** The period's first and last day: a fiscal quarter by the workspace's fiscal year, or custom dates. */
export function resolvePeriod(period: GoalPeriodInput, fiscalStartMonth: number): { periodKind: 'quarter' | 'custom'; periodStart: string; periodEnd: string } {
  if (period.kind === 'quarter') {
    const q = parseFiscalLabel(period.label, fiscalStartMonth);
    if (!q || q.quarter === undefined) throw E.invalidField('body.period.label', `"${period.label}" is not a fiscal quarter; write it like FY2027 Q1`);
    return { periodKind: 'quarter', periodStart: q.start, periodEnd: q.end };
  }
  if (period.end < period.start) throw E.invalidField('body.period.end', `the period ends (${period.end}) before it starts (${period.start})`);
  return { periodKind: 'custom', periodStart: period.start, periodEnd: period.end };
}

/** A key result checked against the catalogue: 400 naming the field for an unknown metric, filter or a target equal to the baseline. */
export function checkKeyResult(kr: KrIn, path: string, catalogue: readonly CatalogueMetric[]): Omit<KeyResultInsert, 'position'> {
  let def: CatalogueMetric | undefined;
  const filters = kr.filters ?? {};
  if (kr.kind === 'metric') {
    if (!kr.metric) throw E.invalidField(`${path}.metric`, 'a metric key result names a metric of the catalogue (e.g. win-rate)');
    def = catalogue.find((m) => m.name === kr.metric);
    if (!def)
      throw E.invalidField(
        `${path}.metric`,
        `no metric "${kr.metric}" in the catalogue${catalogue.length ? `; known: ${catalogue.map((m) => m.name).join(', ')}` : ' (the catalogue is not available)'}`,
      );
    for (const key of Object.keys(filters))
      if (key === 'period' || !def.filters.includes(key))
        throw E.invalidField(`${path}.filters.${key}`, `${def.name} takes no filter "${key}"; it takes ${def.filters.filter((f) => f !== 'period').join(', ') || 'none'}`);
    if (kr.byAmount && !def.byAmount) throw E.invalidField(`${path}.byAmount`, `${def.name} is not weighed by amount`);
  } else {
    if (kr.metric) throw E.invalidField(`${path}.metric`, 'a manual key result has no metric (its values are check-ins)');
    if (Object.keys(filters).length) throw E.invalidField(`${path}.filters`, 'a manual key result has no filters');
    if (kr.byAmount) throw E.invalidField(`${path}.byAmount`, 'a manual key result is not weighed by amount');
  }
  if (kr.target === kr.baseline) throw E.invalidField(`${path}.target`, `the target equals the baseline (${kr.baseline}): there is no way to go`);
  const implied = kr.target > kr.baseline ? 'increase' : 'decrease';
  if (kr.direction && kr.direction !== implied)
    throw E.invalidField(`${path}.direction`, `the target (${kr.target}) is ${implied === 'increase' ? 'above' : 'below'} the baseline (${kr.baseline}), so the direction is ${implied}`);
  return {
    title: kr.title,
    kind: kr.kind,
    metric: kr.kind === 'metric' ? kr.metric! : null,
    filters,
    byAmount: kr.byAmount ?? false,
    baseline: String(kr.baseline),
    target: String(kr.target),
    direction: implied,
    unit: kr.unit ?? (def ? (def.kind === 'proportion' && !kr.byAmount ? 'fraction' : def.unit) : 'count'),
    currentValue: null,
    status: 'no_data',
    evaluatedAt: null,
  };
}

const asInput = (kr: KeyResultRow): KrIn => ({
  title: kr.title,
  kind: kr.kind,
  metric: kr.metric,
  filters: kr.filters,
  byAmount: kr.byAmount,
  baseline: Number(kr.baseline),
  target: Number(kr.target),
  unit: kr.unit,
});

export function createObjectivesService(deps: Deps, metrics: MetricsPort) {
  const { database, audit } = deps;
  const evaluator = createEvaluator(deps, metrics);
  const catalogue = async () => [...(await metrics.listMetrics())];

  async function goalOr404(db: DbOrTx, ctx: TenantContext, id: string, lock = false): Promise<GoalRow> {
    const goal = await repo.goalById(db, ctx.workspaceId, id, lock);
    if (!goal) throw E.goalNotFound(id);
    return goal;
  }

  async function keyResultOr404(db: DbOrTx, ctx: TenantContext, goalId: string, id: string): Promise<KeyResultRow> {
    const kr = await repo.keyResultById(db, ctx.workspaceId, goalId, id);
    if (!kr) throw E.keyResultNotFound(id);
    return kr;
  }

  async function workspaceOf(db: DbOrTx, ctx: TenantContext) {
    const ws = await repo.workspace(db, ctx.workspaceId);
    if (!ws) throw E.goalNotFound(ctx.workspaceId);
    return ws;
  }

  async function views(db: DbOrTx, ctx: TenantContext, goals: readonly GoalRow[]) {
    const ws = await workspaceOf(db, ctx);
    const today = localDay(new Date(), ws.timeZone);
    const ids = goals.map((g) => g.id);
    const owners = await repo.ownersOf(db, ctx.workspaceId, ids);
    const krs = await repo.keyResultsOf(db, ctx.workspaceId, ids);
    const people = [...new Set([...[...owners.values()].flat(), ...goals.flatMap((g) => (g.createdByUserId ? [g.createdByUserId] : []))])];
    const members = await repo.members(db, ctx.workspaceId, people);
    const counts = await repo.latestCounts(
      db,
      ctx.workspaceId,
      krs.map((kr) => kr.id),
    );
    return goals.map((g) => goalView(g, owners.get(g.id) ?? [], krs, members, ws.fiscalYearStartMonth, today, counts));
  }

  async function isOwner(db: DbOrTx, ctx: TenantContext, goalId: string) {
    return !!ctx.actor.userId && ((await repo.ownersOf(db, ctx.workspaceId, [goalId])).get(goalId) ?? []).includes(ctx.actor.userId);
  }

  async function detail(db: DbOrTx, ctx: TenantContext, goal: GoalRow): Promise<GoalDetail> {
    const [view] = await views(db, ctx, [goal]);
    const edit = can(ctx.role, 'goals.write');
    return {
      ...view!,
      can: { edit, checkIn: edit || (await isOwner(db, ctx, goal.id)), comment: can(ctx.role, 'goals.read') },
      commentCount: await repo.commentCount(db, ctx.workspaceId, goal.id),
    };
  }

  async function answer(ctx: TenantContext, goalId: string, notified: GoalChangeResponse['notified']): Promise<GoalChangeResponse> {
    return database.readTenant(ctx.workspaceId, async (db) => ({ goal: await detail(db, ctx, await goalOr404(db, ctx, goalId)), notified }));
  }

  /** Runs a change in one transaction, then evaluates the goal (telling owners of a status change) and answers it. */
  async function change(ctx: TenantContext, goalId: string | null, run: (tx: Tx) => Promise<string>, notify = true): Promise<GoalChangeResponse> {
    const id = await database.withTenant(ctx.workspaceId, async (tx) => {
      if (goalId) await goalOr404(tx, ctx, goalId, true);
      return run(tx);
    });
    const notified = await evaluator.evaluateGoals(ctx, [id], { notify, actor: ctx.actor });
    return answer(ctx, id, notified);
  }

  const auditGoal = (tx: Tx, ctx: TenantContext, action: string, goal: Pick<GoalRow, 'id' | 'title'>, details: Record<string, unknown> = {}) =>
    audit(tx, ctx.workspaceId, ctx.actor, { action, targetType: 'goal', targetId: goal.id, targetLabel: goal.title, details });

  return {
    evaluator,

    async list(ctx: TenantContext, q: ListIn): Promise<GoalList> {
      const ws = await database.readTenant(ctx.workspaceId, (db) => workspaceOf(db, ctx));
      const quarter = q.period ? parseFiscalLabel(q.period, ws.fiscalYearStartMonth) : undefined;
      if (q.period && !quarter) throw E.invalidField('query.period', `"${q.period}" is not a fiscal quarter; write it like FY2027 Q1`);
      const filter = { from: quarter?.start, to: quarter?.end, ownerId: q.mine ? (ctx.actor.userId ?? undefined) : q.ownerId };
      const before = await database.readTenant(ctx.workspaceId, (db) => repo.listGoals(db, ctx.workspaceId, filter));
      await evaluator.evaluateGoals(
        ctx,
        before.map((g) => g.id),
        { onlyStale: true, notify: true },
      );
      const key = decodeCursor(q.cursor, 3);
      const after = key ? { periodEnd: key[0]!, createdAt: new Date(key[1]!), id: key[2]! } : undefined;
      if (after && (!/^\d{4}-\d{2}-\d{2}$/.test(after.periodEnd) || Number.isNaN(after.createdAt.getTime()))) invalidCursor();
      return database.readTenant(ctx.workspaceId, async (db) => {
        const all = await repo.listGoals(db, ctx.workspaceId, { ...filter, status: q.status });
        const rows = await repo.listGoals(db, ctx.workspaceId, { ...filter, status: q.status }, { after, limit: q.limit + 1 });
        const pageRows = rows.slice(0, q.limit);
        const last = pageRows.at(-1);
        const nextCursor = rows.length > q.limit && last ? encodeCursor([last.periodEnd, last.createdAt.toISOString(), last.id]) : null;
        return { items: await views(db, ctx, pageRows), nextCursor, total: all.length };
      });
    },

    async get(ctx: TenantContext, id: string): Promise<GoalDetail> {
      await database.readTenant(ctx.workspaceId, (db) => goalOr404(db, ctx, id));
      await evaluator.evaluateGoals(ctx, [id], { onlyStale: true, notify: true });
      return database.readTenant(ctx.workspaceId, async (db) => detail(db, ctx, await goalOr404(db, ctx, id)));
    },

    async create(ctx: TenantContext, body: CreateIn): Promise<GoalChangeResponse> {
      const cat = await catalogue();
      const krs = (body.keyResults ?? []).map((kr, i) => ({ ...checkKeyResult(kr, `body.keyResults.${i}`, cat), position: i }));
      return change(
        ctx,
        null,
        async (tx) => {
          const ws = await workspaceOf(tx, ctx);
          const period = resolvePeriod(body.period, ws.fiscalYearStartMonth);
          const owners = checkOwners(body.ownerIds, await repo.members(tx, ctx.workspaceId, body.ownerIds));
          const goal = await repo.insertGoal(tx, {
            workspaceId: ctx.workspaceId,
            title: body.title,
            why: body.why ?? '',
            ...period,
            createdByUserId: ctx.actor.userId,
          });
          await repo.setOwners(tx, ctx.workspaceId, goal.id, owners);
          await repo.insertKeyResults(tx, ctx.workspaceId, goal.id, krs);
          await auditGoal(tx, ctx, 'goal.created', goal, { period: periodOf(goal, ws.fiscalYearStartMonth).label, owners, keyResults: krs.length });
          return goal.id;
        },
        false,
      );
    },

    async update(ctx: TenantContext, id: string, body: UpdateIn): Promise<GoalChangeResponse> {
      return change(ctx, id, async (tx) => {
        const goal = await goalOr404(tx, ctx, id, true);
        const ws = await workspaceOf(tx, ctx);
        const set: Partial<GoalRow> = {};
        if (body.title !== undefined) set.title = body.title;
        if (body.why !== undefined) set.why = body.why;
        if (body.period) Object.assign(set, resolvePeriod(body.period, ws.fiscalYearStartMonth));
        if (body.ownerIds) {
          const owners = checkOwners(body.ownerIds, await repo.members(tx, ctx.workspaceId, body.ownerIds));
          await repo.setOwners(tx, ctx.workspaceId, id, owners);
        }
        await repo.updateGoal(tx, ctx.workspaceId, id, set);
        // A new period changes every key result's path and values: evaluate them all again.
        if (body.period) for (const kr of await repo.keyResultsOf(tx, ctx.workspaceId, [id])) await repo.updateKeyResult(tx, ctx.workspaceId, kr.id, { evaluatedAt: null });
        await auditGoal(tx, ctx, 'goal.updated', { id, title: set.title ?? goal.title }, { changed: Object.keys(body).filter((k) => body[k as keyof UpdateIn] !== undefined) });
        return id;
      });
    },

    async archive(ctx: TenantContext, id: string): Promise<void> {
      await database.withTenant(ctx.workspaceId, async (tx) => {
        const goal = await goalOr404(tx, ctx, id, true);
        await repo.updateGoal(tx, ctx.workspaceId, id, { archivedAt: new Date() });
        await auditGoal(tx, ctx, 'goal.archived', goal);
      });
    },

    async addKeyResult(ctx: TenantContext, goalId: string, body: KrIn): Promise<GoalChangeResponse> {
      const checked = checkKeyResult(body, 'body', await catalogue());
      return change(ctx, goalId, async (tx) => {
        const goal = await goalOr404(tx, ctx, goalId);
        await repo.insertKeyResults(tx, ctx.workspaceId, goalId, [{ ...checked, position: await repo.nextPosition(tx, ctx.workspaceId, goalId) }]);
        await auditGoal(tx, ctx, 'goal.key_result_added', goal, { title: checked.title, metric: checked.metric });
        return goalId;
      });
    },

    async updateKeyResult(ctx: TenantContext, goalId: string, id: string, body: z.output<typeof UpdateKeyResultRequest>): Promise<GoalChangeResponse> {
      const cat = await catalogue();
      return change(ctx, goalId, async (tx) => {
        const goal = await goalOr404(tx, ctx, goalId);
        const kr = await keyResultOr404(tx, ctx, goalId, id);
        const merged = { ...asInput(kr), ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } as KrIn;
        if (body.kind === 'manual' && body.metric === undefined) merged.metric = null;
        if (body.metric && body.filters === undefined && body.metric !== kr.metric) merged.filters = {};
        if (body.unit === undefined && (body.metric !== undefined || body.kind !== undefined || body.byAmount !== undefined)) delete merged.unit;
        const checked = checkKeyResult(merged, 'body', cat);
        await repo.updateKeyResult(tx, ctx.workspaceId, id, { ...checked, status: kr.status, currentValue: kr.currentValue, updatedAt: new Date() });
        await auditGoal(tx, ctx, 'goal.key_result_changed', goal, { keyResultId: id, title: checked.title, changed: Object.keys(body) });
        return goalId;
      });
    },

    async deleteKeyResult(ctx: TenantContext, goalId: string, id: string): Promise<void> {
      await change(ctx, goalId, async (tx) => {
        const goal = await goalOr404(tx, ctx, goalId);
        const kr = await keyResultOr404(tx, ctx, goalId, id);
        await repo.deleteKeyResult(tx, ctx.workspaceId, id);
        await auditGoal(tx, ctx, 'goal.key_result_removed', goal, { keyResultId: id, title: kr.title });
        return goalId;
      });
    },

    async checkins(ctx: TenantContext, goalId: string, keyResultId: string): Promise<CheckinList> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await goalOr404(db, ctx, goalId);
        await keyResultOr404(db, ctx, goalId, keyResultId);
        return { items: await checkinViews(db, ctx, keyResultId) };
      });
    },

    async addCheckin(ctx: TenantContext, goalId: string, keyResultId: string, body: z.output<typeof CreateCheckinRequest>): Promise<CreateCheckinResponse> {
      const row = await database.withTenant(ctx.workspaceId, async (tx) => {
        await goalOr404(tx, ctx, goalId, true);
        const kr = await keyResultOr404(tx, ctx, goalId, keyResultId);
        if (!WRITERS.includes(ctx.role) && !(await isOwner(tx, ctx, goalId))) throw E.notOwner();
        const value = body.value ?? null;
        if (kr.kind === 'manual' && value === null) throw E.invalidField('body.value', 'a check-in on a manual key result needs a value');
        if (kr.kind === 'metric' && value !== null)
          throw E.invalidField('body.value', `the value of a metric key result is computed (${kr.metric}); check in with a note only`);
        if (value === null && !body.note) throw E.invalidField('body.note', 'a check-in needs a value or a note');
        const created = await repo.insertCheckin(tx, {
          workspaceId: ctx.workspaceId,
          keyResultId,
          authorUserId: ctx.actor.userId,
          value: repo.num(value),
          note: body.note ?? '',
        });
        // The next evaluation reads the new value.
        await repo.updateKeyResult(tx, ctx.workspaceId, keyResultId, { evaluatedAt: null });
        return created;
      });
      const notified = await evaluator.evaluateGoals(ctx, [goalId], { notify: true, actor: ctx.actor });
      return database.readTenant(ctx.workspaceId, async (db) => {
        const members = await repo.members(db, ctx.workspaceId, row.authorUserId ? [row.authorUserId] : []);
        return { ...checkinView(row, members), goalStatus: (await goalOr404(db, ctx, goalId)).status, notified };
      });
    },

    async comments(ctx: TenantContext, goalId: string): Promise<GoalCommentList> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        await goalOr404(db, ctx, goalId);
        const rows = await repo.comments(db, ctx.workspaceId, goalId);
        const members = await repo.members(
          db,
          ctx.workspaceId,
          rows.flatMap((r) => (r.authorUserId ? [r.authorUserId] : [])),
        );
        return {
          items: rows.map((r) => ({
            id: r.id,
            author: r.authorUserId ? person(r.authorUserId, members.get(r.authorUserId)) : null,
            body: r.body,
            createdAt: r.createdAt.toISOString(),
          })),
        };
      });
    },

    async addComment(ctx: TenantContext, goalId: string, body: z.output<typeof CreateGoalCommentRequest>): Promise<CreateGoalCommentResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await goalOr404(tx, ctx, goalId);
        const row = await repo.insertComment(tx, { workspaceId: ctx.workspaceId, goalId, authorUserId: ctx.actor.userId, body: body.body });
        const members = await repo.members(tx, ctx.workspaceId, row.authorUserId ? [row.authorUserId] : []);
        return {
          comment: {
            id: row.id,
            author: row.authorUserId ? person(row.authorUserId, members.get(row.authorUserId)) : null,
            body: row.body,
            createdAt: row.createdAt.toISOString(),
          },
        };
      });
    },

    async history(ctx: TenantContext, goalId: string, keyResultId: string): Promise<KeyResultHistory> {
      await database.readTenant(ctx.workspaceId, async (db) => {
        await goalOr404(db, ctx, goalId);
        await keyResultOr404(db, ctx, goalId, keyResultId);
      });
      await evaluator.evaluateGoals(ctx, [goalId], { onlyStale: true, notify: true });
      return database.readTenant(ctx.workspaceId, async (db) => {
        const goal = await goalOr404(db, ctx, goalId);
        const kr = await keyResultOr404(db, ctx, goalId, keyResultId);
        const ws = await workspaceOf(db, ctx);
        const points = await repo.snapshots(db, ctx.workspaceId, keyResultId, goal.periodStart, goal.periodEnd);
        return {
          keyResult: keyResultView(kr, goal, localDay(new Date(), ws.timeZone), (await repo.latestCounts(db, ctx.workspaceId, [kr.id])).get(kr.id)),
          period: periodOf(goal, ws.fiscalYearStartMonth),
          path: [
            { day: goal.periodStart, value: Number(kr.baseline) },
            { day: goal.periodEnd, value: Number(kr.target) },
          ],
          points: points.map((p) => ({ day: p.day, value: p.value === null ? null : Number(p.value), status: p.status })),
          checkins: await checkinViews(db, ctx, keyResultId),
        };
      });
    },
  };

  async function checkinViews(db: DbOrTx, ctx: TenantContext, keyResultId: string): Promise<Checkin[]> {
    const rows = await repo.checkins(db, ctx.workspaceId, keyResultId);
    const members = await repo.members(
      db,
      ctx.workspaceId,
      rows.flatMap((r) => (r.authorUserId ? [r.authorUserId] : [])),
    );
    return rows.map((r) => checkinView(r, members));
  }
}

function checkinView(r: { id: string; keyResultId: string; authorUserId: string | null; value: string | null; note: string; createdAt: Date }, members: Map<string, Member>): Checkin {
  return {
    id: r.id,
    keyResultId: r.keyResultId,
    author: r.authorUserId ? person(r.authorUserId, members.get(r.authorUserId)) : null,
    value: r.value === null ? null : Number(r.value),
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

export type ObjectivesService = ReturnType<typeof createObjectivesService>;
