/**
 * The requests' settings (per-type SLA targets, score weights, the working calendar, the due-soon share) and PMM
 * capacity. Admins change settings; PMMs and admins set capacity. Every change is audited with what it was before:
 * new weights reorder the whole queue, so who changed them and from what must be on record.
 */
import type {
  PmmCapacityList,
  RequestSettings,
  RequestType,
  RequestTypeSetting,
  UpdatePmmCapacityRequest,
  UpdateRequestSettingsRequest,
} from '@tandem/contracts';
import { invalidFields, type FieldError } from '../../../lib/app-error.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import type { DbOrTx } from '../../../db/database.ts';
import { DEFAULT_WEIGHTS, validateCalendar, type ScoreWeights } from '../engine/index.ts';
import { defaultTypeSettings, effectiveSettings, type EffectiveRequestSettings } from './request-settings.ts';
import { settingsRepository as repo } from './settings.repository.ts';

type FieldIssue = FieldError;

const hours = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} h`;

/** What a PATCH would make of the settings, or the problems with it (each naming its field). */
export function mergeSettings(before: EffectiveRequestSettings, saved: { types: RequestTypeSetting[] }, body: UpdateRequestSettingsRequest) {
  const issues: FieldIssue[] = [];
  let types = saved.types;
  if (body.types) {
    const seen = new Map<RequestType, number>();
    body.types.forEach((t, i) => {
      if (seen.has(t.type)) issues.push({ path: `body.types.${i}.type`, message: `${t.type} is listed twice (also at types.${seen.get(t.type)})` });
      seen.set(t.type, i);
      if (t.deliveryHours < t.firstResponseHours) {
        issues.push({
          path: `body.types.${i}.deliveryHours`,
          message: `the delivery target (${hours(t.deliveryHours)}) is shorter than the first-response target (${hours(t.firstResponseHours)})`,
        });
      }
    });
    const given = new Map(body.types.map((t) => [t.type, t]));
    types = [...saved.types.filter((t) => !given.has(t.type)), ...given.values()];
  }
  const weights: ScoreWeights = { ...before.weights, ...(body.weights ?? {}) };
  if (body.weights && Object.values(weights).every((w) => w === 0)) {
    issues.push({ path: 'body.weights', message: 'at least one weight is above 0 (with every weight at 0 every request scores 0)' });
  }
  if (body.calendar) {
    for (const issue of validateCalendar(body.calendar)) {
      const rel = issue.path.replace(/^(body\.)?calendar\.?/, '');
      issues.push({ path: rel ? `body.calendar.${rel}` : 'body.calendar', message: issue.message });
    }
  }
  return { issues, types, weights, calendar: body.calendar ?? before.calendar, dueSoonFraction: body.dueSoonFraction ?? before.dueSoonFraction };
}

export function createSettingsService(deps: Deps) {
  const { database, audit } = deps;

  async function view(db: DbOrTx, workspaceId: string, settings?: EffectiveRequestSettings): Promise<RequestSettings> {
    const s = settings ?? effectiveSettings(await repo.row(db, workspaceId));
    return {
      types: s.types,
      weights: s.weights,
      calendar: s.calendar,
      dueSoonFraction: s.dueSoonFraction,
      currency: await repo.baseCurrency(db, workspaceId),
      defaults: { types: defaultTypeSettings(), weights: { ...DEFAULT_WEIGHTS } },
    };
  }

  async function capacityList(db: DbOrTx, workspaceId: string): Promise<PmmCapacityList> {
    const rows = await repo.capacity(db, workspaceId);
    return { items: rows.map((r) => ({ user: { userId: r.userId, name: r.name }, weeklyHours: Number(r.weeklyHours) })) };
  }

  return {
    async get(ctx: TenantContext): Promise<RequestSettings> {
      return database.readTenant(ctx.workspaceId, (db) => view(db, ctx.workspaceId));
    },

    async update(ctx: TenantContext, body: UpdateRequestSettingsRequest): Promise<RequestSettings> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.row(tx, ctx.workspaceId);
        const before = effectiveSettings(row);
        const merged = mergeSettings(before, { types: (row?.types ?? []) as RequestTypeSetting[] }, body);
        if (merged.issues.length) throw invalidFields(merged.issues);
        const after = effectiveSettings({ types: merged.types, weights: { ...merged.weights }, calendar: merged.calendar, dueSoonFraction: merged.dueSoonFraction });

        const changed: Record<string, unknown> = {};
        const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
        if (!same(before.weights, after.weights)) changed.weights = { from: before.weights, to: after.weights };
        const typeChanges = after.types.filter((t, i) => !same(t, before.types[i])).map((t) => ({ type: t.type, from: before.targets[t.type], to: after.targets[t.type] }));
        if (typeChanges.length) changed.types = typeChanges;
        if (!same(before.calendar, after.calendar)) changed.calendar = { from: before.calendar, to: after.calendar };
        if (before.dueSoonFraction !== after.dueSoonFraction) changed.dueSoonFraction = { from: before.dueSoonFraction, to: after.dueSoonFraction };
        if (Object.keys(changed).length) {
          await repo.save(tx, ctx.workspaceId, {
            ...(body.types ? { types: merged.types } : {}),
            ...(body.weights ? { weights: { ...merged.weights } } : {}),
            ...(body.calendar ? { calendar: { ...merged.calendar } } : {}),
            ...(body.dueSoonFraction !== undefined ? { dueSoonFraction: merged.dueSoonFraction } : {}),
          });
          await audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'request.settings_changed',
            targetType: 'request_settings',
            targetLabel: Object.keys(changed).join(', '),
            details: changed,
          });
        }
        return view(tx, ctx.workspaceId, after);
      });
    },

    async capacity(ctx: TenantContext): Promise<PmmCapacityList> {
      return database.readTenant(ctx.workspaceId, (db) => capacityList(db, ctx.workspaceId));
    },

    async updateCapacity(ctx: TenantContext, body: UpdatePmmCapacityRequest): Promise<PmmCapacityList> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const allowed = await repo.triageMembers(
          tx,
          ctx.workspaceId,
          body.items.map((i) => i.userId),
        );
        const issues: FieldIssue[] = [];
        const seen = new Map<string, number>();
        body.items.forEach((item, i) => {
          if (seen.has(item.userId)) issues.push({ path: `body.items.${i}.userId`, message: `${item.userId} is listed twice (also at items.${seen.get(item.userId)})` });
          else if (!allowed.has(item.userId)) issues.push({ path: `body.items.${i}.userId`, message: `${item.userId} is not an active member who may triage requests (admin or marketing)` });
          seen.set(item.userId, i);
        });
        if (issues.length) throw invalidFields(issues);
        const before = new Map((await repo.capacity(tx, ctx.workspaceId)).map((r) => [r.userId, r]));
        const changes = body.items
          .filter((i) => Number(before.get(i.userId)?.weeklyHours ?? 0) !== i.weeklyHours)
          .map((i) => ({ userId: i.userId, name: before.get(i.userId)?.name ?? null, from: Number(before.get(i.userId)?.weeklyHours ?? 0), to: i.weeklyHours }));
        await repo.saveCapacity(tx, ctx.workspaceId, body.items);
        if (changes.length) {
          await audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'request.capacity_changed',
            targetType: 'pmm_capacity',
            targetLabel: changes.map((c) => `${c.name ?? c.userId}: ${c.from} → ${c.to} h/week`).join('; ').slice(0, 200),
            details: { changes },
          });
        }
        return capacityList(tx, ctx.workspaceId);
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
