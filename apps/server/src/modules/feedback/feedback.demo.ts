/**
 * The demo's field feedback: ~1,500 items over a year from Northwind's reps, linked to the demo deals, most of them
 * grouped into themes that marketing has answered along the way; the rest wait as suggested themes.
 */
import type { Db } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Random } from '../../lib/random.ts';
import { workspaceMembers } from '../workspaces/index.ts';
import { composeFeedback, DEMO_TOPICS, pickTopic, type DemoTopic } from './feedback.demo-corpus.ts';
import { feedbackRepository as repo } from './items/items.repository.ts';
import type { feedbackItems, themeStatusChanges } from './tables.ts';
import { themesRepository as themesRepo, type ThemeStatusValue } from './themes/themes.repository.ts';

const DAY = 86_400_000;
const BATCH = 500;

interface Step {
  status: ThemeStatusValue;
  message: string;
}

/** What marketing did about each theme, in order; a topic not listed here is left for suggested themes. */
const PLAYBOOK: Record<string, { steps: Step[]; link?: { title: string; url: string } }> = {
  'snowflake-credit-pricing': {
    steps: [
      { status: 'acknowledged', message: 'Heard you: the credits comparison comes up in most competitive deals. Hannah is pulling the numbers.' },
      { status: 'in_progress', message: 'A TCO calculator against Snowflake credits is being built with three customers’ real workloads.' },
      {
        status: 'addressed',
        message:
          'The new pricing talk track and TCO calculator vs Snowflake credits are live. Lead with predictable spend: 30–40% lower 12-month cost on the three reference workloads. Use the calculator on the second call, not the first.',
      },
    ],
    link: { title: 'Talk track: pricing vs Snowflake credits', url: 'https://northwind.example/enablement/pricing-vs-snowflake' },
  },
  'eu-data-residency': {
    steps: [
      { status: 'acknowledged', message: 'Logged with product: Frankfurt region demand is now on the roadmap review.' },
      { status: 'planned', message: 'Frankfurt region is planned for next quarter; legal is preparing the DPA addendum.' },
      { status: 'addressed', message: 'The Frankfurt region is generally available and the DPO one-pager answers the GDPR questions. Send it before the security review.' },
    ],
    link: { title: 'One-pager: EU data residency for DPOs', url: 'https://northwind.example/enablement/eu-residency-one-pager' },
  },
  'redshift-migration': {
    steps: [
      { status: 'acknowledged', message: 'Thanks, migration risk is the top objection from Redshift shops; we are collecting stories.' },
      { status: 'addressed', message: 'The Redshift migration playbook is out: a 6-week plan, the schema converter and two customer references (Fabrikam, Tailspin).' },
    ],
    link: { title: 'Redshift migration playbook', url: 'https://northwind.example/enablement/redshift-migration' },
  },
  'hipaa-soc2-evidence': {
    steps: [
      { status: 'acknowledged', message: 'Security is assembling the evidence pack.' },
      { status: 'addressed', message: 'The SOC 2 Type II report, bridge letter and HIPAA BAA template are in the trust portal; request access for the customer from the deal page.' },
    ],
    link: { title: 'Trust portal', url: 'https://northwind.example/trust' },
  },
  'poc-time-to-value': {
    steps: [
      { status: 'acknowledged', message: 'Great signal: we want to turn this into a proof point.' },
      { status: 'addressed', message: 'New customer story: Contoso live in 9 days. Use it in the POC kickoff deck.' },
    ],
    link: { title: 'Customer story: Contoso live in 9 days', url: 'https://northwind.example/customers/contoso' },
  },
  'lost-on-price': {
    steps: [
      { status: 'acknowledged', message: 'Reviewing the loss notes with the pricing committee.' },
      {
        status: 'wont_address',
        message: 'List prices stay as they are this year: discounting below 20% hurt renewals last year. Use the ROI calculator and multi-year terms instead; deal desk can help.',
      },
    ],
  },
  'sso-scim': {
    steps: [
      { status: 'acknowledged', message: 'SCIM is a blocker for enterprise expansion; product has it.' },
      { status: 'planned', message: 'SCIM 2.0 with Okta group push is planned.' },
      { status: 'in_progress', message: 'SCIM is in private beta with two customers. Ask Priya if your account wants in.' },
    ],
  },
  'onboarding-implementation': {
    steps: [
      { status: 'acknowledged', message: 'We hear that implementation estimates scare buyers.' },
      { status: 'in_progress', message: 'Writing a fixed-scope onboarding package with services; pricing sheet next week.' },
    ],
  },
  'bigquery-google-credits': {
    steps: [
      { status: 'acknowledged', message: 'Google credits bundles come up a lot in EMEA; we are talking to alliances.' },
      { status: 'in_progress', message: 'Marketplace listing on Google Cloud so customers can burn down their commit with us.' },
    ],
  },
  'databricks-notebooks-ml': {
    steps: [
      { status: 'acknowledged', message: 'Thanks: collecting the ML use cases where we lose.' },
      { status: 'planned', message: 'A battlecard against Databricks for ML workloads is planned this quarter.' },
    ],
  },
  'cost-forecasting-budgets': {
    steps: [
      { status: 'acknowledged', message: 'Budget alerts are on the roadmap shortlist.' },
      { status: 'planned', message: 'Budget alerts and a 90-day forecast are planned; a demo script will follow.' },
    ],
  },
  'large-join-performance': { steps: [{ status: 'acknowledged', message: 'Sending these to the performance team with the query plans you attached.' }] },
  'support-responsiveness': { steps: [{ status: 'acknowledged', message: 'Shared with the support lead; the praise too.' }] },
  'salesforce-connector': { steps: [{ status: 'acknowledged', message: 'The Salesforce connector gaps are with the integrations team.' }] },
  'msa-legal-redlines': { steps: [{ status: 'acknowledged', message: 'Legal is drafting a fallback clause library.' }] },
  'security-questionnaire': { steps: [] },
  'bi-connectors': { steps: [] },
  'row-level-security': { steps: [] },
  'azure-multicloud': { steps: [] },
};

/** The demo topics that have a theme; the others wait as suggested themes. */
export const DEMO_THEMED_TOPICS = Object.keys(PLAYBOOK);

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

async function people(db: Db, workspaceId: string) {
  const of = async (role: 'sales' | 'sales_lead' | 'marketing') =>
    (await workspaceMembers(db, workspaceId, { role, active: true, limit: 1000 })).rows.map((r) => r.userId);
  return { reps: [...(await of('sales')), ...(await of('sales_lead'))], pmms: await of('marketing') };
}

const before = (a: Date, b: Date) => (a < b ? a : b);

/**
 * Seeds feedback, themes with their status history, responses and links, and the suggested themes for what is left.
 * Dates are relative to `now`; `scale` multiplies the item count.
 */
export async function seedFeedbackDemo(
  db: Db,
  workspaceId: string,
  rnd: Random,
  scale: number,
  suggest: (ctx: TenantContext) => Promise<unknown>,
  now = new Date(),
) {
  const { reps, pmms } = await people(db, workspaceId);
  const allDeals = await repo.demoDeals(db, workspaceId);
  if (!reps.length || !pmms.length || !allDeals.length) throw new Error('feedback demo: seed the workspace and its deals first');
  const dealsBy = {
    open: allDeals.filter((d) => d.stageCategory === 'open'),
    won: allDeals.filter((d) => d.stageCategory === 'won'),
    lost: allDeals.filter((d) => d.stageCategory === 'lost'),
  };
  const accountIds = [...new Set(allDeals.map((d) => d.accountId).filter((a): a is string => !!a))];
  const count = Math.round(1500 * scale);
  const yearAgo = now.getTime() - 365 * DAY;

  // Items: more of them lately (adoption grew), each tied to the kind of deal it is about.
  const items: { row: typeof feedbackItems.$inferInsert; topic: DemoTopic }[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pickTopic(rnd);
    const fb = composeFeedback(rnd, topic);
    let observed = new Date(yearAgo + Math.pow(rnd.next(), 0.7) * 365 * DAY);
    let dealId: string | null = null;
    let accountId: string | null = null;
    let submitter = rnd.pick(reps);
    const r = rnd.next();
    const pool = fb.kind === 'win_reason' ? dealsBy.won : fb.kind === 'loss_reason' ? dealsBy.lost : r < 0.6 ? dealsBy.open : r < 0.75 ? [...dealsBy.won, ...dealsBy.lost] : [];
    if (pool.length && r < 0.85) {
      const deal = rnd.pick(pool);
      dealId = deal.id;
      accountId = deal.accountId;
      if (deal.ownerUserId && reps.includes(deal.ownerUserId)) submitter = deal.ownerUserId;
      if (deal.stageCategory !== 'open' && deal.closeDate) {
        const close = new Date(`${deal.closeDate}T16:00:00Z`);
        observed = new Date(close.getTime() - rnd.int(0, 45) * DAY - rnd.int(0, 8) * 3_600_000);
      } else {
        observed = new Date(now.getTime() - rnd.int(1, 150) * DAY - rnd.int(0, 8) * 3_600_000);
      }
    } else if (r < 0.95 && accountIds.length) {
      accountId = rnd.pick(accountIds);
    }
    observed = before(observed, new Date(now.getTime() - 3_600_000));
    const created = before(new Date(observed.getTime() + rnd.int(0, 36) * 3_600_000), now);
    items.push({
      topic,
      row: {
        workspaceId,
        kind: fb.kind,
        text: fb.text,
        quote: fb.quote,
        competitor: fb.competitor,
        dealId,
        accountId,
        source: rnd.pick(['call', 'call', 'call', 'meeting', 'email', 'crm_note'] as const),
        submittedByUserId: submitter,
        observedAt: observed,
        createdAt: created,
        updatedAt: created,
      },
    });
  }

  // Themes, with the status history marketing went through for each.
  const changes: (typeof themeStatusChanges.$inferInsert)[] = [];
  const followers: { workspaceId: string; themeId: string; userId: string }[] = [];
  let themed = 0;
  for (const topic of DEMO_TOPICS) {
    const plan = PLAYBOOK[topic.key];
    const mine = items.filter((i) => i.topic.key === topic.key);
    if (!plan || !mine.length) continue;
    const first = mine.reduce((m, i) => before(m, i.row.createdAt as Date), now);
    const createdAt = before(new Date(first.getTime() + rnd.int(5, 25) * DAY), new Date(now.getTime() - 20 * DAY));
    const owner = rnd.pick(pmms);
    const timeline: { at: Date; step: Step }[] = [];
    let at = new Date(createdAt.getTime() + rnd.int(1, 4) * DAY + rnd.int(1, 8) * 3_600_000);
    for (const step of plan.steps) {
      if (at >= now) break;
      timeline.push({ at, step });
      at = new Date(at.getTime() + rnd.int(12, 45) * DAY);
    }
    const last = timeline.at(-1);
    const theme = await themesRepo.insertTheme(db, {
      workspaceId,
      name: topic.themeName,
      status: last?.step.status ?? 'new',
      ownerUserId: owner,
      response: last?.step.message ?? null,
      respondedAt: last?.at ?? null,
      respondedByUserId: last ? owner : null,
      createdByUserId: owner,
      createdAt,
      updatedAt: last?.at ?? createdAt,
    });
    let from: ThemeStatusValue = 'new';
    for (const t of timeline) {
      const submitters = new Set(mine.filter((i) => (i.row.createdAt as Date) <= t.at).map((i) => i.row.submittedByUserId));
      changes.push({ workspaceId, themeId: theme.id, fromStatus: from, toStatus: t.step.status, message: t.step.message, changedByUserId: owner, changedAt: t.at, notified: submitters.size });
      from = t.step.status;
    }
    if (plan.link && last) {
      await themesRepo.insertLinks(db, [{ workspaceId, themeId: theme.id, kind: 'url', title: plan.link.title, url: plan.link.url, createdByUserId: owner, createdAt: last.at }]);
    }
    const ack = timeline[0]?.at;
    for (const i of mine) {
      const created = i.row.createdAt as Date;
      // Grouped by hand when the theme was made; later ones mostly found their theme on their own.
      const auto = created > createdAt && rnd.next() < 0.7;
      i.row.themeId = theme.id;
      i.row.assignedBy = auto ? 'auto' : 'person';
      i.row.assignmentConfidence = auto ? Math.round((0.46 + rnd.next() * 0.4) * 100) / 100 : null;
      if (ack && auto && created > ack) {
        // Filed automatically into a theme marketing had already acknowledged: the rep sees its status at once.
        i.row.acknowledgedAt = created;
        i.row.respondedAt = created;
      } else if (ack) {
        // A PMM triaged it: at the first acknowledgement, or within a few days of its arrival after that.
        const at = created > ack ? new Date(created.getTime() + rnd.int(2, 96) * 3_600_000) : ack;
        i.row.acknowledgedAt = before(at, now);
        i.row.acknowledgedByUserId = owner;
        i.row.respondedAt = i.row.acknowledgedAt;
      }
      followers.push({ workspaceId, themeId: theme.id, userId: i.row.submittedByUserId! });
      themed++;
    }
  }

  await insertInBatches(
    items.map((i) => i.row),
    (b) => repo.insertItems(db, b),
  );
  await themesRepo.insertStatusChanges(db, changes);
  await insertInBatches(followers, (b) => themesRepo.insertFollowers(db, b));

  // What is left waits for triage, grouped into suggested themes by the engine, as Priya would see them.
  const ctx: TenantContext = { workspaceId, slug: '', role: 'marketing', actor: { userId: pmms[0]!, name: 'demo seed', via: 'cli', ip: null, requestId: null } };
  await suggest(ctx);
  return { feedback: items.length, themed, themes: Object.keys(PLAYBOOK).length };
}
