import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricResult, WinLoss } from '@tandem/contracts';
import { call } from '../../../../test/app-harness.ts';
import type { Db } from '../../../db/database.ts';
import { dealMetrics, type DealMetricSpec } from '../../deals/index.ts';
import { setDealRollups } from './deal-family.ts';
import { addNumeric, dealRollupRepository as rollups } from './rollup.repository.ts';
import { insertDeal, makeMetricsWorld, type MetricsWorld } from './test-fixtures.ts';

// The monthly rollups (decision 0021) against the fold over the deals: the same numbers for every spec they answer, on
// the hand-computed fixture plus 600 generated deals, and again after each kind of write (amounts, stages, removals,
// deletes, an account's segment, a bulk insert, a rolled-back write); some deals name a competitor twice.

let w: MetricsWorld;
let db: Db;
let ents: string[];

const norm = (rows: object[]) =>
  rows
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /amount/i.test(k) && typeof v === 'string' ? Number(v) : v])))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));

function specs(): DealMetricSpec[] {
  const base = { workspaceId: w.ws, fiscalYearStartMonth: 2 };
  const out: DealMetricSpec[] = [];
  const ranges = [
    { from: '2026-02-01', to: '2026-04-30' },
    { from: '2025-02-01', to: '2026-07-31' },
    { from: '2025-03-17', to: '2026-05-09' }, // edges inside months: whole months or edge quarters folded
    { from: '2026-03-01', to: '2026-03-31' },
    { from: '2026-03-05', to: '2026-03-20' },
    { from: '2026-03-05', to: '2026-04-10' }, // two edge months, none between
    { from: '2025-12-07', to: '2026-04-30' }, // the bench's "two years to today": a start inside a month, a whole end
  ];
  for (const r of ranges) {
    for (const groupBy of [null, 'period', 'segment', 'competitor'] as const) {
      for (const filters of [{}, { segment: 'enterprise' }, { competitor: 'kestrel' }, { competitive: true }, { status: ['lost' as const] }]) {
        out.push({ ...base, ...r, cohort: 'closed', groupBy, filters });
      }
    }
    for (const groupBy of [null, 'period', 'segment', 'owner', 'team'] as const) {
      for (const filters of [{}, { segment: 'SMB' }, { owner: w.ids.rae }, { team: w.ids.teamId }]) {
        out.push({ ...base, ...r, cohort: 'created', groupBy, filters });
      }
    }
  }
  return out;
}

async function compareAll() {
  let answered = 0;
  for (const spec of specs()) {
    if (spec.cohort === 'closed') {
      const fold = (s: DealMetricSpec) => dealMetrics.closedStats(db, s);
      const direct = norm(await fold(spec));
      for (const withCycle of [true, false]) {
        const got = await rollups.closedStats(db, spec, withCycle, fold);
        if (!got) continue;
        answered += 1;
        // Without the cycle (every metric but the sales cycle) the rollups leave it out: compared without it; with
        // it, every column is compared.
        const strip = (rows: Record<string, unknown>[]) => (withCycle ? rows : rows.map(({ cycleMedian: _m, cycleCount: _c, ...rest }) => rest));
        expect(strip(norm(got)), JSON.stringify(spec)).toEqual(strip(direct));
      }
    } else {
      const fold = (s: DealMetricSpec) => dealMetrics.createdStats(db, s);
      const got = await rollups.createdStats(db, spec, fold);
      if (!got) continue;
      answered += 1;
      expect(norm(got), JSON.stringify(spec)).toEqual(norm(await fold(spec)));
    }
  }
  for (const r of [
    { from: '2025-02-01', to: '2026-07-31' },
    { from: '2026-02-01', to: '2026-04-30' },
  ]) {
    const spec: DealMetricSpec = { workspaceId: w.ws, fiscalYearStartMonth: 2, ...r, cohort: 'closed', filters: {} };
    const got = await rollups.lostByQuarterAndReason(db, spec);
    expect(got).not.toBeNull();
    const key = (x: { quarter: string; category: string | null }) => `${x.quarter}:${x.category}`;
    expect(norm(got!.map((x) => ({ ...x, key: key(x) })))).toEqual(norm((await dealMetrics.lostByQuarterAndReason(db, spec)).map((x) => ({ ...x, key: key(x) }))));
  }
  return answered;
}

beforeAll(async () => {
  w = await makeMetricsWorld();
  db = w.h.services.deps.database.db;
  const account = async (name: string, segment: string | null) =>
    (await w.pool.query(`insert into accounts (workspace_id, name, segment) values ($1, $2, $3) returning id`, [w.ws, name, segment])).rows[0].id as string;
  ents = [await account('Gen Ent', 'Enterprise'), await account('Gen Mid', 'Mid-market'), await account('Gen None', null), await account('Gen SMB', 'SMB')];
  // 600 deals over two years: every outcome, amounts missing, created after closing, owners by member or by name only.
  let x = 7;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 600; i++) {
    const created = rnd(700);
    const stage = (['open', 'won', 'lost'] as const)[rnd(3)]!;
    await insertDeal(w.pool, w.ws, {
      name: `G${i}`,
      stage,
      account: rnd(7) === 0 ? null : ents[rnd(4)]!,
      amount: rnd(10) === 0 ? null : 100 + rnd(5000) + rnd(100) / 100,
      close: rnd(30) === 0 ? null : day(created + rnd(120) - 10),
      created: rnd(25) === 0 ? null : `${day(created)}T0${rnd(10)}:30:00`,
      owner: [w.ids.rae, w.ids.roy, w.ids.lee, null][rnd(4)]!,
      // Some lists name a competitor twice (each deal still counts once against it: rollups and fold alike).
      competitors: [[], ['Kestrel'], ['Osprey', 'Kestrel'], [], ['Kestrel', 'Osprey', 'Kestrel']][rnd(5)]!,
      products: rnd(2) ? ['Core'] : [],
      category: stage === 'lost' ? [null, 'price', 'product_gap', 'timing'][rnd(4)]! : null,
    });
  }
  await w.pool.query(`update deals set owner_user_id = null, owner_name = 'Sam Source' where workspace_id = $1 and name like 'G1%' and owner_user_id is null`, [w.ws]);
}, 180_000);
afterAll(async () => {
  setDealRollups(true);
  await w?.h.close();
});

describe('deal rollups against the fold over the deals', () => {
  it('add the numeric texts of two pieces of a period as PostgreSQL sums them', () => {
    expect(addNumeric('0', '0')).toBe('0');
    expect(addNumeric('0', '390.0000')).toBe('390.0000');
    expect(addNumeric('1000.5000', '550.5000')).toBe('1551.0000');
    expect(addNumeric('-0.0100', '0.0050')).toBe('-0.0050');
    expect(addNumeric('12345678901234567890.1234', '1.0000')).toBe('12345678901234567891.1234');
  });

  it('answer the same numbers for every spec they take, whole months and edges inside months', async () => {
    expect(await compareAll()).toBeGreaterThan(150);
  }, 120_000);

  it('stay the same after writes: amounts, stages, close dates, removals, deletes, a segment change, a bulk insert, a rollback', async () => {
    const ws = w.ws;
    await w.pool.query(`update deals set amount_base = amount_base + 1 where workspace_id = $1 and name like 'G2%'`, [ws]);
    await w.pool.query(`update deals set stage_category = 'won', stage = 'Closed Won', loss_reason_category = null where workspace_id = $1 and name like 'G3%' and stage_category = 'lost'`, [ws]);
    await w.pool.query(`update deals set close_date = close_date + 40 where workspace_id = $1 and name like 'G4%'`, [ws]);
    await w.pool.query(`update deals set created_date = created_date - interval '35 days', amount_base = null where workspace_id = $1 and name like 'G5%'`, [ws]);
    await w.pool.query(`update deals set removed_at = now() where workspace_id = $1 and name like 'G6%'`, [ws]);
    await w.pool.query(`update deals set competitors = array['Heron'] where workspace_id = $1 and name like 'G7%'`, [ws]);
    await w.pool.query(`update deals set owner_user_id = $2 where workspace_id = $1 and name like 'G8%'`, [ws, w.ids.roy]);
    await w.pool.query(`update deals set account_id = $2 where workspace_id = $1 and name like 'G9%'`, [ws, ents[0]]);
    await w.pool.query(`delete from feedback_items where workspace_id = $1`, [ws]);
    await w.pool.query(`delete from deals where workspace_id = $1 and name like 'G1%'`, [ws]);
    await w.pool.query(`update accounts set segment = 'Enterprise' where workspace_id = $1 and id = $2`, [ws, ents[1]]);
    await w.pool.query(`update accounts set segment = null where workspace_id = $1 and id = $2`, [ws, ents[3]]);
    await w.pool.query(
      `insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category, close_date, created_date, competitors)
       select $1, 'bulk', 'b' || g, 'Bulk ' || g, $2, g, 'USD', g, 'Closed Won', 'won', date '2026-03-01' + g % 50, timestamp '2026-01-15 08:00' + g * interval '1 day', '{}'
       from generate_series(1, 80) g`,
      [ws, ents[2]],
    );
    const client = await w.pool.connect();
    try {
      await client.query('begin');
      await client.query(`update deals set amount_base = 1e9 where workspace_id = $1`, [ws]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect(await compareAll()).toBeGreaterThan(150);
  }, 120_000);

  it('the API answers the same with the rollups and with the fold, and a deal write shows in the next read', async () => {
    const read = async () => {
      const out: unknown[] = [];
      for (const q of [
        { metric: 'win-rate', query: { from: '2025-02-01', to: '2026-07-31', groupBy: 'period' } },
        { metric: 'sales-cycle-days', query: { from: '2025-02-01', to: '2026-07-31', groupBy: 'segment' } },
        { metric: 'pipeline-created', query: { from: '2025-02-01', to: '2026-07-31', groupBy: 'owner' } },
        { metric: 'win-rate-vs-competitor', query: { from: '2025-02-01', to: '2026-07-31', groupBy: 'competitor' } },
        { metric: 'average-deal-size', query: { from: '2025-03-17', to: '2026-05-09', groupBy: 'period' } },
      ]) {
        const res = await call(w.h.app, w.clients.admin, 'GET', `/api/v1/workspaces/acme/metrics/${q.metric}`, { query: q.query });
        expect(res.statusCode, res.body).toBe(200);
        out.push(res.json() as MetricResult);
      }
      const wl = await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/win-loss', { query: { from: '2025-02-01', to: '2026-07-31' } });
      expect(wl.statusCode, wl.body).toBe(200);
      out.push(wl.json() as WinLoss);
      return out;
    };
    const withRollups = await read();
    setDealRollups(false);
    const folded = await read();
    setDealRollups(true);
    expect(withRollups).toEqual(folded);
    const before = (await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/metrics/win-rate', { query: { from: '2026-02-01', to: '2026-04-30' } })).json() as MetricResult;
    await w.pool.query(`update deals set stage_category = 'lost', stage = 'Closed Lost' where workspace_id = $1 and id = $2`, [w.ws, w.deals.W1]);
    const after = (await call(w.h.app, w.clients.admin, 'GET', '/api/v1/workspaces/acme/metrics/win-rate', { query: { from: '2026-02-01', to: '2026-04-30' } })).json() as MetricResult;
    expect(after.total.numerator).toBe((before.total.numerator ?? 0) - 1);
    expect(after.total.denominator).toBe(before.total.denominator);
  }, 120_000);
});
