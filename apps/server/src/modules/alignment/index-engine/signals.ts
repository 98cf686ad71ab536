/**
 * The operational signals behind each friction: what each measures, over which window ending at `asOf`, its weight
 * and where in Tandem it is read (docs/alignment.md). Each reads another module only through its index.ts. A signal
 * without enough data answers `value: null` ("no data"), which lowers the friction's confidence, never its score.
 */
import type { FrictionKey } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { dealMetrics } from '../../deals/index.ts';
import { involvementRate } from '../../decisions/index.ts';
import { feedbackMetrics, revenueWeightedThemesAddressed } from '../../feedback/index.ts';
import { liveGoalStatuses } from '../../goals/index.ts';
import { libraryMetrics } from '../../library/index.ts';
import { openQueue, requestSlaAttainment } from '../../requests/index.ts';
import { creditAgreementFigures, type CreditAgreementFigures } from '../../attribution/index.ts';
import { meetingMetrics } from '../../meetings/index.ts';
import { ackDaysScore, creditAgreedScore, demandCapacityScore, modelSpread, proportionScore } from './score.ts';

const DAY = 86_400_000;

export interface SignalSources {
  db: DbOrTx;
  workspaceId: string;
  slug: string;
  asOf: Date;
  /** Active sales reps and sales leads (user ids): the denominator of "reps who logged feedback". */
  salesMemberIds: readonly string[];
  fiscalYearStartMonth: number;
}

export interface SignalReading {
  value: number | null;
  /** The measurement in words ("62 % of 14 items answered"). */
  measure: string;
}

export interface SignalDef {
  friction: FrictionKey;
  name: string;
  weight: number;
  link: (s: Pick<SignalSources, 'slug' | 'asOf'>) => string;
  read: (s: SignalSources) => Promise<SignalReading>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const before = (s: Pick<SignalSources, 'asOf'>, days: number) => new Date(s.asOf.getTime() - days * DAY);
const pct = (n: number, d: number) => `${Math.round((100 * n) / d)} %`;
const range = (s: Pick<SignalSources, 'asOf'>, days: number) => `from=${day(new Date(s.asOf.getTime() - days * DAY))}&to=${day(s.asOf)}`;
const noData = (why: string): SignalReading => ({ value: null, measure: why });

/** The three attribution signals share one read per computation (the sources object is per computation). */
const creditFigures = new WeakMap<SignalSources, Promise<CreditAgreementFigures>>();
function credit(s: SignalSources): Promise<CreditAgreementFigures> {
  let p = creditFigures.get(s);
  if (!p) creditFigures.set(s, (p = creditAgreementFigures(s.db, s.workspaceId, { from: before(s, 180), to: s.asOf })));
  return p;
}
const TEAM_SHARE = ['marketing’s', 'sales’', 'partners’'] as const;
const money = (n: number) => (n >= 1e6 ? `${Math.round(n / 1e5) / 10}M` : n >= 1e3 ? `${Math.round(n / 1e3)}k` : `${Math.round(n)}`);

function feedbackSpec(s: SignalSources, days: number, groupBy: 'owner' | null = null) {
  return { workspaceId: s.workspaceId, from: day(before(s, days)), to: day(s.asOf), timeZone: 'UTC', fiscalYearStartMonth: s.fiscalYearStartMonth, filters: {}, groupBy };
}

/** The operational signals (the survey is added to every friction by the index service, at SURVEY_WEIGHT). */
export const SIGNALS: SignalDef[] = [
  {
    friction: 'goals',
    name: 'Shared goals on track',
    weight: 0.6,
    link: (s) => `/w/${s.slug}/goals`,
    read: async (s) => {
      const g = await liveGoalStatuses(s.db, s.workspaceId, day(s.asOf));
      if (!g.evaluated) return noData(g.live ? `${g.live} live shared goals, none evaluated yet` : 'No live shared goal');
      return { value: proportionScore(g.onTrack, g.evaluated, 1), measure: `${g.onTrack} of ${g.evaluated} live shared goals (owned by both teams) on track` };
    },
  },
  {
    friction: 'communication',
    name: 'Reps who logged field feedback in the last 30 days',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/metrics/feedback-response-rate/records?${range(s, 30)}`,
    read: async (s) => {
      const rows = await feedbackMetrics.stats(s.db, feedbackSpec(s, 30, 'owner'));
      const sales = new Set(s.salesMemberIds);
      const logged = rows.filter((r) => r.key && sales.has(r.key) && r.items > 0).length;
      const value = proportionScore(logged, sales.size, 3);
      return value === null ? noData('Fewer than 3 sales members') : { value, measure: `${logged} of ${sales.size} sales members (${pct(logged, sales.size)}) logged feedback` };
    },
  },
  {
    friction: 'communication',
    name: 'Feedback acknowledgement time',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/metrics/feedback-time-to-acknowledge/records?${range(s, 90)}`,
    read: async (s) => {
      const [t] = await feedbackMetrics.stats(s.db, feedbackSpec(s, 90));
      const value = ackDaysScore(t?.ackMedianDays ?? null, t?.acknowledged ?? 0);
      return value === null
        ? noData('Fewer than 3 feedback items acknowledged in 90 days')
        : { value, measure: `Feedback waits ${Math.round((t!.ackMedianDays ?? 0) * 10) / 10} days (median) to be acknowledged, over ${t!.acknowledged} items` };
    },
  },
  {
    friction: 'customer_feedback',
    name: 'Feedback response rate',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/metrics/feedback-response-rate/records?${range(s, 90)}`,
    read: async (s) => {
      const [t] = await feedbackMetrics.stats(s.db, feedbackSpec(s, 90));
      const value = proportionScore(t?.responded ?? 0, t?.items ?? 0, 5);
      return value === null ? noData('Fewer than 5 feedback items in 90 days') : { value, measure: `${t!.responded} of ${t!.items} items logged in 90 days answered (${pct(t!.responded, t!.items)})` };
    },
  },
  {
    friction: 'customer_feedback',
    name: 'Revenue-weighted themes addressed',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/feedback/themes`,
    read: async (s) => {
      const t = await revenueWeightedThemesAddressed(s.db, s.workspaceId, before(s, 180), s.asOf);
      if (t.themes < 3) return noData('Fewer than 3 themes with feedback in 180 days');
      if (t.atStake <= 0) return { value: proportionScore(t.addressedThemes, t.themes, 3), measure: `${t.addressedThemes} of ${t.themes} themes addressed (no revenue at stake recorded)` };
      return { value: proportionScore(t.addressed, t.atStake, 1e-9), measure: `${pct(t.addressed, t.atStake)} of the revenue at stake behind ${t.themes} themes is in addressed themes` };
    },
  },
  {
    friction: 'timing',
    name: 'Request SLA attainment',
    weight: 0.35,
    link: (s) => `/w/${s.slug}/metrics/request-sla-attainment/records?${range(s, 90)}`,
    read: async (s) => {
      const rows = await requestSlaAttainment(s.db, s.workspaceId, day(before(s, 90)), day(s.asOf), s.asOf);
      const met = rows.filter((r) => r.inNumerator).length;
      const value = proportionScore(met, rows.length, 3);
      return value === null ? noData('Fewer than 3 requests delivered in 90 days') : { value, measure: `${met} of ${rows.length} requests delivered within their target (${pct(met, rows.length)})` };
    },
  },
  {
    friction: 'timing',
    name: 'Material reuse',
    weight: 0.25,
    link: (s) => `/w/${s.slug}/metrics/asset-adoption/records?${range(s, 90)}`,
    read: async (s) => {
      const [a] = await libraryMetrics.adoption(s.db, s.workspaceId, [{ key: 'total', from: day(before(s, 90)), to: day(s.asOf) }]);
      const value = proportionScore(a?.used ?? 0, a?.published ?? 0, 3);
      return value === null ? noData('Fewer than 3 published assets') : { value, measure: `${a!.used} of ${a!.published} published assets used in 90 days (${pct(a!.used, a!.published)})` };
    },
  },
  {
    friction: 'involvement',
    name: 'Decision involvement rate',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/decisions`,
    read: async (s) => {
      const r = await involvementRate(s.db, { workspaceId: s.workspaceId }, { from: before(s, 180), to: s.asOf });
      const value = proportionScore(r.numerator, r.denominator, 2);
      return value === null ? noData('Fewer than 2 decisions decided in 180 days') : { value, measure: `${r.numerator} of ${r.denominator} decisions had sales input before the outcome` };
    },
  },
  {
    friction: 'involvement',
    name: 'Meeting action items done',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/meetings?from=${day(before(s, 90))}&to=${day(before(s, 1))}`,
    read: async (s) => {
      // Items due in the 90 days before today, done by the end of their due day (the meetings' own "on time" figure).
      const m = await meetingMetrics(s.db, s.workspaceId, { from: day(before(s, 90)), to: day(before(s, 1)) }, s.asOf);
      const { numerator: done, denominator: due } = m.actionItemsOnTime;
      const value = proportionScore(done, due, 3);
      return value === null ? noData('Fewer than 3 meeting action items due in 90 days') : { value, measure: `${done} of ${due} action items agreed in sync meetings done by their due date (${pct(done, due)})` };
    },
  },
  {
    friction: 'resources',
    name: 'Demand against capacity',
    weight: 0.6,
    link: (s) => `/w/${s.slug}/requests/capacity`,
    read: async (s) => {
      // The queue is read as it stands: open requests now. A past week has no such reading.
      if (Date.now() - s.asOf.getTime() > 8 * DAY) return noData('Capacity is read for the present only');
      const q = await openQueue(s.db, s.workspaceId, s.asOf, { weeks: 4 });
      const demand = q.plan.weeks.reduce((x, w) => x + w.demandHours, 0);
      const capacity = q.plan.weeks.reduce((x, w) => x + w.capacityHours, 0);
      const value = demandCapacityScore(demand, capacity);
      return value === null ? noData('No PMM capacity set and no open request') : { value, measure: `${Math.round(demand)} h of open requests against ${Math.round(capacity)} h of PMM capacity over 4 weeks` };
    },
  },
  {
    friction: 'responsibility',
    name: 'Losses with a known factor',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/win-loss`,
    read: async (s) => {
      const rows = await dealMetrics.lostByQuarterAndReason(s.db, {
        workspaceId: s.workspaceId,
        from: day(before(s, 180)),
        to: day(s.asOf),
        cohort: 'closed',
        filters: {},
        fiscalYearStartMonth: s.fiscalYearStartMonth,
      });
      const lost = rows.reduce((x, r) => x + r.count, 0);
      const known = rows.filter((r) => r.category).reduce((x, r) => x + r.count, 0);
      const value = proportionScore(known, lost, 5);
      return value === null ? noData('Fewer than 5 deals lost in 180 days') : { value, measure: `${known} of ${lost} lost deals say why (price, product gap, competitor, timing…)` };
    },
  },
  {
    friction: 'responsibility',
    name: 'Attribution model spread',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/attribution`,
    read: async (s) => {
      const c = await credit(s);
      const spread = modelSpread(c.teamCredits, c.won.attributedDeals);
      if (!spread) return noData('Fewer than 5 won deals with touchpoints in 180 days');
      return {
        value: spread.value,
        measure: `The nine credit models disagree by ${spread.points} points on ${TEAM_SHARE[spread.team]} share of the revenue won in 180 days (${c.won.attributedDeals} deals with touchpoints)`,
      };
    },
  },
  {
    friction: 'territory',
    name: 'Credit disputes resolved',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/attribution/disputes`,
    read: async (s) => {
      const { raised, resolved, medianDaysToResolve: median } = (await credit(s)).disputes;
      const value = proportionScore(resolved, raised, 3);
      if (value === null) return noData('Fewer than 3 credit disputes raised in 180 days (a week old or more)');
      const days = median === null ? '' : `, in ${Math.round(median * 10) / 10} days (median)`;
      return { value, measure: `${resolved} of ${raised} credit disputes raised in 180 days resolved${days}` };
    },
  },
  {
    friction: 'territory',
    name: 'Credit agreed',
    weight: 0.3,
    link: (s) => `/w/${s.slug}/attribution`,
    read: async (s) => {
      const { won, modelOfRecordChosen } = await credit(s);
      const value = creditAgreedScore(won, modelOfRecordChosen);
      if (value === null) return noData('Fewer than 5 deals won in 180 days');
      if (!modelOfRecordChosen) return { value, measure: `No model of record chosen yet: the credit for ${won.deals} deals won in 180 days is agreed by nobody` };
      return { value, measure: `${value} % of the revenue won in 180 days (${money(won.agreedAmount)} of ${money(won.amount)}, ${won.agreedDeals} of ${won.deals} deals) has credit under the model of record and no open dispute` };
    },
  },
];

/** The survey's weight in every friction. */
export const SURVEY_WEIGHT = 0.4;
