import type { Db, DbOrTx } from '../../db/database.ts';
import type { Emit } from '../../lib/deps.ts';
import type { Random } from '../../lib/random.ts';
import { salesforceIdSuffix } from '../../lib/tabular/salesforce-id.ts';
import { dealsRepository, type StageCategoryValue } from './deals.repository.ts';
import type { accounts, deals, dealStageHistory, LOSS_REASON_CATEGORY_VALUES } from './tables.ts';

// Northwind's CRM: accounts in three segments and a year of opportunities whose
// win rates differ by segment and by competitor, so later analytics have a story to find.
const SEGMENTS = [
  { name: 'SMB', weight: 0.45, size: ['1-50', '51-200'], amount: [6_000, 30_000], winRate: 0.34, cycleDays: [20, 60] },
  { name: 'Mid-Market', weight: 0.35, size: ['201-1000', '1001-5000'], amount: [30_000, 120_000], winRate: 0.27, cycleDays: [45, 120] },
  { name: 'Enterprise', weight: 0.2, size: ['5001-20000', '20000+'], amount: [120_000, 650_000], winRate: 0.2, cycleDays: [90, 240] },
] as const;
const INDUSTRIES = ['Software', 'Financial Services', 'Retail', 'Healthcare', 'Manufacturing', 'Media', 'Logistics', 'Energy', 'Education'];
/** Win-rate change when the competitor is in the deal. */
const COMPETITORS: Record<string, number> = { Snowflake: -0.1, Databricks: -0.14, BigQuery: 0.06, Redshift: 0.12 };
const PRODUCTS = ['Northwind Warehouse', 'Northwind Pipelines', 'Northwind Governance'];
const LEAD_SOURCES = ['Web', 'Outbound', 'Partner', 'Event', 'Referral'];
const LOSS_REASONS = ['Price', 'Lost to competitor', 'No decision', 'Missing feature: real-time ingestion', 'Timing'];
/** Each demo loss reason's category, as an import maps it (imports/reading/loss-reason.ts). */
const LOSS_REASON_CATEGORY: Record<string, (typeof LOSS_REASON_CATEGORY_VALUES)[number]> = {
  Price: 'price',
  'Lost to competitor': 'competitor',
  'No decision': 'no_decision',
  'Missing feature: real-time ingestion': 'product_gap',
  Timing: 'timing',
};
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Proposal/Price Quote', 'Negotiation/Review'];
const OPEN_PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 50,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
};
const NAME_A = ['North', 'Blue', 'Iron', 'Silver', 'Bright', 'Red', 'Green', 'Summit', 'Harbor', 'Atlas', 'Pioneer', 'Cedar', 'Vertex', 'Nova', 'Orbit', 'Granite'];
const NAME_B = ['field', 'stone', 'wave', 'path', 'point', 'works', 'bridge', 'line', 'gate', 'peak', 'light', 'forge'];
const NAME_C = ['Inc.', 'Labs', 'Group', 'Systems', 'Health', 'Retail', 'Logistics', 'Energy', 'Bank', 'Media', 'AG', 'Ltd'];
/** Base-currency (USD) units per unit; the second rate applies from six months ago. */
const RATES = { EUR: ['1.0850000000', '1.1050000000'], GBP: ['1.2650000000', '1.2900000000'] } as const;

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const BATCH = 500;

function sfId(rnd: Random, prefix: string, n: number) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let body = '';
  for (let i = 0; i < 7; i++) body += chars[Math.floor(rnd.next() * chars.length)];
  const id15 = `${prefix}5g00000${body}`.slice(0, 10) + String(n).padStart(5, '0');
  return id15 + salesforceIdSuffix(id15);
}

/** First day of the fiscal quarter that contains `d`, for a fiscal year starting in month `fyStart` (1–12). */
function fiscalQuarterStart(d: Date, fyStart: number) {
  const offset = (d.getUTCMonth() - (fyStart - 1) + 12) % 3;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - offset, 1));
}

function weighted<T extends { weight: number }>(rnd: Random, xs: readonly T[]): T {
  let r = rnd.next();
  for (const x of xs) if ((r -= x.weight) < 0) return x;
  return xs[xs.length - 1]!;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

async function salesPeople(tx: DbOrTx, workspaceId: string) {
  const people: { userId: string; name: string; region: string }[] = [];
  for (const role of ['sales', 'sales_lead'] as const) {
    for (const r of await dealsRepository.membersWithTeams(tx, workspaceId, role)) {
      const emea = r.teams.some((name) => name.startsWith('EMEA'));
      people.push({ userId: r.userId, name: r.name, region: emea ? 'EMEA' : 'North America' });
    }
  }
  return people;
}

/**
 * Seeds accounts, ~1,000 deals over the last four fiscal quarters (×scale), their
 * stage history and exchange rates. Dates are relative to `now`, so the demo stays current.
 * `emit` is the outbox: the latest stage moves are announced as the upsert API would have.
 */
export async function seedDealsDemo(db: Db, emit: Emit, workspaceId: string, rnd: Random, scale: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const ws = await dealsRepository.workspaceCalendar(tx, workspaceId);
    const people = await salesPeople(tx, workspaceId);
    if (!ws || !people.length) throw new Error('deals demo: seed the workspace and its sales people first');
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const windowStart = new Date(fiscalQuarterStart(today, ws.fiscalYearStartMonth).getTime());
    windowStart.setUTCMonth(windowStart.getUTCMonth() - 9);
    const rateChange = new Date(today.getTime() - 182 * DAY);

    // Accounts
    const accountCount = Math.max(1, Math.round(150 * scale));
    const names = new Set<string>();
    const accountRows: (typeof accounts.$inferInsert)[] = [];
    const meta: { segment: (typeof SEGMENTS)[number]; region: string; owner: (typeof people)[number] }[] = [];
    for (let i = 0; names.size < accountCount && i < accountCount * 20; i++) {
      let name = `${rnd.pick(NAME_A)}${rnd.pick(NAME_B)} ${rnd.pick(NAME_C)}`;
      if (names.has(name)) name = `${name.split(' ')[0]} ${rnd.pick(INDUSTRIES)} ${names.size + 1}`;
      if (names.has(name)) continue;
      names.add(name);
      const segment = weighted(rnd, SEGMENTS);
      const region = rnd.next() < 0.6 ? 'North America' : 'EMEA';
      const owners = people.filter((p) => p.region === region);
      const owner = rnd.pick(owners.length ? owners : people);
      meta.push({ segment, region, owner });
      accountRows.push({
        workspaceId,
        name,
        domain: `${name.split(' ')[0]!.toLowerCase()}.example`,
        segment: segment.name,
        industry: rnd.pick(INDUSTRIES),
        size: rnd.pick(segment.size),
        region,
        ownerUserId: owner.userId,
        ownerName: owner.name,
        createdAt: new Date(windowStart.getTime() - rnd.int(30, 700) * DAY),
      });
    }
    const accountIds: string[] = [];
    await insertInBatches(accountRows, async (b) => accountIds.push(...(await dealsRepository.insertAccounts(tx, b)).map((r) => r.id)));
    await insertInBatches(
      accountIds.map((accountId, i) => ({ workspaceId, source: 'salesforce', externalId: sfId(rnd, '001', i), accountId })),
      (b) => dealsRepository.insertAccountSources(tx, b),
    );

    // Deals, with the stage history each one went through
    const dealCount = Math.round(1000 * scale);
    const dealRows: (typeof deals.$inferInsert)[] = [];
    const histories: Omit<typeof dealStageHistory.$inferInsert, 'dealId' | 'workspaceId'>[][] = [];
    const span = today.getTime() - windowStart.getTime();
    for (let i = 0; i < dealCount; i++) {
      const a = rnd.next() < 0.92 ? rnd.int(0, accountIds.length - 1) : -1;
      const m = a >= 0 ? meta[a]! : { segment: weighted(rnd, SEGMENTS), region: 'North America', owner: rnd.pick(people) };
      const owner = rnd.next() < 0.85 ? m.owner : rnd.pick(people);
      // About 70% of the deals closed in the window; the rest close over the next two quarters.
      const closed = rnd.next() < 0.7;
      const closeDate = closed
        ? new Date(windowStart.getTime() + Math.floor(rnd.next() * span))
        : new Date(today.getTime() + rnd.int(1, 180) * DAY);
      // An open deal was created in the past, however far away its close date is.
      const cycleStart = closeDate.getTime() - rnd.int(m.segment.cycleDays[0], m.segment.cycleDays[1]) * DAY;
      const created = new Date(closed ? cycleStart : Math.min(cycleStart, today.getTime() - rnd.int(7, 120) * DAY));
      const competitors = Object.keys(COMPETITORS).filter(() => rnd.next() < 0.22).slice(0, 2);
      const winRate = competitors.reduce((p, c) => p + COMPETITORS[c]!, m.segment.winRate + (competitors.length ? 0 : 0.05));
      const won = closed && rnd.next() < Math.min(0.9, Math.max(0.03, winRate));
      const category: StageCategoryValue = closed ? (won ? 'won' : 'lost') : 'open';
      const steps = rnd.int(1, closed ? OPEN_STAGES.length : 4);
      const path = OPEN_STAGES.slice(0, steps);
      const stage = closed ? (won ? 'Closed Won' : 'Closed Lost') : path[path.length - 1]!;
      const currency = m.region === 'EMEA' ? (rnd.next() < 0.45 ? 'EUR' : rnd.next() < 0.4 ? 'GBP' : 'USD') : 'USD';
      const base = rnd.int(m.segment.amount[0], m.segment.amount[1]);
      const amount = rnd.next() < 0.04 ? null : (Math.round(base / 100) * 100).toFixed(2);
      const products = PRODUCTS.filter((_, k) => k === 0 || rnd.next() < 0.3);
      const lostToCompetitor = category === 'lost' && competitors.length > 0 && rnd.next() < 0.6;
      dealRows.push({
        workspaceId,
        source: 'salesforce',
        externalId: sfId(rnd, '006', i),
        name: `${a >= 0 ? accountRows[a]!.name : 'Unassigned'} – ${products.length > 1 ? 'Platform' : products[0]!.replace('Northwind ', '')}`,
        accountId: a >= 0 ? accountIds[a]! : null,
        amount,
        currency: amount ? currency : null,
        stage,
        stageCategory: category,
        probability: category === 'won' ? 100 : category === 'lost' ? 0 : OPEN_PROBABILITY[stage]!,
        closeDate: iso(closeDate),
        createdDate: created.toISOString().slice(0, 19).replace('T', ' '),
        ownerUserId: owner.userId,
        ownerName: owner.name,
        type: rnd.next() < 0.65 ? 'new_business' : rnd.next() < 0.7 ? 'expansion' : 'renewal',
        leadSource: rnd.pick(LEAD_SOURCES),
        products,
        competitors,
        reason: category === 'lost' ? (lostToCompetitor ? 'Lost to competitor' : rnd.pick(LOSS_REASONS)) : null,
        customFields: { 'Forecast Category': category === 'open' ? (steps > 3 ? 'Commit' : 'Pipeline') : 'Closed' },
        createdAt: created,
        updatedAt: closed ? closeDate : today,
      });
      // Categorised after the row is built, so the demo's random draws stay in the same order.
      const row = dealRows[dealRows.length - 1]!;
      row.lossReasonCategory = row.reason ? LOSS_REASON_CATEGORY[row.reason] : null;
      // Stage steps spread evenly from creation to today (open) or the close date (closed).
      const end = closed ? closeDate.getTime() : Math.min(today.getTime(), closeDate.getTime());
      const stepMs = Math.max(DAY, (end - created.getTime()) / (path.length + (closed ? 1 : 0)));
      const history = path.map((s, k) => ({
        stage: s,
        stageCategory: 'open' as StageCategoryValue,
        amount: amount && k === 0 && rnd.next() < 0.2 ? (Number(amount) * 0.8).toFixed(2) : amount,
        currency: amount ? currency : null,
        changedAt: new Date(Math.min(created.getTime() + k * stepMs, end)),
      }));
      if (closed) history.push({ stage, stageCategory: category, amount, currency: amount ? currency : null, changedAt: closeDate });
      histories.push(history);
    }
    const dealIds: string[] = [];
    await insertInBatches(dealRows, async (b) => dealIds.push(...(await dealsRepository.insertDeals(tx, b)).map((r) => r.id)));
    await insertInBatches(
      histories.flatMap((h, i) => h.map((e) => ({ ...e, workspaceId, dealId: dealIds[i]! }))),
      (b) => dealsRepository.insertHistory(tx, b),
    );

    await dealsRepository.replaceExchangeRates(
      tx,
      workspaceId,
      Object.entries(RATES).flatMap(([currency, [early, late]]) => [
        { currency, effectiveFrom: iso(new Date(windowStart.getTime() - 365 * DAY)), rate: early },
        { currency, effectiveFrom: iso(rateChange), rate: late },
      ]),
    );
    await dealsRepository.recomputeAmountBase(tx, workspaceId, ws.baseCurrency);

    // The CRM's latest moves, as the upsert API would have announced them: each owner's two most
    // recently moved open deals give the demo's people something in their notifications.
    const moved = dealRows
      .map((d, i) => ({ d, i, h: histories[i]! }))
      .filter(({ d, h }) => d.stageCategory === 'open' && d.ownerUserId && h.length >= 2)
      .sort((a, b) => b.h.at(-1)!.changedAt.getTime() - a.h.at(-1)!.changedAt.getTime());
    const perOwner = new Map<string, number>();
    for (const { d, i, h } of moved) {
      const taken = perOwner.get(d.ownerUserId!) ?? 0;
      if (taken >= 2) continue;
      perOwner.set(d.ownerUserId!, taken + 1);
      const [from, to] = h.slice(-2) as [(typeof h)[number], (typeof h)[number]];
      await emit(tx, {
        workspaceId,
        type: 'deal.stage_changed',
        payload: {
          dealId: dealIds[i]!,
          name: d.name,
          source: d.source,
          externalId: d.externalId,
          from: { stage: from.stage, category: 'open' },
          to: { stage: to.stage, category: 'open' },
          amount: d.amount ?? null,
          currency: d.currency ?? null,
          ownerUserId: d.ownerUserId!,
          changedBy: { userId: null, name: 'Salesforce sync' },
        },
      });
    }
    return { accounts: accountIds.length, deals: dealIds.length };
  });
}
