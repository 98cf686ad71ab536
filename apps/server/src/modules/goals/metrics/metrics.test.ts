import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricRecordList, MetricResult, Scorecard, WinLoss } from '@tandem/contracts';
import { call } from '../../../../test/app-harness.ts';
import { dealMetrics, type DealMetricSpec } from '../../deals/index.ts';
import { feedbackMetrics } from '../../feedback/index.ts';
import { wilsonInterval } from '../../library/index.ts';
import { insertDeal, makeMetricsWorld, type MetricsWorld } from './test-fixtures.ts';

let w: MetricsWorld;
const Q1 = { from: '2026-02-01', to: '2026-04-30' }; // FY2027 Q1 with a February fiscal year

beforeAll(async () => {
  w = await makeMetricsWorld();
}, 120_000);
afterAll(async () => w?.h.close());

async function metric(name: string, query: Record<string, string>, who = w.clients.admin) {
  const res = await call(w.h.app, who, 'GET', `/api/v1/workspaces/acme/metrics/${name}`, { query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MetricResult;
}

async function records(name: string, query: Record<string, string>) {
  const res = await call(w.h.app, w.clients.admin, 'GET', `/api/v1/workspaces/acme/metrics/${name}/records`, { query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MetricRecordList;
}

describe('metric catalogue', () => {
  it('lists every metric with its definition, kind and unit in the base currency', async () => {
    const res = await call(w.h.app, w.clients.sales, 'GET', '/api/v1/workspaces/acme/metrics');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { baseCurrency: string; fiscalYearStartMonth: number; items: { name: string; kind: string; unit: string; definition: string }[] };
    expect(list.fiscalYearStartMonth).toBe(2);
    expect(list.items.map((m) => m.name)).toContain('win-rate');
    expect(list.items.find((m) => m.name === 'pipeline-created')).toMatchObject({ kind: 'currency', unit: 'USD' });
    expect(list.items.find((m) => m.name === 'win-rate')).toMatchObject({ kind: 'proportion', unit: 'fraction' });
    for (const m of list.items) expect(m.definition.length).toBeGreaterThan(40);
  });
});

describe('deal metrics against the hand-computed fixture', () => {
  it('win rate by count: W1, W2, W3 won of five closed, W3 without an amount counted and said', async () => {
    const m = await metric('win-rate', Q1);
    const { low, high } = wilsonInterval(3, 5);
    expect(m.total).toMatchObject({ value: 0.6, numerator: 3, denominator: 5, count: 5, withoutAmount: 1, noData: false });
    expect(m.total.low).toBeCloseTo(low, 10);
    expect(m.total.high).toBeCloseTo(high, 10);
    expect(m.notes.join(' ')).toMatch(/1 of the deals counted has no amount in USD/);
  });

  it('win rate by amount in the base currency: (1000 + 550) / (1000 + 550 + 2000 + 390), no interval', async () => {
    const m = await metric('win-rate', { ...Q1, byAmount: 'true' });
    expect(m.total.value).toBeCloseTo(1550 / 3940, 10);
    expect(m.total).toMatchObject({ numerator: 1550, denominator: 3940, low: null, high: null, withoutAmount: 1 });
    expect(m.notes.join(' ')).toMatch(/left out of the amounts/);
  });

  it('groups by segment and by fiscal quarter (February start), empty quarters said as no data', async () => {
    const seg = await metric('win-rate', { ...Q1, groupBy: 'segment' });
    expect(seg.items.map((i) => [i.key, i.numerator, i.denominator])).toEqual([
      ['Enterprise', 2, 3],
      ['SMB', 1, 2],
    ]);
    const q = await metric('win-rate', { from: '2025-08-01', to: '2026-04-30', groupBy: 'period' });
    expect(q.items.map((i) => [i.label, i.value, i.noData])).toEqual([
      ['FY2026 Q3', null, true],
      ['FY2026 Q4', 0, false],
      ['FY2027 Q1', 0.6, false],
    ]);
  });

  it('an empty period is no data, never 0 % or an error', async () => {
    const m = await metric('win-rate', { from: '2025-05-01', to: '2025-07-31' });
    expect(m.total).toMatchObject({ value: null, noData: true, count: 0, low: null, high: null });
    expect(m.notes[0]).toMatch(/No data/);
    const size = await metric('average-deal-size', { from: '2025-05-01', to: '2025-07-31' });
    expect(size.total).toMatchObject({ value: null, noData: true });
  });

  it('average deal size, sales cycle, pipeline created and created-to-won conversion', async () => {
    // Won with an amount: W1 1000, W2 550 (EUR 500 at its base amount) → 775; W3 counted without an amount.
    expect((await metric('average-deal-size', Q1)).total).toMatchObject({ value: 775, count: 3, denominator: 2, withoutAmount: 1 });
    // Won cycles: W1 40, W2 10, W3 59 days → median 40.
    expect((await metric('sales-cycle-days', Q1)).total).toMatchObject({ value: 40, denominator: 3 });
    // Created in Q1: L1 2000, W3 (none), O1 800, W2 550, L2 390 → 3740, one without an amount.
    expect((await metric('pipeline-created', Q1)).total).toMatchObject({ value: 3740, count: 5, withoutAmount: 1 });
    // Of those five, W2 and W3 are won.
    expect((await metric('stage-conversion', Q1)).total).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
  });

  it('win rate against competitors, by competitor, and filtered by competitor, owner and team', async () => {
    expect((await metric('win-rate-vs-competitor', Q1)).total).toMatchObject({ numerator: 2, denominator: 4 });
    const by = await metric('win-rate-vs-competitor', { ...Q1, groupBy: 'competitor' });
    expect(by.items.map((i) => [i.key, i.numerator, i.denominator])).toEqual([
      ['Kestrel', 2, 3],
      ['Osprey', 0, 1],
    ]);
    expect((await metric('win-rate', { ...Q1, competitor: 'kestrel' })).total).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await metric('win-rate', { ...Q1, owner: w.ids.rae })).total).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await metric('win-rate', { ...Q1, team: w.ids.teamId })).total).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await metric('win-rate', { ...Q1, product: 'Analytics' })).total).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('kept answers', () => {
  it('a deal write shows in the next read of a metric, the scorecard and win/loss (nothing stale is served)', async () => {
    const scorecardWinRate = async () => {
      const res = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/scorecard', { query: { period: 'FY2027 Q1', periods: '2' } });
      return (res.json() as Scorecard).keyMetrics.find((m) => m.metric === 'win-rate')!.current.numerator;
    };
    expect((await metric('win-rate', Q1)).total.numerator).toBe(3);
    expect(await scorecardWinRate()).toBe(3);
    const lost = async () => ((await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/win-loss', { query: Q1 })).json() as WinLoss).lost.count;
    expect(await lost()).toBe(2);
    await w.pool.query(`update deals set stage_category = 'won', stage = 'Closed Won' where workspace_id = $1 and id = $2`, [w.ws, w.deals.L2]);
    try {
      expect((await metric('win-rate', Q1)).total).toMatchObject({ numerator: 4, denominator: 5 });
      expect(await scorecardWinRate()).toBe(4);
      expect(await lost()).toBe(1);
    } finally {
      await w.pool.query(`update deals set stage_category = 'lost', stage = 'Closed Lost' where workspace_id = $1 and id = $2`, [w.ws, w.deals.L2]);
    }
    expect((await metric('win-rate', Q1)).total.numerator).toBe(3);
  });
});

describe('the records behind a number', () => {
  it('lists exactly the deals in the numerator and the denominator, paginated', async () => {
    const won = await records('win-rate', { ...Q1, part: 'numerator' });
    expect(won.items.map((r) => r.title)).toEqual(['W3', 'W2', 'W1']);
    expect(won.total).toBe(3);
    const all = await records('win-rate', { ...Q1, limit: '2' });
    expect(all.total).toBe(5);
    expect(all.items.map((r) => r.title)).toEqual(['W3', 'L2']);
    const next = await records('win-rate', { ...Q1, limit: '2', cursor: all.nextCursor! });
    const last = await records('win-rate', { ...Q1, limit: '2', cursor: next.nextCursor! });
    expect([...next.items, ...last.items].map((r) => r.title)).toEqual(['W2', 'L1', 'W1']);
    expect(last.nextCursor).toBeNull();
    const smb = await records('win-rate', { ...Q1, groupBy: 'segment', key: 'SMB' });
    expect(smb.items.map((r) => [r.title, r.inNumerator, r.amountBase, r.currency])).toEqual([
      ['L2', false, '390.0000', 'GBP'],
      ['W2', true, '550.0000', 'EUR'],
    ]);
    const cycle = await records('sales-cycle-days', Q1);
    expect(cycle.items.map((r) => [r.title, r.measure])).toEqual([
      ['W3', 59],
      ['W2', 10],
      ['W1', 40],
    ]);
  });

  it("each total is the metric's own count, for the whole period and for any group, and every page adds up to it", async () => {
    // [metric, query, part, group key, hand-computed total]: Q1 closed W1 W2 W3 L1 L2 (W3 L1 L2 without a product;
    // Rae owns W1 W3 L1, team East; Kestrel on W1 W3 L1, Osprey on L2, none on W2), L3 in FY2026 Q4; created in Q1
    // L1 W3 O1 W2 L2, of which W2 W3 won.
    const cases: [string, Record<string, string>, 'numerator' | 'all', string | undefined, number][] = [
      ['win-rate', Q1, 'numerator', undefined, 3],
      ['win-rate', Q1, 'all', undefined, 5],
      ['win-rate', { ...Q1, groupBy: 'segment' }, 'all', 'SMB', 2],
      ['win-rate', { ...Q1, groupBy: 'segment' }, 'numerator', 'Enterprise', 2],
      ['win-rate', { ...Q1, groupBy: 'competitor' }, 'all', 'Kestrel', 3],
      ['win-rate', { ...Q1, groupBy: 'competitor' }, 'all', '(none)', 1],
      ['win-rate', { ...Q1, groupBy: 'product' }, 'all', 'Core', 2],
      ['win-rate', { ...Q1, groupBy: 'product' }, 'all', '(none)', 3],
      ['win-rate', { ...Q1, groupBy: 'owner' }, 'all', w.ids.rae, 3],
      ['win-rate', { ...Q1, groupBy: 'team' }, 'numerator', w.ids.teamId, 2],
      ['win-rate', { from: '2025-08-01', to: '2026-04-30', groupBy: 'period' }, 'all', '2025-11-01', 1],
      ['win-rate', { from: '2025-08-01', to: '2026-04-30', groupBy: 'period' }, 'all', '2025-08-01', 0],
      ['win-rate', { ...Q1, competitor: 'kestrel' }, 'numerator', undefined, 2],
      ['win-rate-vs-competitor', { ...Q1, groupBy: 'competitor' }, 'numerator', 'Kestrel', 2],
      ['sales-cycle-days', Q1, 'all', undefined, 3],
      ['sales-cycle-days', { ...Q1, competitor: 'Kestrel' }, 'all', undefined, 2],
      ['pipeline-created', Q1, 'all', undefined, 5],
      ['stage-conversion', Q1, 'numerator', undefined, 2],
      ['stage-conversion', { ...Q1, groupBy: 'owner' }, 'all', w.ids.roy, 2],
    ];
    for (const [name, query, part, key, expected] of cases) {
      const label = `${name} ${JSON.stringify(query)} ${part} ${key}`;
      const m = await metric(name, query);
      const item = key === undefined ? m.total : m.items.find((i) => i.key === key);
      const counted = !item ? 0 : part === 'numerator' ? item.numerator : item.count;
      expect(counted, label).toBe(expected);
      const seen: string[] = [];
      let cursor: string | undefined;
      let first: MetricRecordList | undefined;
      do {
        const page = await records(name, { ...query, ...(part === 'numerator' ? { part } : {}), ...(key ? { key } : {}), limit: '2', ...(cursor ? { cursor } : {}) });
        first ??= page;
        expect(page.total, label).toBe(expected);
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen).size, label).toBe(seen.length);
      expect(seen.length, label).toBe(expected);
    }
  });

  it('a deal write shows in the next records read and in one competitor\'s sales cycle', async () => {
    // Kestrel's won deals in Q1: W1 40 days, W3 59 days → median 49.5.
    expect((await metric('sales-cycle-days', { ...Q1, competitor: 'Kestrel' })).total).toMatchObject({ value: 49.5, count: 2, denominator: 2 });
    expect((await records('win-rate', { ...Q1, part: 'numerator' })).total).toBe(3);
    const id = await insertDeal(w.pool, w.ws, { name: 'W9', stage: 'won', account: null, amount: 100, close: '2026-04-28', created: '2026-04-04T09:00:00', owner: null, competitors: ['kestrel'] });
    try {
      // W9 closed last, 24 days: 24, 40, 59 → 40.
      expect((await metric('sales-cycle-days', { ...Q1, competitor: 'Kestrel' })).total).toMatchObject({ value: 40, count: 3, denominator: 3 });
      const won = await records('win-rate', { ...Q1, part: 'numerator', limit: '1' });
      expect([won.total, won.items.map((r) => r.title)]).toEqual([4, ['W9']]);
      expect((await records('sales-cycle-days', { ...Q1, competitor: 'kestrel' })).items.map((r) => [r.title, r.measure])).toEqual([
        ['W9', 24],
        ['W3', 59],
        ['W1', 40],
      ]);
      // Created the same day (one at the same instant as W9): pages of one, ordered by the created time, then the id.
      const o8 = await insertDeal(w.pool, w.ws, { name: 'O8', stage: 'open', account: null, amount: 10, close: '2026-07-01', created: '2026-04-04T09:00:00', owner: null });
      const o9 = await insertDeal(w.pool, w.ws, { name: 'O9', stage: 'open', account: null, amount: 10, close: '2026-07-01', created: '2026-04-04T15:30:00', owner: null });
      try {
        expect((await metric('pipeline-created', Q1)).total.count).toBe(8);
        const titles: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await records('pipeline-created', { ...Q1, limit: '1', ...(cursor ? { cursor } : {}) });
          expect(page.total).toBe(8);
          titles.push(...page.items.map((r) => r.title));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const sameInstant = [id, o8].sort().reverse().map((x) => (x === id ? 'W9' : 'O8'));
        expect(titles).toEqual(['O9', ...sameInstant, 'L2', 'W2', 'O1', 'W3', 'L1']);
      } finally {
        await w.pool.query(`delete from deals where workspace_id = $1 and id in ($2, $3)`, [w.ws, o8, o9]);
      }
      await w.pool.query(`update deals set removed_at = now() where workspace_id = $1 and id = $2`, [w.ws, id]);
      expect((await records('win-rate', { ...Q1, part: 'numerator' })).total).toBe(3);
      expect((await metric('sales-cycle-days', { ...Q1, competitor: 'Kestrel' })).total).toMatchObject({ value: 49.5, count: 2 });
    } finally {
      await w.pool.query(`delete from deals where workspace_id = $1 and id = $2`, [w.ws, id]);
    }
  });

  it('lists the feedback behind the response rate', async () => {
    expect((await metric('feedback-response-rate', Q1)).total).toMatchObject({ numerator: 1, denominator: 2 });
    expect((await metric('feedback-time-to-acknowledge', Q1)).total).toMatchObject({ value: 2, denominator: 1, count: 2 });
    expect((await metric('themes-addressed', Q1)).total).toMatchObject({ numerator: 1, denominator: 2 });
    const r = await records('feedback-response-rate', { ...Q1, part: 'numerator' });
    expect(r.recordKind).toBe('feedback');
    expect(r.items.map((i) => i.title)).toEqual(['They said we cost twice Kestrel']);
  });
});

describe('bad input and access', () => {
  it('answers 404 naming an unknown metric and 400 naming the field', async () => {
    const unknown = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/metrics/win-ratio');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'METRICS_UNKNOWN' });
    expect(unknown.json().detail).toContain('win-ratio');
    const cases: [Record<string, string>, string, string?][] = [
      [{ groupBy: 'colour' }, 'query.groupBy'],
      [{ from: '2026-04-01', to: '2026-03-01' }, 'query.to'],
      [{ from: '2026-02-30' }, 'query.from'],
      [{ byAmount: 'maybe' }, 'query.byAmount'],
    ];
    for (const [query, path] of cases) {
      const res = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/metrics/win-rate', { query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(path);
    }
    const notHere: [string, Record<string, string>, string][] = [
      ['asset-adoption', { groupBy: 'segment' }, 'query.groupBy'],
      ['feedback-response-rate', { product: 'Core' }, 'query.product'],
      ['sales-cycle-days', { byAmount: 'true' }, 'query.byAmount'],
    ];
    for (const [name, query, path] of notHere) {
      const res = await call(w.h.app, w.clients.admin, 'GET', `/api/v1/workspaces/acme/metrics/${name}`, { query });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
  });

  it('every role reads; another workspace gets 404', async () => {
    for (const who of ['admin', 'marketing', 'sales_lead', 'sales'] as const) {
      const res = await call(w.h.app, w.clients[who], 'GET', '/api/v1/workspaces/acme/metrics/win-rate', { query: Q1 });
      expect(res.statusCode, who).toBe(200);
    }
    for (const path of ['metrics', 'metrics/win-rate', 'metrics/win-rate/records', 'scorecard', 'win-loss']) {
      const res = await call(w.h.app, w.clients.other, 'GET', `/api/v1/workspaces/acme/${path}`);
      expect(res.statusCode, path).toBe(404);
    }
    // Workspace B's own won deal is its own: one won of one closed.
    const b = await call(w.h.app, w.clients.other, 'GET', '/api/v1/workspaces/bravo/metrics/win-rate', { query: Q1 });
    expect(b.json().total).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('scorecard and win/loss', () => {
  it('the scorecard of FY2027 Q1: key metrics with a series and the change against FY2026 Q4', async () => {
    const res = await call(w.h.app, w.clients.sales_lead, 'GET', '/api/v1/workspaces/acme/scorecard', { query: { period: 'FY2027 Q1', periods: '4' } });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as Scorecard;
    expect(s.period).toEqual({ label: 'FY2027 Q1', start: '2026-02-01', end: '2026-04-30' });
    expect(s.previousPeriod.label).toBe('FY2026 Q4');
    const wr = s.keyMetrics.find((m) => m.metric === 'win-rate')!;
    expect(wr.current.value).toBe(0.6);
    expect(wr.previous.value).toBe(0);
    expect(wr.change).toBeCloseTo(0.6, 10);
    expect(wr.series.map((p) => [p.period.label, p.value])).toEqual([
      ['FY2026 Q2', null],
      ['FY2026 Q3', null],
      ['FY2026 Q4', 0],
      ['FY2027 Q1', 0.6],
    ]);
    expect(s.pipelineByStage).toEqual([{ stage: 'Proposal', count: 1, amount: '800.0000', withoutAmount: 0 }]);
    expect(s.winRateBySegment.map((i) => i.key)).toEqual(['Enterprise', 'SMB']);
    expect(s.winRateByCompetitor.map((i) => [i.key, i.low !== null])).toEqual([
      ['Kestrel', true],
      ['Osprey', true],
    ]);
    // The open theme with revenue behind it: SSO missing (L2 lost, 390); the addressed one is not listed.
    expect(s.topThemes.map((t) => [t.name, t.revenueAtStake])).toEqual([['SSO missing', '390.0000']]);
    expect(s.requestsBreachingSla).toEqual({ count: 0, items: [] });
  });

  it('win/loss by reason, competitor and segment, with the themes behind each reason', async () => {
    const res = await call(w.h.app, w.clients.marketing, 'GET', '/api/v1/workspaces/acme/win-loss', { query: Q1 });
    expect(res.statusCode, res.body).toBe(200);
    const x = res.json() as WinLoss;
    expect(x.won).toEqual({ count: 3, amount: '1550.0000', withoutAmount: 1 });
    expect(x.lost).toEqual({ count: 2, amount: '2390.0000', withoutAmount: 0 });
    const price = x.byReason.find((r) => r.category === 'price')!;
    expect(price.lost).toEqual({ count: 1, amount: '2000.0000', withoutAmount: 0 });
    expect(price.themes.map((t) => t.name)).toEqual(['Pricing too high']);
    expect(x.byReason.find((r) => r.category === 'product_gap')!.themes.map((t) => t.name)).toEqual(['SSO missing']);
    expect(x.priceVsProductGap.statedLosses).toBe(2);
    expect(x.priceVsProductGap.price.value).toBe(0.5);
    expect(x.priceVsProductGap.productGap.value).toBe(0.5);
    expect(x.byCompetitor.map((g) => [g.key, g.won.count, g.lost.count])).toEqual([
      ['Kestrel', 2, 1],
      ['(none)', 1, 0],
      ['Osprey', 0, 1],
    ]);
    expect(x.overTime.map((p) => p.label)).toEqual(['FY2027 Q1']);
    expect(x.overTime[0]!.lostByReason.price).toEqual({ count: 1, amount: '2000.0000', withoutAmount: 0 });
  });
});

describe('sales involvement in decisions (the decisions module\'s involvementRate)', () => {
  it('counts decisions decided in the period with sales input before the outcome, per quarter; records live on the decision log', async () => {
    const empty = await metric('decision-involvement-rate', Q1);
    expect(empty.total).toMatchObject({ value: null, noData: true, numerator: 0, denominator: 0 });
    // Three decisions decided in FY2027 Q1: D1 with Rae's input before the outcome, D2 with Pia's (marketing) only,
    // D3 with Rae's input after the outcome. One decided in FY2026 Q4 with Lee's input.
    const decide = async (title: string, decidedAt: string, input: { user: string; at: string } | null) => {
      const d = (
        await w.pool.query(
          `insert into decisions (workspace_id, title, context, kind, owner_user_id, status, input_opened_at, input_closes_at, decide_by)
           values ($1, $2, 'ctx', 'pricing_packaging', $3, 'decided', $4::timestamptz - interval '5 days', $4::timestamptz - interval '1 day', $4::date) returning id`,
          [w.ws, title, w.ids.pia, decidedAt],
        )
      ).rows[0].id as string;
      await w.pool.query(
        `insert into decision_outcomes (workspace_id, decision_id, round, chosen_option, rationale, decided_at) values ($1, $2, 1, 'A', 'why', $3)`,
        [w.ws, d, decidedAt],
      );
      if (input) {
        await w.pool.query(
          `insert into decision_inputs (workspace_id, decision_id, round, user_id, stance, created_at, updated_at) values ($1, $2, 1, $3, 'support', $4, $4)`,
          [w.ws, d, input.user, input.at],
        );
      }
    };
    await decide('D1', '2026-03-10T12:00:00Z', { user: w.ids.rae, at: '2026-03-08T12:00:00Z' });
    await decide('D2', '2026-03-11T12:00:00Z', { user: w.ids.pia, at: '2026-03-09T12:00:00Z' });
    await decide('D3', '2026-04-02T12:00:00Z', { user: w.ids.rae, at: '2026-04-03T12:00:00Z' });
    await decide('D0', '2026-01-15T12:00:00Z', { user: w.ids.lee, at: '2026-01-14T12:00:00Z' });
    const q1 = await metric('decision-involvement-rate', Q1);
    expect(q1.total).toMatchObject({ value: 1 / 3, numerator: 1, denominator: 3, noData: false });
    const byQuarter = await metric('decision-involvement-rate', { from: '2025-11-01', to: '2026-04-30', groupBy: 'period' });
    expect(byQuarter.items.map((i) => [i.label, i.numerator, i.denominator])).toEqual([
      ['FY2026 Q4', 1, 1],
      ['FY2027 Q1', 1, 3],
    ]);
    const res = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/metrics/decision-involvement-rate/records', { query: Q1 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/decision log/);
  });
});


describe('the scorecard\'s top themes, kept under the theme-deals stamp (migration 0022)', () => {
  it('match the themes computed afresh after writes to deals behind them and to other deals; only the former move the stamp', async () => {
    const stamp = async () => Number((await w.pool.query(`select stamp from change_stamps where workspace_id = $1 and scope = 'theme-deals'`, [w.ws])).rows[0]?.stamp ?? 0);
    const kept = async () => {
      const res = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/scorecard', { query: { period: 'FY2027 Q1', periods: '2' } });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as Scorecard).topThemes;
    };
    // The fold: the feedback module's own statement, on a connection of its own, nothing kept.
    const afresh = async () =>
      (await w.h.services.deps.database.readTenant(w.ws, (db) => feedbackMetrics.topThemesByRevenue(db, w.ws, 5))).map((t) => [t.name, t.atStake.toFixed(4)]);
    const same = async () => {
      const k = await kept();
      expect(k.map((t) => [t.name, t.revenueAtStake])).toEqual(await afresh());
      return k.map((t) => [t.name, t.revenueAtStake]);
    };
    const ent = (await w.pool.query(`select account_id from deals where id = $1`, [w.deals.W1])).rows[0].account_id as string;
    const sso = (await w.pool.query(`select id from themes where workspace_id = $1 and name = 'SSO missing'`, [w.ws])).rows[0].id as string;
    expect(await same()).toEqual([['SSO missing', '390.0000']]);
    let before = await stamp();
    // W1 is behind no feedback: the stamp stays, the kept themes are still right.
    await w.pool.query(`update deals set amount = 1001, amount_base = 1001 where id = $1`, [w.deals.W1]);
    expect(await stamp()).toBe(before);
    expect(await same()).toEqual([['SSO missing', '390.0000']]);
    // L2 is behind "SSO missing": the stamp moves and the next scorecard shows the new amount.
    await w.pool.query(`update deals set amount_base = 400 where id = $1`, [w.deals.L2]);
    expect(await stamp()).toBeGreaterThan(before);
    expect(await same()).toEqual([['SSO missing', '400.0000']]);
    // A rolled-back write leaves the themes as they were.
    const c = await w.pool.connect();
    try {
      await c.query('begin');
      await c.query(`update deals set amount_base = 9000 where id = $1`, [w.deals.L2]);
      await c.query('rollback');
    } finally {
      c.release();
    }
    expect(await same()).toEqual([['SSO missing', '400.0000']]);
    // An item about Acme Corp with no deal puts every deal of the account behind the theme (O1 800 open, L1 2000 lost).
    const item = (
      await w.pool.query(
        `insert into feedback_items (workspace_id, kind, text, account_id, source, submitted_by_user_id, created_at, observed_at, theme_id)
         values ($1, 'objection', 'Needs SSO too', $2, 'call', $3, '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z', $4) returning id`,
        [w.ws, ent, w.ids.rae, sso],
      )
    ).rows[0].id as string;
    try {
      expect(await same()).toEqual([['SSO missing', '3200.0000']]);
      before = await stamp();
      await w.pool.query(`update deals set amount_base = 900 where id = $1`, [w.deals.O1]);
      expect(await stamp()).toBeGreaterThan(before);
      expect(await same()).toEqual([['SSO missing', '3300.0000']]);
      // A new open deal on that account counts too.
      before = await stamp();
      const extra = await insertDeal(w.pool, w.ws, { name: 'O2', stage: 'open', account: ent, amount: 50, close: '2026-07-30', created: '2026-03-20T09:00:00', owner: w.ids.rae });
      expect(await stamp()).toBeGreaterThan(before);
      expect(await same()).toEqual([['SSO missing', '3350.0000']]);
      await w.pool.query(`delete from deals where id = $1`, [extra]);
      expect(await same()).toEqual([['SSO missing', '3300.0000']]);
    } finally {
      await w.pool.query(`delete from feedback_items where id = $1`, [item]);
      await w.pool.query(`update deals set amount_base = 800 where id = $1`, [w.deals.O1]);
      await w.pool.query(`update deals set amount_base = 390 where id = $1`, [w.deals.L2]);
      await w.pool.query(`update deals set amount = 1000, amount_base = 1000 where id = $1`, [w.deals.W1]);
    }
    expect(await same()).toEqual([['SSO missing', '390.0000']]);
  });
});

describe('win/loss reason themes, kept under the theme-deals stamp (migration 0022)', () => {
  it('follow a write to a lost deal that feedback is about, and equal the statement run afresh', async () => {
    const reasons = async () => {
      const res = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/win-loss', { query: Q1 });
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries((res.json() as WinLoss).byReason.filter((r) => r.themes.length).map((r) => [r.category, r.themes.map((t) => t.name)]));
    };
    const spec: DealMetricSpec = { workspaceId: w.ws, ...Q1, cohort: 'closed', filters: {}, fiscalYearStartMonth: 2 };
    const afresh = async () => {
      const rows = await w.h.services.deps.database.readTenant(w.ws, (db) => feedbackMetrics.reasonThemes(db, w.ws, dealMetrics.lostDealsQuery(spec), 5));
      const out: Record<string, string[]> = {};
      for (const r of rows) (out[r.category] ??= []).push(r.name);
      return out;
    };
    expect(await reasons()).toEqual({ price: ['Pricing too high'], product_gap: ['SSO missing'] });
    expect(await reasons()).toEqual(await afresh());
    // W1 is behind no feedback: the answer is recomputed (the deals stamp moved), the kept themes are still right.
    await w.pool.query(`update deals set amount = 1001, amount_base = 1001 where id = $1`, [w.deals.W1]);
    expect(await reasons()).toEqual(await afresh());
    // L2's reason becomes price: its feedback's theme moves with it.
    await w.pool.query(`update deals set loss_reason_category = 'price' where id = $1`, [w.deals.L2]);
    try {
      expect(await reasons()).toEqual({ price: ['Pricing too high', 'SSO missing'] });
      expect(await reasons()).toEqual(await afresh());
    } finally {
      await w.pool.query(`update deals set loss_reason_category = 'product_gap' where id = $1`, [w.deals.L2]);
      await w.pool.query(`update deals set amount = 1000, amount_base = 1000 where id = $1`, [w.deals.W1]);
    }
    expect(await reasons()).toEqual({ price: ['Pricing too high'], product_gap: ['SSO missing'] });
  });
});

describe('a deal listing the same product (or competitor) twice', () => {
  it('counts once in that product and that competitor, in the metric, its records total and win/loss', async () => {
    // June 2024 (FY2025 Q2), nothing else there: D1 won 100 lists Core twice and Analytics, Kestrel twice; D2 lost 50 lists Core, Kestrel.
    const d1 = await insertDeal(w.pool, w.ws, { name: 'Dup1', stage: 'won', account: null, amount: 100, close: '2024-06-10', created: '2024-06-01T09:00:00', owner: w.ids.rae, products: ['Core', 'Core', 'Analytics'], competitors: ['Kestrel', 'Kestrel'] });
    const d2 = await insertDeal(w.pool, w.ws, { name: 'Dup2', stage: 'lost', account: null, amount: 50, close: '2024-06-12', created: '2024-06-02T09:00:00', owner: w.ids.rae, products: ['Core'], competitors: ['Kestrel'] });
    const JUNE = { from: '2024-06-01', to: '2024-06-30' };
    try {
      const byProduct = await metric('win-rate', { ...JUNE, groupBy: 'product' });
      expect(byProduct.items.map((i) => [i.key, i.numerator, i.denominator])).toEqual([
        ['Core', 1, 2],
        ['Analytics', 1, 1],
      ]);
      const created = await metric('pipeline-created', { ...JUNE, groupBy: 'product' });
      expect(created.items.map((i) => [i.key, i.value, i.count])).toEqual([
        ['Core', 150, 2],
        ['Analytics', 100, 1],
      ]);
      for (const name of ['win-rate', 'win-rate-vs-competitor']) {
        const byCompetitor = await metric(name, { ...JUNE, groupBy: 'competitor' });
        expect(byCompetitor.items.map((i) => [i.key, i.numerator, i.denominator]), name).toEqual([['Kestrel', 1, 2]]);
      }
      const core = await records('win-rate', { ...JUNE, groupBy: 'product', key: 'Core' });
      expect([core.total, core.items.map((r) => r.title).sort()]).toEqual([2, ['Dup1', 'Dup2']]);
      const wl = (await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/win-loss', { query: JUNE })).json() as WinLoss;
      expect(wl.byCompetitor.map((g) => [g.key, g.won.count, g.lost.count])).toEqual([['Kestrel', 1, 1]]);
    } finally {
      await w.pool.query(`delete from deals where workspace_id = $1 and id in ($2, $3)`, [w.ws, d1, d2]);
    }
  });
});
