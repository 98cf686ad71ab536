/**
 * The decisions' part of the demo story: a quarter of Northwind's strategic calls, each opened to the sales leads and
 * reps it affects. Most are decided; in some a sales lead objected and the outcome says what changed because of it;
 * one was reopened; the newest still collect input or wait for the owner. Dates relative to `now`.
 */
import type { DecisionKind, DecisionStance } from '@tandem/contracts';
import type { Db } from '../../db/database.ts';
import type { Random } from '../../lib/random.ts';
import { decisionsRepository as repo } from './decisions.repository.ts';

const DAY = 86_400_000;

interface DemoInput {
  who: string;
  stance: DecisionStance;
  comment: string;
}
interface DemoOutcome {
  option: number;
  rationale: string;
  whatChanged?: string;
}
interface DemoDecision {
  title: string;
  kind: DecisionKind;
  owner: string;
  context: string;
  options: string[];
  asked: string[];
  /** Days before now the window opened, and its length in days. */
  openedDaysAgo: number;
  windowDays: number;
  inputs: DemoInput[];
  outcome?: DemoOutcome & { daysAfterClose: number };
  /** What it concerns, by feedback theme and library asset title (the seed stops if one is missing). */
  concerns?: string[];
  /** A second round after the first outcome was reopened. */
  reopen?: { reason: string; inputs: DemoInput[]; outcome?: DemoOutcome };
}

const NA = ['Marcus Reed', 'Sofia Alvarez', 'Jamal Carter'];
const EMEA = ['Elena Petrova', 'Lukas Novak', 'Aisha Bello'];
const LEADS = ['Marcus Reed', 'Elena Petrova'];

export const DEMO_DECISIONS: DemoDecision[] = [
  {
    title: 'Lead with "one warehouse, no copies" in the Q3 messaging',
    concerns: ['EU data residency and GDPR', 'Positioning: Northwind messaging house'],
    kind: 'positioning_messaging',
    owner: 'Priya Raman',
    context: 'Win/loss says buyers do not repeat our current tagline back. Two candidate messages tested in five calls each.',
    options: ['"One warehouse, no copies"', '"Analytics at the speed of your ops team"', 'Keep the current tagline'],
    asked: [...LEADS, 'Sofia Alvarez'],
    openedDaysAgo: 84,
    windowDays: 7,
    inputs: [
      { who: 'Marcus Reed', stance: 'support', comment: 'Prospects light up at "no copies" — it names the pain of their current pipeline.' },
      { who: 'Elena Petrova', stance: 'concern', comment: 'In EMEA "copies" sounds like a data-residency issue. Test the wording with two German prospects first.' },
      { who: 'Sofia Alvarez', stance: 'support', comment: 'Easy to say in the first call.' },
    ],
    outcome: {
      option: 0,
      rationale: 'Both field teams found it easier to say, and it maps to the top loss reason (pipeline sprawl).',
      whatChanged: 'EMEA copy says "one governed warehouse" instead, after Elena’s concern about data residency.',
      daysAfterClose: 2,
    },
  },
  {
    title: 'Drop the Starter tier in favour of a usage-based free plan',
    concerns: ['Lost on price and discounting', 'Usage-based pricing vs Snowflake credits', 'Pricing sheet: Northwind Cloud 2026'],
    kind: 'pricing_packaging',
    owner: 'Priya Raman',
    context: 'Starter converts at 3 % and costs us two support hours per account. A usage-based free plan would replace it.',
    options: ['Free plan up to 10 GB, then usage-based', 'Keep Starter at $49/month', 'Starter with a 30-day trial'],
    asked: [...LEADS, 'Sofia Alvarez', 'Lukas Novak'],
    openedDaysAgo: 76,
    windowDays: 10,
    inputs: [
      { who: 'Marcus Reed', stance: 'object', comment: 'Three open deals are priced against Starter. Killing it mid-quarter breaks those quotes.' },
      { who: 'Elena Petrova', stance: 'support', comment: 'Free plans shorten evaluations in the mid-market.' },
      { who: 'Sofia Alvarez', stance: 'object', comment: 'My Globex quote expires after the change date — I would have to re-paper it.' },
      { who: 'Lukas Novak', stance: 'concern', comment: 'Usage pricing needs a calculator reps can show on a call.' },
    ],
    outcome: {
      option: 0,
      rationale: 'The free plan removes a support-heavy tier and matches how buyers evaluate today.',
      whatChanged: 'Starter is grandfathered for quotes issued before the change (Marcus and Sofia objected over open deals), and the launch ships with a pricing calculator.',
      daysAfterClose: 3,
    },
  },
  {
    title: 'Launch the Streaming connector as GA at the June event',
    concerns: ['One-pager: Northwind Pipelines'],
    kind: 'launch',
    owner: 'Leo Martins',
    context: 'Engineering says the connector is GA-ready by mid-June. The event is the best stage we get this half.',
    options: ['GA at the June event', 'Public beta at the event, GA in August'],
    asked: [...LEADS, 'Jamal Carter'],
    openedDaysAgo: 66,
    windowDays: 7,
    inputs: [
      { who: 'Marcus Reed', stance: 'support', comment: 'Two deals are waiting on streaming; GA unblocks them.' },
      { who: 'Jamal Carter', stance: 'support', comment: 'Customers ask every week.' },
    ],
    outcome: { option: 0, rationale: 'The field wants it and engineering signed off on the date.', daysAfterClose: 1 },
  },
  {
    title: 'Target healthcare mid-market as the second segment',
    concerns: ['HIPAA BAA and SOC 2 evidence', 'Case study: Litware Health runs HIPAA analytics on Northwind'],
    kind: 'target_segment',
    owner: 'Priya Raman',
    context: 'Healthcare deals close 20 % faster than our average, but compliance reviews add weeks.',
    options: ['Healthcare mid-market', 'Logistics mid-market', 'Stay horizontal this half'],
    asked: [...LEADS, ...NA.slice(1), ...EMEA.slice(1)],
    openedDaysAgo: 58,
    windowDays: 10,
    inputs: [
      { who: 'Elena Petrova', stance: 'object', comment: 'EMEA has no healthcare references; we would be starting from zero.' },
      { who: 'Marcus Reed', stance: 'support', comment: 'North America has four healthcare logos to reference.' },
      { who: 'Aisha Bello', stance: 'concern', comment: 'The HIPAA questionnaire takes a week per deal without a ready answer pack.' },
    ],
    outcome: {
      option: 0,
      rationale: 'The velocity and the reference base in North America make it the better bet.',
      whatChanged: 'Healthcare is a North America focus only; EMEA keeps logistics (Elena objected: no local references). A HIPAA answer pack is added to the library first.',
      daysAfterClose: 4,
    },
  },
  {
    title: 'Answer Snowflake’s price cut with a migration credit',
    concerns: ['Usage-based pricing vs Snowflake credits', 'Battlecard: Northwind vs Snowflake'],
    kind: 'competitive_response',
    owner: 'Hannah Berg',
    context: 'Snowflake cut list prices 15 % for new logos. We lose on price in 3 of 7 recent head-to-heads.',
    options: ['Migration credit of up to $25k', 'Match the cut on list price', 'No change; lead on total cost'],
    asked: [...LEADS, 'Sofia Alvarez', 'Lukas Novak'],
    openedDaysAgo: 45,
    windowDays: 5,
    inputs: [
      { who: 'Sofia Alvarez', stance: 'support', comment: 'A credit lets me answer without touching our list price.' },
      { who: 'Lukas Novak', stance: 'support', comment: 'Works in EMEA too.' },
      { who: 'Marcus Reed', stance: 'concern', comment: 'Cap it per deal or it becomes the new discount.' },
    ],
    outcome: { option: 0, rationale: 'Protects list price and answers the cut where it matters: switching cost.', whatChanged: 'The credit is capped at 10 % of first-year value (Marcus’s concern).', daysAfterClose: 1 },
  },
  {
    title: 'Rename "Workspaces" to "Projects" in the product and collateral',
    kind: 'positioning_messaging',
    owner: 'Leo Martins',
    context: 'Prospects confuse our workspaces with Slack workspaces. Product agreed to follow marketing’s call.',
    options: ['Rename to "Projects"', 'Keep "Workspaces"'],
    asked: LEADS,
    openedDaysAgo: 38,
    windowDays: 7,
    inputs: [{ who: 'Elena Petrova', stance: 'concern', comment: 'Every deck and battlecard would need updating before EMEA’s kickoff.' }],
    outcome: { option: 1, rationale: 'The confusion is minor next to the cost of changing every asset before kickoff.', daysAfterClose: 2 },
  },
  {
    title: 'Annual prepay discount: 10 % or 15 %',
    concerns: ['Lost on price and discounting', 'FAQ: pricing and packaging'],
    kind: 'pricing_packaging',
    owner: 'Priya Raman',
    context: 'Finance wants more prepaid contracts this year. Sales says 10 % does not move buyers.',
    options: ['15 % for annual prepay', 'Keep 10 %'],
    asked: [...LEADS, 'Jamal Carter', 'Aisha Bello'],
    openedDaysAgo: 30,
    windowDays: 7,
    inputs: [
      { who: 'Marcus Reed', stance: 'support', comment: 'Buyers ask for 15 % anyway.' },
      { who: 'Aisha Bello', stance: 'support', comment: 'Helps in procurement-led deals.' },
    ],
    outcome: { option: 0, rationale: 'Finance accepted 15 % for prepay against the cash it brings forward.', daysAfterClose: 1 },
    reopen: {
      reason: 'Finance asked to review after two deals took 15 % without prepaying.',
      inputs: [{ who: 'Marcus Reed', stance: 'concern', comment: 'Tie it to payment terms in the quote template, not to reps’ judgement.' }],
      outcome: { option: 0, rationale: 'Kept at 15 %, now enforced by the quote template.', whatChanged: 'The quote template only offers 15 % with prepay terms (Marcus’s concern).' },
    },
  },
  {
    title: 'Position against Databricks on cost predictability',
    concerns: ['Databricks notebooks and ML workloads', 'Cost forecasting and budget alerts', 'Battlecard: Northwind vs Databricks (2025 edition)'],
    kind: 'competitive_response',
    owner: 'Hannah Berg',
    context: 'Databricks wins on ML breadth; we win when buyers care about predictable bills. New battlecard angle.',
    options: ['Lead on cost predictability', 'Lead on SQL simplicity'],
    asked: [...LEADS, 'Sofia Alvarez', 'Mei Tanaka'],
    openedDaysAgo: 12,
    windowDays: 9,
    inputs: [
      { who: 'Sofia Alvarez', stance: 'support', comment: 'Every CFO on my calls asks about bill shock.' },
      { who: 'Elena Petrova', stance: 'object', comment: 'In EMEA they benchmark on SQL performance first; cost comes later.' },
    ],
  },
  {
    title: 'Launch the partner program in EMEA first',
    concerns: ['EU data residency and GDPR'],
    kind: 'launch',
    owner: 'Priya Raman',
    context: 'Three EMEA system integrators asked for a partner tier. North America has none waiting.',
    options: ['EMEA first, North America next half', 'Both regions at once'],
    asked: [...LEADS, ...EMEA.slice(1)],
    openedDaysAgo: 4,
    windowDays: 5,
    inputs: [{ who: 'Lukas Novak', stance: 'support', comment: 'Two of my deals come through integrators.' }],
  },
  {
    title: 'Who we sell to first in logistics: shippers or carriers',
    kind: 'target_segment',
    owner: 'Leo Martins',
    context: 'The logistics segment splits in two with very different buyers.',
    options: ['Shippers', 'Carriers', 'Both, with separate messaging'],
    asked: [...LEADS, 'Jamal Carter', 'Tom Gallagher'],
    openedDaysAgo: 2,
    windowDays: 6,
    inputs: [],
  },
];

/** Seeds the demo decisions; answers how many and how many had objections. */
export async function seedDecisionsDemo(db: Db, workspaceId: string, _rnd: Random, now = new Date()) {
  const members = await repo.members(db, workspaceId);
  const byName = new Map([...members.values()].map((m) => [m.name, m.userId]));
  const id = (name: string) => {
    const userId = byName.get(name);
    if (!userId) throw new Error(`demo decisions: no member ${name}`);
    return userId;
  };
  const targets = await repo.targetsNamed(db, workspaceId, DEMO_DECISIONS.flatMap((d) => d.concerns ?? []));
  let objected = 0;
  for (const d of DEMO_DECISIONS) {
    const opened = new Date(now.getTime() - d.openedDaysAgo * DAY);
    const closes = new Date(opened.getTime() + d.windowDays * DAY);
    const decideBy = new Date(closes.getTime() + 5 * DAY).toISOString().slice(0, 10);
    const row = await repo.insert(db, {
      workspaceId,
      title: d.title,
      context: d.context,
      kind: d.kind,
      options: d.options,
      ownerUserId: id(d.owner),
      inputOpenedAt: opened,
      inputClosesAt: closes,
      decideBy,
      createdByUserId: id(d.owner),
      createdAt: opened,
      updatedAt: opened,
    });
    await repo.addStakeholders(db, d.asked.map((name) => ({ workspaceId, decisionId: row.id, userId: id(name), via: LEADS.includes(name) ? 'role' : 'person', viaLabel: LEADS.includes(name) ? 'Sales leads' : null })));
    await repo.replaceLinks(db, workspaceId, row.id, (d.concerns ?? []).map((title) => {
      const t = targets.find((x) => x.title === title);
      if (!t) throw new Error(`demo decisions: no theme or asset ${title}`);
      return { targetType: t.type, targetId: t.id };
    }));
    const give = async (inputs: DemoInput[], round: number, from: Date, to: Date) => {
      for (const [k, input] of inputs.entries()) {
        const at = new Date(from.getTime() + ((k + 1) / (inputs.length + 1)) * (Math.min(to.getTime(), now.getTime()) - from.getTime()));
        await repo.upsertInput(db, { workspaceId, decisionId: row.id, round, userId: id(input.who), stance: input.stance, comment: input.comment, at });
      }
    };
    await give(d.inputs, 1, opened, closes);
    if (d.inputs.some((x) => x.stance === 'object')) objected += 1;
    const decide = async (round: number, o: DemoOutcome, decidedAt: Date) => {
      await repo.insertOutcome(db, {
        workspaceId,
        decisionId: row.id,
        round,
        chosenOption: d.options[o.option]!,
        rationale: o.rationale,
        whatChanged: o.whatChanged ?? null,
        decidedAt,
        decidedByUserId: id(d.owner),
      });
      await repo.update(db, workspaceId, row.id, { status: 'decided' });
    };
    if (!d.outcome) continue;
    const decidedAt = new Date(closes.getTime() + d.outcome.daysAfterClose * DAY);
    await decide(1, d.outcome, decidedAt);
    if (!d.reopen) continue;
    const reopenedAt = new Date(decidedAt.getTime() + 7 * DAY);
    const closes2 = new Date(reopenedAt.getTime() + 5 * DAY);
    await repo.markReopened(db, workspaceId, row.id, 1, { at: reopenedAt, userId: id(d.owner), reason: d.reopen.reason });
    await repo.update(db, workspaceId, row.id, { status: 'open', round: 2, inputOpenedAt: reopenedAt, inputClosesAt: closes2, decideBy: new Date(closes2.getTime() + 3 * DAY).toISOString().slice(0, 10) });
    await give(d.reopen.inputs, 2, reopenedAt, closes2);
    if (d.reopen.outcome) await decide(2, d.reopen.outcome, new Date(closes2.getTime() + DAY));
  }
  return { decisions: DEMO_DECISIONS.length, decisionsWithObjections: objected };
}
