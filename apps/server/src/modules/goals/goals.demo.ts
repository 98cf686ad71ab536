/**
 * The goals' part of the demo story: four shared goals of this fiscal quarter and one longer push, each owned by
 * marketing and sales together (Priya with Marcus or Sofia), created by Dana (the CRO): win rate in the mid-market,
 * pipeline created, feedback answered, and a manual count of reference customers with check-ins. Each key result has
 * a daily snapshot from the period's start (at most 60 days back) to today, so charts draw a line: metric results
 * are computed from the demo's own deals and feedback when the catalogue is wired, and follow a steady made-up climb
 * when it is not (a fallback for a demo seeded without the catalogue). Deterministic for a seed.
 */
import { fiscalQuarterOf } from '@tandem/contracts';
import type { Random } from '../../lib/random.ts';
import { localDay, systemContext, type Evaluator } from './objectives/evaluate.ts';
import { objectivesRepository as repo, type KeyResultInsert, type SnapshotInsert } from './objectives/objectives.repository.ts';
import { keyResultStatus } from './objectives/status.ts';
import type { Database } from '../../db/database.ts';

const DAY = 86_400_000;
const HISTORY_DAYS = 60;
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

interface DemoKeyResult extends Omit<KeyResultInsert, 'position' | 'baseline' | 'target' | 'direction'> {
  baseline: number;
  target: number;
  /** Where the made-up history ends today, as a share of the way to target (used only without the catalogue). */
  reach: number;
  /** Manual results: check-ins (days ago, value, note, by whom). */
  checkins?: { daysAgo: number; value: number; note: string; by: string }[];
}

interface DemoGoal {
  title: string;
  why: string;
  owners: string[];
  period?: { daysBack: number; days: number };
  keyResults: DemoKeyResult[];
  comments: { by: string; body: string; daysAgo: number }[];
}

const metric = (title: string, name: string, filters: Record<string, string>, unit: string, baseline: number, target: number, reach: number): DemoKeyResult => ({
  title,
  kind: 'metric',
  metric: name,
  filters,
  byAmount: false,
  unit,
  baseline,
  target,
  reach,
});

const GOALS: DemoGoal[] = [
  {
    title: 'Win more mid-market deals',
    why: 'Mid-market is where we lose most to Snowflake on price. Sharper positioning and earlier PMM help on live deals should lift the win rate, and both teams own the number.',
    owners: ['priya', 'marcus'],
    keyResults: [metric('Mid-market win rate (by count)', 'win-rate', { segment: 'Mid-Market' }, 'fraction', 0.24, 0.32, 0.85)],
    comments: [
      { by: 'marcus', body: 'Three of the last five mid-market losses named price. The new ROI sheet should help; reps are using it from Monday.', daysAgo: 12 },
      { by: 'priya', body: 'Battlecard refresh for Snowflake is out. Tell me which objections still come up.', daysAgo: 5 },
    ],
  },
  {
    title: 'Build this quarter’s pipeline together',
    why: 'Sales can only close what exists. Marketing-sourced and rep-sourced pipeline count the same here.',
    owners: ['priya', 'marcus', 'sofia'],
    keyResults: [metric('New pipeline created', 'pipeline-created', {}, 'USD', 0, 12_000_000, 0.85)],
    comments: [{ by: 'sofia', body: 'The webinar leads are real: two of mine are already in discovery.', daysAgo: 8 }],
  },
  {
    title: 'Answer the field within a week',
    why: 'Reps stop logging feedback when nothing comes back. Every theme gets a response, so the loop stays alive.',
    owners: ['priya', 'sofia'],
    keyResults: [metric('Feedback responded to', 'feedback-response-rate', {}, 'fraction', 0.45, 0.8, 0.7)],
    comments: [],
  },
  {
    title: 'Ten referenceable customers for the H2 push',
    why: 'Enterprise buyers ask for a peer reference before the final round. We have four; we need ten willing to take a call.',
    owners: ['priya', 'sofia', 'marcus'],
    period: { daysBack: HISTORY_DAYS, days: 120 },
    keyResults: [
      {
        title: 'Customers who agreed to be a reference',
        kind: 'manual',
        metric: null,
        filters: {},
        byAmount: false,
        unit: 'customers',
        baseline: 4,
        target: 10,
        reach: 0,
        checkins: [
          { daysAgo: HISTORY_DAYS, value: 4, note: 'Starting point: Hooli, Initech, Globex and Vandelay.', by: 'priya' },
          { daysAgo: 38, value: 5, note: 'Umbrella signed after their renewal.', by: 'sofia' },
          { daysAgo: 24, value: 6, note: 'Stark Logistics agreed; legal approved the case study.', by: 'priya' },
          { daysAgo: 9, value: 6, note: 'Two asks pending with procurement; nothing new this fortnight.', by: 'marcus' },
        ],
      },
    ],
    comments: [{ by: 'marcus', body: 'I can ask the two EMEA logos Elena closed last quarter.', daysAgo: 9 }],
  },
];

export async function seedGoalsDemo(
  database: Database,
  evaluator: Evaluator,
  ws: { workspaceId: string; slug: string; userIdsByEmail: Map<string, string> },
  rnd: Random,
  now = new Date(),
) {
  const workspaceId = ws.workspaceId;
  const user = (name: string) => ws.userIdsByEmail.get(`${name}@northwind.example`)!;
  const ctx = systemContext(workspaceId, ws.slug);
  const info = await database.readTenant(workspaceId, (db) => repo.workspace(db, workspaceId));
  const today = localDay(now, info!.timeZone);
  const quarter = fiscalQuarterOf(today, info!.fiscalYearStartMonth);
  const goalIds: string[] = [];
  let snapshots = 0;

  for (const g of GOALS) {
    const periodStart = g.period ? shift(today, -g.period.daysBack) : quarter.start;
    const periodEnd = g.period ? shift(periodStart, g.period.days) : quarter.end;
    const goal = await database.withTenant(workspaceId, async (tx) => {
      const created = await repo.insertGoal(tx, {
        workspaceId,
        title: g.title,
        why: g.why,
        periodKind: g.period ? 'custom' : 'quarter',
        periodStart,
        periodEnd,
        createdByUserId: user('dana'),
        createdAt: new Date(`${periodStart}T15:00:00Z`),
      });
      await repo.setOwners(tx, workspaceId, created.id, g.owners.map(user));
      await repo.insertKeyResults(
        tx,
        workspaceId,
        created.id,
        g.keyResults.map(({ reach: _reach, checkins: _checkins, ...kr }, position) => ({
          ...kr,
          position,
          baseline: String(kr.baseline),
          target: String(kr.target),
          direction: kr.target > kr.baseline ? 'increase' : 'decrease',
        })),
      );
      for (const c of g.comments)
        await repo.insertComment(tx, { workspaceId, goalId: created.id, authorUserId: user(c.by), body: c.body, createdAt: new Date(now.getTime() - c.daysAgo * DAY) });
      return created;
    });
    goalIds.push(goal.id);
    const krs = await database.readTenant(workspaceId, (db) => repo.keyResultsOf(db, workspaceId, [goal.id]));

    for (const [i, kr] of krs.entries()) {
      const spec = g.keyResults[i]!;
      const first = daysBetween(periodStart, today) > HISTORY_DAYS ? shift(today, -HISTORY_DAYS) : periodStart;
      const rows: SnapshotInsert[] = [];
      for (let day = first; day < today; day = shift(day, 1)) {
        let value: number | null;
        if (kr.kind === 'manual') {
          const back = daysBetween(day, today);
          value = [...(spec.checkins ?? [])].filter((c) => c.daysAgo >= back).at(-1)?.value ?? null;
        } else {
          const total = await evaluator.valueOn(ctx, goal, kr, day);
          // Without the catalogue: a steady climb along the path to `reach` of the way, with a little noise.
          const share = Math.max(0, daysBetween(periodStart, day)) / Math.max(1, daysBetween(periodStart, periodEnd));
          value = total.noData ? spec.baseline + (spec.target - spec.baseline) * share * spec.reach * (0.92 + rnd.next() * 0.16) : total.value;
        }
        const { status } = keyResultStatus({ baseline: spec.baseline, target: spec.target, value, start: periodStart, end: periodEnd, today: day });
        rows.push({ workspaceId, keyResultId: kr.id, day, value: repo.num(value), numerator: null, denominator: null, status, takenAt: new Date(`${day}T23:00:00Z`) });
      }
      await database.withTenant(workspaceId, async (tx) => {
        await repo.upsertSnapshots(tx, rows);
        for (const c of spec.checkins ?? [])
          await repo.insertCheckin(tx, {
            workspaceId,
            keyResultId: kr.id,
            authorUserId: user(c.by),
            value: String(c.value),
            note: c.note,
            createdAt: new Date(now.getTime() - c.daysAgo * DAY),
          });
      });
      snapshots += rows.length;
    }
  }
  // Today's values, statuses and snapshots, as the daily job writes them (no one is told: nothing changed for a person).
  await evaluator.evaluateGoals(ctx, goalIds, { now, notify: false });
  return { goals: goalIds.length, goalSnapshots: snapshots + goalIds.length };
}
