/**
 * The Alignment Index: per friction, the survey's agreement (latest closed pulse, both teams shown) and the
 * operational signals, combined with documented weights (signals.ts, score.ts); overall; weekly snapshots for
 * the trend; the playbook for the weakest friction.
 */
import { FRICTION_KEYS, FRICTION_LABELS, type AlignmentFriction, type AlignmentIndex, type AlignmentReport } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { workspaceById } from '../../workspaces/index.ts';
import { alignmentRepository as repo } from '../alignment.repository.ts';
import type { PulsesService } from '../pulses.service.ts';
import { playbookFor } from './playbook.ts';
import { combine, overallScore, surveyScore } from './score.ts';
import { SIGNALS, SURVEY_WEIGHT, type SignalReading, type SignalSources } from './signals.ts';

export interface IndexComputation {
  index: AlignmentIndex;
  details: AlignmentReport['details'];
  pulse: AlignmentReport['pulse'];
}

/** The Monday (UTC) of `d`'s week. */
export function weekOf(d: Date): string {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  x.setUTCDate(x.getUTCDate() - ((x.getUTCDay() + 6) % 7));
  return x.toISOString().slice(0, 10);
}

export function createIndexService(deps: Pick<Deps, 'database' | 'log'>, pulses: PulsesService) {
  const { database } = deps;

  async function compute(db: DbOrTx, workspaceId: string, slug: string, asOf: Date): Promise<IndexComputation> {
    const ws = await workspaceById(db, workspaceId);
    const members = await repo.respondents(db, workspaceId);
    const sources: SignalSources = {
      db,
      workspaceId,
      slug,
      asOf,
      salesMemberIds: members.filter((m) => m.role === 'sales' || m.role === 'sales_lead').map((m) => m.userId),
      fiscalYearStartMonth: ws?.fiscalYearStartMonth ?? 1,
    };
    const survey = await pulses.latestClosedFigures(db, workspaceId, asOf);
    const frictions: AlignmentFriction[] = [];
    const details: AlignmentReport['details'] = [];
    for (const key of FRICTION_KEYS) {
      const defs = SIGNALS.filter((d) => d.friction === key);
      const readings: SignalReading[] = [];
      // One after the other: `db` may be a transaction's single connection.
      for (const d of defs) readings.push(await d.read(sources));
      const f = survey?.frictions.find((x) => x.key === key);
      const surveyValue = f ? surveyScore(f.marketing, f.sales) : null;
      const signals = [
        ...defs.map((d, i) => ({ name: d.name, value: readings[i]!.value, weight: d.weight, link: d.link(sources) })),
        { name: 'Pulse survey agreement', value: surveyValue, weight: SURVEY_WEIGHT, link: survey ? `/w/${slug}/alignment/pulses/${survey.pulse.id}/results` : `/w/${slug}/alignment/admin` },
      ];
      const { score, confidence } = combine(signals);
      frictions.push({ key, score, confidence, signals, survey: f ? { marketing: f.marketing, sales: f.sales, gap: f.gap } : null });
      const surveyMeasure = !survey
        ? 'No pulse has closed yet'
        : surveyValue === null
          ? `Too few answers in pulse ${survey.pulse.number}: no team figure under ${survey.marketing.shown || survey.sales.shown ? 'the minimum group size' : 'the minimum group size for either team'}`
          : `Marketing ${f!.marketing} and sales ${f!.sales} of 5 in pulse ${survey.pulse.number} (gap ${f!.gap})`;
      details.push({
        key,
        label: FRICTION_LABELS[key],
        signals: [...defs.map((d, i) => ({ name: d.name, measure: readings[i]!.measure, noData: readings[i]!.value === null })), { name: 'Pulse survey agreement', measure: surveyMeasure, noData: surveyValue === null }],
      });
    }
    return {
      index: { overall: overallScore(frictions.map((f) => f.score)), frictions },
      details,
      pulse: survey ? { id: survey.pulse.id, number: survey.pulse.number, closesAt: survey.pulse.closesAt.toISOString() } : null,
    };
  }

  /** Writes (or rewrites) the week's snapshot of one workspace as of `asOf`. */
  async function snapshot(workspaceId: string, slug: string, asOf: Date) {
    const c = await database.readTenant(workspaceId, (db) => compute(db, workspaceId, slug, asOf));
    await database.withTenant(workspaceId, (tx) =>
      repo.saveSnapshot(tx, { workspaceId, week: weekOf(asOf), overall: c.index.overall, frictions: c.index.frictions.map((f) => ({ key: f.key, score: f.score, confidence: f.confidence })) }),
    );
    return c;
  }

  return {
    compute,
    snapshot,
    weekOf,

    index: (ctx: TenantContext, now = new Date()) => database.readTenant(ctx.workspaceId, async (db) => (await compute(db, ctx.workspaceId, ctx.slug, now)).index),

    async report(ctx: TenantContext, now = new Date()): Promise<AlignmentReport> {
      return database.readTenant(ctx.workspaceId, async (db) => {
        const c = await compute(db, ctx.workspaceId, ctx.slug, now);
        const since = weekOf(new Date(now.getTime() - 371 * 86_400_000));
        const rows = await repo.snapshots(db, ctx.workspaceId, since);
        const trend = rows.map((r) => ({ week: r.week, overall: r.overall, frictions: Object.fromEntries(r.frictions.map((f) => [f.key, f.score])) }));
        const thisWeek = weekOf(now);
        const live = { week: thisWeek, overall: c.index.overall, frictions: Object.fromEntries(c.index.frictions.map((f) => [f.key, f.score])) };
        const last = trend.at(-1);
        if (last?.week === thisWeek) trend[trend.length - 1] = live;
        else trend.push(live);
        const scored = c.index.frictions.filter((f) => f.score !== null);
        const weakest = scored.sort((a, b) => a.score! - b.score!)[0];
        let playbook: AlignmentReport['playbook'] = null;
        if (weakest) {
          const d = c.details.find((x) => x.key === weakest.key)!;
          const withData = weakest.signals.map((s, i) => ({ s, d: d.signals[i]! })).filter((x) => x.s.value !== null);
          const low = withData.sort((a, b) => a.s.value! - b.s.value!)[0];
          playbook = playbookFor(weakest.key, ctx.slug, low ? { name: low.d.name, measure: low.d.measure } : null);
        }
        return { asOf: now.toISOString(), index: c.index, details: c.details, pulse: c.pulse, trend, playbook };
      });
    },

    /**
     * The weekly snapshot of every workspace, at most once a day: the hourly job skips a workspace whose week row was
     * written today (UTC), so a day costs one computation per workspace instead of 24, and a missed hour is caught up
     * by the next. The first run of a week first finishes the previous week's row as of that week's last instant, so
     * the row a trend keeps does not stop at the previous day's run. The report shows this week live, never its row.
     */
    async snapshotAll(now = new Date()) {
      const ids = await database.withSystem((tx) => repo.workspaceIds(tx));
      const today = now.toISOString().slice(0, 10);
      const monday = new Date(`${weekOf(now)}T00:00:00Z`);
      const lastWeek = weekOf(new Date(monday.getTime() - 86_400_000));
      let done = 0;
      for (const id of ids) {
        try {
          const ws = await database.readTenant(id, (db) => workspaceById(db, id));
          if (!ws) continue;
          const [thisRow, lastRow] = await database.readTenant(id, async (db) => [await repo.snapshotWrittenAt(db, id, weekOf(now)), await repo.snapshotWrittenAt(db, id, lastWeek)]);
          if (thisRow && thisRow.toISOString().slice(0, 10) === today) continue;
          if (lastRow && lastRow < monday) await snapshot(id, ws.slug, new Date(monday.getTime() - 1));
          await snapshot(id, ws.slug, now);
          done += 1;
        } catch (err) {
          // One workspace's bad data must not leave the others without their week.
          deps.log.error({ err, workspaceId: id }, 'alignment snapshot failed for a workspace');
        }
      }
      return done;
    },
  };
}

export type IndexService = ReturnType<typeof createIndexService>;
