/**
 * Pulse surveys: the admin runs (or the cadence schedules) a pulse of the question bank's statements; the active
 * marketing and sales members are invited through notifications and reminded once before it closes; each answers
 * once, anonymously (the answer keeps only team and role; a one-way participation token refuses a second answer);
 * once closed, the results are shown per team under the anonymity rules (anonymity.ts).
 */
import { createHmac } from 'node:crypto';
import {
  DEFAULT_PULSE_QUESTIONS,
  FREE_TEXT_QUESTION_DEFAULT,
  FRICTION_KEYS,
  FRICTION_LABELS,
  MIN_GROUP_SIZE_DEFAULT,
  type AlignmentSettings,
  type AnswerPulseRequest,
  type PulseDetail,
  type PulseResults,
  type PulseRole,
  type PulseSummary,
  type UpdateAlignmentSettingsRequest,
} from '@tandem/contracts';
import type { DbOrTx, Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { effectiveMinimum } from './anonymity.ts';
import { AlignmentErrors as E } from './alignment.errors.ts';
import { alignmentRepository as repo, type PulseRow } from './alignment.repository.ts';
import { pulseFigures, type Answer } from './pulse-results.ts';
import type { StoredQuestion } from './tables.ts';

const DAY = 86_400_000;
/** The reminder goes to those who have not answered two days before the pulse closes. */
export const REMIND_BEFORE_MS = 2 * DAY;

export interface PulsesOptions {
  now?: () => Date;
}

/** The workspace's settings, or the defaults. */
export async function settingsOf(db: DbOrTx, workspaceId: string): Promise<AlignmentSettings> {
  const row = await repo.settings(db, workspaceId);
  return {
    minGroupSize: effectiveMinimum(row?.minGroupSize ?? MIN_GROUP_SIZE_DEFAULT),
    cadence: row?.cadence ?? 'off',
    questions: (row?.questions as AlignmentSettings['questions'] | null) ?? DEFAULT_PULSE_QUESTIONS,
    freeTextQuestion: row?.freeTextQuestion ?? FREE_TEXT_QUESTION_DEFAULT,
  };
}

/** 2–3 statements per friction, unique ids, mirrors that exist: each problem named by its place. */
export function questionProblems(questions: readonly StoredQuestion[]): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    if (ids.has(q.id)) errors.push({ path: `body.questions.${i}.id`, message: `"${q.id}" is used twice` });
    ids.add(q.id);
  });
  questions.forEach((q, i) => {
    if (q.mirrorOf && (!ids.has(q.mirrorOf) || q.mirrorOf === q.id)) errors.push({ path: `body.questions.${i}.mirrorOf`, message: `no other statement "${q.mirrorOf}"` });
  });
  for (const f of FRICTION_KEYS) {
    const n = questions.filter((q) => q.friction === f).length;
    if (n < 2 || n > 3) errors.push({ path: 'body.questions', message: `${FRICTION_LABELS[f]} has ${n} statements; each friction needs 2 or 3` });
  }
  return errors;
}

export function sideOf(role: string): 'marketing' | 'sales' | null {
  if (role === 'marketing') return 'marketing';
  if (role === 'sales' || role === 'sales_lead') return 'sales';
  return null;
}

export function createPulsesService(deps: Deps, options: PulsesOptions = {}) {
  const { database } = deps;
  const clock = options.now ?? (() => new Date());
  /** One-way: the same person and pulse give the same token; the token gives back neither. */
  const tokenOf = (pulseId: string, userId: string) => createHmac('sha256', deps.secret).update(`pulse:${pulseId}:${userId}`).digest('hex');

  function statusOf(p: PulseRow, now: Date): PulseSummary['status'] {
    if (p.closesAt.getTime() <= now.getTime()) return 'closed';
    return p.opensAt.getTime() <= now.getTime() ? 'open' : 'scheduled';
  }

  async function summary(db: DbOrTx, ctx: TenantContext, p: PulseRow, now: Date, tokens?: Set<string>): Promise<PulseSummary> {
    const t = tokens ?? (await repo.participantTokens(db, ctx.workspaceId, p.id));
    const me = ctx.actor.userId;
    return {
      id: p.id,
      number: p.number,
      status: statusOf(p, now),
      opensAt: p.opensAt.toISOString(),
      closesAt: p.closesAt.toISOString(),
      invited: p.invitedUserIds?.length ?? 0,
      answered: t.size,
      answeredByMe: !!me && t.has(tokenOf(p.id, me)),
      invitedMe: !!me && (p.invitedUserIds ?? []).includes(me),
    };
  }

  async function pulseOr404(db: DbOrTx, ctx: TenantContext, id: string, lock = false) {
    const p = await repo.pulse(db, ctx.workspaceId, id, lock);
    if (!p) throw E.pulseNotFound(id);
    return p;
  }

  /** Sends the invitation (once: `invitedAt` is the claim), to the active marketing and sales members. */
  async function invite(tx: Tx, workspaceId: string, p: PulseRow, now: Date): Promise<PulseRow> {
    if (p.invitedAt || p.opensAt.getTime() > now.getTime()) return p;
    const people = await repo.respondents(tx, workspaceId);
    const userIds = people.map((x) => x.userId);
    const updated = await repo.updatePulse(tx, workspaceId, p.id, { invitedUserIds: userIds, invitedAt: now });
    if (userIds.length)
      await deps.emit(tx, { workspaceId, type: 'pulse.opened', payload: { pulseId: p.id, number: p.number, closesAt: p.closesAt.toISOString(), recipientUserIds: userIds } });
    return updated;
  }

  /** Creates a pulse from the current question bank; invited at once when it opens now. */
  async function createPulse(tx: Tx, workspaceId: string, opensAt: Date, days: number, byUserId: string | null, now: Date) {
    const s = await settingsOf(tx, workspaceId);
    const p = await repo.insertPulse(tx, {
      workspaceId,
      opensAt,
      closesAt: new Date(opensAt.getTime() + days * DAY),
      questions: s.questions,
      freeTextQuestion: s.freeTextQuestion,
      createdByUserId: byUserId,
    });
    return invite(tx, workspaceId, p, now);
  }

  return {
    tokenOf,

    getSettings: (ctx: TenantContext) => database.readTenant(ctx.workspaceId, (db) => settingsOf(db, ctx.workspaceId)),

    async updateSettings(ctx: TenantContext, body: UpdateAlignmentSettingsRequest): Promise<AlignmentSettings> {
      if (body.questions) {
        const problems = questionProblems(body.questions);
        if (problems.length) throw E.invalidFields(problems);
      }
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const current = await settingsOf(tx, ctx.workspaceId);
        await repo.saveSettings(tx, ctx.workspaceId, {
          minGroupSize: body.minGroupSize ?? current.minGroupSize,
          cadence: body.cadence ?? current.cadence,
          questions: body.questions ?? current.questions,
          freeTextQuestion: body.freeTextQuestion ?? current.freeTextQuestion,
        });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'alignment.settings_changed', details: { fields: Object.keys(body) } });
        return settingsOf(tx, ctx.workspaceId);
      });
    },

    async list(ctx: TenantContext): Promise<{ items: PulseSummary[] }> {
      const now = clock();
      return database.readTenant(ctx.workspaceId, async (db) => {
        const rows = await repo.pulses(db, ctx.workspaceId);
        const items: PulseSummary[] = [];
        for (const p of rows) items.push(await summary(db, ctx, p, now));
        return { items };
      });
    },

    async get(ctx: TenantContext, id: string): Promise<PulseDetail> {
      const now = clock();
      return database.readTenant(ctx.workspaceId, async (db) => {
        const p = await pulseOr404(db, ctx, id);
        return { ...(await summary(db, ctx, p, now)), questions: p.questions, freeTextQuestion: p.freeTextQuestion };
      });
    },

    async schedule(ctx: TenantContext, body: { opensAt?: string; days: number }): Promise<PulseSummary> {
      const now = clock();
      const opensAt = body.opensAt ? new Date(body.opensAt) : now;
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const running = (await repo.pulses(tx, ctx.workspaceId)).find((p) => p.closesAt.getTime() > now.getTime());
        if (running) throw E.pulseOpen(running.number);
        const p = await createPulse(tx, ctx.workspaceId, opensAt, body.days, ctx.actor.userId, now);
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'alignment.pulse_scheduled', targetType: 'pulse', targetId: p.id, targetLabel: `Pulse ${p.number}` });
        return summary(tx, ctx, p, now, new Set());
      });
    },

    async close(ctx: TenantContext, id: string): Promise<PulseSummary> {
      const now = clock();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        let p = await pulseOr404(tx, ctx, id, true);
        if (p.closesAt.getTime() > now.getTime()) p = await repo.updatePulse(tx, ctx.workspaceId, id, { closesAt: now });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, { action: 'alignment.pulse_closed', targetType: 'pulse', targetId: p.id, targetLabel: `Pulse ${p.number}` });
        return summary(tx, ctx, p, now);
      });
    },

    /** One answer: every statement 1–5, the comment optional. Stored without identity; the token refuses a second one. */
    async answer(ctx: TenantContext, id: string, body: AnswerPulseRequest) {
      const now = clock();
      const side = sideOf(ctx.role);
      const userId = ctx.actor.userId;
      if (!side || !userId) throw E.notAsked();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const p = await pulseOr404(tx, ctx, id);
        const status = statusOf(p, now);
        if (status !== 'open') throw E.notOpen(status === 'closed' ? `closed at ${p.closesAt.toISOString()} (UTC)` : `opens at ${p.opensAt.toISOString()} (UTC)`);
        if (!(p.invitedUserIds ?? []).includes(userId)) throw E.notAsked();
        const problems: { path: string; message: string }[] = [];
        const ids = new Set(p.questions.map((q) => q.id));
        p.questions.forEach((q) => {
          if (body.answers[q.id] === undefined) problems.push({ path: `body.answers.${q.id}`, message: `answer "${q.text}" (1–5)` });
        });
        for (const k of Object.keys(body.answers)) if (!ids.has(k)) problems.push({ path: `body.answers.${k}`, message: 'not a statement of this pulse' });
        if (problems.length) throw E.invalidFields(problems);
        if (!(await repo.claimParticipation(tx, ctx.workspaceId, p.id, tokenOf(p.id, userId)))) throw E.alreadyAnswered();
        await repo.insertResponse(tx, { workspaceId: ctx.workspaceId, pulseId: p.id, side, role: ctx.role as PulseRole, answers: body.answers, comment: body.comment || null });
        return { ok: true as const, message: 'Thank you: your answer is in, stored without your name (only your team and role are kept).' };
      });
    },

    async results(ctx: TenantContext, id: string, q: { role?: PulseRole }): Promise<PulseResults> {
      const now = clock();
      return database.readTenant(ctx.workspaceId, async (db) => {
        const p = await pulseOr404(db, ctx, id);
        const s = await settingsOf(db, ctx.workspaceId);
        const k = s.minGroupSize;
        const role = q.role ?? null;
        const available = statusOf(p, now) === 'closed';
        const answersOf = async (pulse: PulseRow): Promise<Answer[]> => (await repo.responses(db, ctx.workspaceId, pulse.id)) as Answer[];
        const figures = pulseFigures(available ? await answersOf(p) : [], p.questions, k, role);
        if (!available) {
          const reason = 'Results are shown once the pulse closes.';
          figures.marketing = { ...figures.marketing, reason };
          figures.sales = { ...figures.sales, reason };
        }
        const earlier = (await repo.pulses(db, ctx.workspaceId)).filter((x) => statusOf(x, now) === 'closed').reverse();
        const trend: PulseResults['trend'] = [];
        for (const x of earlier) {
          const f = pulseFigures(await answersOf(x), x.questions, k, role);
          trend.push({ pulseId: x.id, number: x.number, closesAt: x.closesAt.toISOString(), frictions: f.frictions.map(({ key, marketing, sales }) => ({ key, marketing, sales })) });
        }
        return { pulse: await summary(db, ctx, p, now), minGroupSize: k, role, available, ...figures, trend };
      });
    },

    /** The latest closed pulse's figures for the index (whole teams only). */
    async latestClosedFigures(db: DbOrTx, workspaceId: string, asOf: Date) {
      const s = await settingsOf(db, workspaceId);
      const latest = (await repo.pulses(db, workspaceId)).find((x) => x.closesAt.getTime() <= asOf.getTime());
      if (!latest) return null;
      const answers = (await repo.responses(db, workspaceId, latest.id)) as Answer[];
      return { pulse: latest, ...pulseFigures(answers, latest.questions, s.minGroupSize, null) };
    },

    // ---- the scheduled work ----

    /** Scheduled pulses reaching their start are invited; due cadences get a new pulse; closing ones remind. */
    async tick(now = clock()): Promise<{ invited: number; created: number; reminded: number }> {
      let invited = 0;
      let created = 0;
      let reminded = 0;
      for (const w of await database.withSystem((tx) => repo.pulsesToInvite(tx, now)))
        await database.withTenant(w.workspaceId, async (tx) => {
          const p = await repo.pulse(tx, w.workspaceId, w.id, true);
          if (p && !p.invitedAt) {
            await invite(tx, w.workspaceId, p, now);
            invited += 1;
          }
        });
      for (const workspaceId of await database.withSystem((tx) => repo.workspacesDueForPulse(tx, now)))
        await database.withTenant(workspaceId, async (tx) => {
          const open = (await repo.pulses(tx, workspaceId)).find((p) => p.closesAt.getTime() > now.getTime());
          if (!open) {
            await createPulse(tx, workspaceId, now, 7, null, now);
            created += 1;
          }
        });
      for (const w of await database.withSystem((tx) => repo.pulsesToRemind(tx, now, REMIND_BEFORE_MS)))
        await database.withTenant(w.workspaceId, async (tx) => {
          const p = await repo.pulse(tx, w.workspaceId, w.id, true);
          if (!p || p.remindedAt) return;
          await repo.updatePulse(tx, w.workspaceId, p.id, { remindedAt: now });
          const tokens = await repo.participantTokens(tx, w.workspaceId, p.id);
          const active = new Set((await repo.respondents(tx, w.workspaceId)).map((x) => x.userId));
          const waiting = (p.invitedUserIds ?? []).filter((u) => active.has(u) && !tokens.has(tokenOf(p.id, u)));
          if (waiting.length) {
            await deps.emit(tx, { workspaceId: w.workspaceId, type: 'pulse.reminder', payload: { pulseId: p.id, number: p.number, closesAt: p.closesAt.toISOString(), recipientUserIds: waiting } });
            reminded += waiting.length;
          }
        });
      return { invited, created, reminded };
    },
  };
}

export type PulsesService = ReturnType<typeof createPulsesService>;
