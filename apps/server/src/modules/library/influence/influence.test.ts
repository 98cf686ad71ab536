import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Influence } from '@tandem/contracts';
import { call } from '../../../../test/app-harness.ts';
import { account, asset, deal, makeWorld, usage, type World } from './test-fixtures.ts';
import { wilsonInterval, winRateOf } from './win-rate.ts';

let w: World;
const url = (assetId: string, slug = 'acme') => `/api/v1/workspaces/${slug}/assets/${assetId}/influence`;
const get = async (assetId: string, who = w.clients.sales) => {
  const res = await call(w.h.app, who, 'GET', url(assetId));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Influence;
};
const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

/*
 * The hand-computed fixture. Cells are (account segment, calendar quarter of the close date).
 *
 *   Touched before close (the asset's usage names the deal before its close day):
 *     Enterprise 2025-Q1: 6 deals, 5 won (10,000 each) and 1 lost (5,000)
 *     Mid-market 2025-Q2: 8 deals, 5 won (10,000 each) and 3 lost (5,000 each)
 *     → won 10, closed 14, revenue 100,000, closed amount 100,000 + 4 × 5,000 = 120,000
 *
 *   Comparison, the same two cells, not touched before close:
 *     Enterprise 2025-Q1: 10 deals, 4 won (2,000 each), 6 lost (1,000 each)
 *     Mid-market 2025-Q2: 10 deals, 3 won (2,000 each), 7 lost (1,000 each)
 *                         + 1 lost deal touched a week AFTER it closed, + 1 lost deal touched ON its close day
 *     → won 7, closed 22, revenue 7 × 2,000 = 14,000, closed amount 14,000 + 15 × 1,000 = 29,000
 *
 *   Left out: Enterprise 2025-Q2 (5 won — both its segment and its quarter appear among the touched deals, but
 *   not together), SMB 2025-Q1 (4 lost), Enterprise 2024-Q4 (3 won), a removed deal touched before close, a
 *   touched open deal (counted only as open influenced pipeline: 50,000).
 *
 * Wilson 95 %, z = 1.96, z² = 3.8416:
 *   touched: p = 10/14 = 0.714286, z²/n = 3.8416/14 = 0.2744
 *     centre = (0.714286 + 0.1372) / 1.2744 = 0.668146
 *     half   = 1.96 × √(0.714286 × 0.285714 / 14 + 3.8416 / (4 × 196)) / 1.2744 = 1.96 × √(0.0145773 + 0.0049) / 1.2744 = 0.214642
 *     → [0.4535, 0.8828]
 *   comparison: p = 7/22 = 0.318182, z²/n = 3.8416/22 = 0.174618
 *     centre = (0.318182 + 0.087309) / 1.174618 = 0.345211
 *     half   = 1.96 × √(0.318182 × 0.681818 / 22 + 3.8416 / (4 × 484)) / 1.174618 = 1.96 × √(0.0098610 + 0.0019843) / 1.174618 = 0.181607
 *     → [0.1636, 0.5268]
 */
let main: string;
let few: string;
let late: string;

beforeAll(async () => {
  w = await makeWorld();
  const ent = await account(w, 'Ent Co', 'Enterprise');
  const mid = await account(w, 'Mid Co', 'Mid-market');
  const smb = await account(w, 'Small Co', 'SMB');
  main = await asset(w, 'ROI calculator');
  few = await asset(w, 'Security FAQ');
  late = await asset(w, 'Late deck');

  const touched = async (accountId: string, status: 'won' | 'lost', closeDate: string, amount: string, kind = 'shared') => {
    const id = await deal(w, { accountId, status, closeDate, amount });
    await usage(w, main, id, kind, `${closeDate.slice(0, 8)}01T09:00:00Z`); // the first of the close month, before the close day
    return id;
  };
  const untouched = (accountId: string, status: 'won' | 'lost', closeDate: string, amount: string) => deal(w, { accountId, status, closeDate, amount });

  // Touched, Enterprise 2025-Q1 (every usage kind counts once it names the deal).
  for (const kind of ['shared', 'attached', 'share_opened', 'viewed', 'downloaded']) await touched(ent, 'won', '2025-02-20', '10000', kind);
  await touched(ent, 'lost', '2025-03-15', '5000', 'copied');
  // Touched, Mid-market 2025-Q2.
  for (let i = 0; i < 5; i++) await touched(mid, 'won', '2025-05-20', '10000');
  for (let i = 0; i < 3; i++) await touched(mid, 'lost', '2025-06-10', '5000');
  // Comparison cells.
  for (let i = 0; i < 4; i++) await untouched(ent, 'won', '2025-01-10', '2000');
  for (let i = 0; i < 6; i++) await untouched(ent, 'lost', '2025-03-30', '1000');
  for (let i = 0; i < 3; i++) await untouched(mid, 'won', '2025-04-02', '2000');
  for (let i = 0; i < 7; i++) await untouched(mid, 'lost', '2025-06-28', '1000');
  const after = await untouched(mid, 'lost', '2025-05-01', '1000');
  await usage(w, main, after, 'shared', '2025-05-08T12:00:00Z'); // a week after it closed
  const sameDay = await untouched(mid, 'lost', '2025-05-02', '1000');
  await usage(w, main, sameDay, 'attached', '2025-05-02T10:00:00Z'); // on the close day itself
  // Outside every touched cell.
  for (let i = 0; i < 5; i++) await untouched(ent, 'won', '2025-05-05', '2000');
  for (let i = 0; i < 4; i++) await untouched(smb, 'lost', '2025-02-02', '1000');
  for (let i = 0; i < 3; i++) await untouched(ent, 'won', '2024-11-11', '2000');
  const removed = await deal(w, { accountId: ent, status: 'won', closeDate: '2025-02-20', amount: '99999', removed: true });
  await usage(w, main, removed, 'shared', '2025-02-01T09:00:00Z');
  const open = await deal(w, { accountId: ent, status: 'open', amount: '50000' });
  await usage(w, main, open, 'attached', '2025-06-01T09:00:00Z');
  // Usage without a deal touches nothing.
  await usage(w, main, null, 'viewed', '2025-01-01T09:00:00Z');

  // "few": three touched deals (Enterprise 2025-Q1, where ten untouched deals also closed).
  for (const id of (await w.pool.query(`select d.id from deals d join accounts a on a.id = d.account_id where a.segment = 'Enterprise' and d.close_date = '2025-02-20' and d.removed_at is null limit 3`)).rows) {
    await usage(w, few, id.id, 'viewed', '2025-02-01T09:00:00Z');
  }
  // "late": touched only after each deal closed.
  for (const id of (await w.pool.query(`select d.id from deals d join accounts a on a.id = d.account_id where a.segment = 'Mid-market' and d.close_date = '2025-05-20'`)).rows) {
    await usage(w, late, id.id, 'viewed', '2025-07-01T09:00:00Z');
  }
});
afterAll(async () => w?.h.close());

describe('influence', () => {
  it('equals the hand-computed fixture: counts, rates, Wilson intervals, revenue and pipeline', async () => {
    const inf = await get(main);
    expect(inf.method).toBe('same_segment_and_close_quarter');
    expect(inf.touched.winRate).toMatchObject({ won: 10, closed: 14, reason: null });
    expect(inf.touched.lost).toBe(4);
    expect(r4(inf.touched.winRate.rate)).toBe(0.7143); // 10 / 14
    expect(r4(inf.touched.winRate.low)).toBe(0.4535);
    expect(r4(inf.touched.winRate.high)).toBe(0.8828);
    expect(inf.touched.revenue).toBe('100000.0000');
    expect(inf.touched.closedAmount).toBe('120000.0000');

    expect(inf.comparison.winRate).toMatchObject({ won: 7, closed: 22, reason: null });
    expect(r4(inf.comparison.winRate.rate)).toBe(0.3182); // 7 / 22
    expect(r4(inf.comparison.winRate.low)).toBe(0.1636);
    expect(r4(inf.comparison.winRate.high)).toBe(0.5268);
    expect(inf.comparison.revenue).toBe('14000.0000');
    expect(inf.comparison.closedAmount).toBe('29000.0000');

    expect(inf.cells).toEqual([
      { segment: 'Enterprise', quarter: '2025-Q1', touched: 6, comparison: 10 },
      { segment: 'Mid-market', quarter: '2025-Q2', touched: 8, comparison: 12 },
    ]);
    expect(inf.influencedRevenue).toEqual({ deals: 10, amount: '100000.0000' });
    expect(inf.influencedPipeline).toEqual({ deals: 15, amount: '170000.0000', open: { deals: 1, amount: '50000.0000' } });
    expect(inf.caveat).toMatch(/associated with, not that it caused/);
    expect(inf.caveat).not.toMatch(/\bcaused by\b|\bdrove\b/);
  });

  it('says "not enough data" instead of a rate under 10 closed deals', async () => {
    const inf = await get(few);
    expect(inf.touched.winRate).toEqual({ won: 3, closed: 3, rate: null, low: null, high: null, reason: 'Not enough data: 3 closed deals; a rate needs at least 10.' });
    // Its comparison: the other Enterprise 2025-Q1 deals (2 touched-by-main winners, 1 lost, 4 won, 6 lost).
    expect(inf.comparison.winRate).toMatchObject({ won: 6, closed: 13, reason: null });
    expect(inf.cells).toEqual([{ segment: 'Enterprise', quarter: '2025-Q1', touched: 3, comparison: 13 }]);
  });

  it('does not count touches after the close date: no touched deals, no comparison', async () => {
    const inf = await get(late);
    expect(inf.touched.winRate).toMatchObject({ won: 0, closed: 0, rate: null, reason: 'Not enough data: no closed deals yet.' });
    expect(inf.comparison.winRate.closed).toBe(0);
    expect(inf.cells).toEqual([]);
    expect(inf.influencedPipeline).toEqual({ deals: 0, amount: '0.0000', open: { deals: 0, amount: '0.0000' } });
  });

  it('answers every member, 404 for an unknown asset and for another workspace', async () => {
    for (const who of [w.clients.admin, w.clients.marketing, w.clients.sales_lead, w.clients.sales]) {
      expect((await call(w.h.app, who, 'GET', url(main))).statusCode).toBe(200);
    }
    const unknown = await call(w.h.app, w.clients.sales, 'GET', url('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('LIBRARY_ASSET_NOT_FOUND');
    expect((await call(w.h.app, w.clients.other, 'GET', url(main))).statusCode).toBe(404);
    // The other workspace's admin asking in their own workspace for A's asset: not found there either.
    expect((await call(w.h.app, w.clients.other, 'GET', url(main, 'bravo'))).statusCode).toBe(404);
    expect((await call(w.h.app, null, 'GET', url(main))).statusCode).toBe(401);
  });
});

describe('Wilson interval', () => {
  it('matches the textbook values and withholds rates under 10', () => {
    // 4 of 10: centre = (0.4 + 0.19208) / 1.38416 = 0.427754; half = 1.96 × √(0.024 + 0.009604) / 1.38416 = 0.259576
    const { low, high } = wilsonInterval(4, 10);
    expect([r4(low), r4(high)]).toEqual([0.1682, 0.6873]);
    expect(winRateOf(9, 9).rate).toBeNull();
    expect(winRateOf(10, 10)).toMatchObject({ rate: 1, high: 1 });
    expect(winRateOf(0, 10)).toMatchObject({ rate: 0, low: 0 });
  });
});
