/**
 * The credit ledger: a full recompute streams every attributable deal (won: revenue; open: pipeline) and its
 * touchpoints out of PostgreSQL in deal order, runs every model on one deal at a time and streams the rows back with
 * COPY, so memory stays flat at any size; the incremental recompute does the same for the deals marked changed
 * (a touchpoint upserted or moved, a dispute resolved, Library or Requests activity), in chunks.
 */
import type pg from 'pg';
import type { Deps } from '../../../lib/deps.ts';
import { dealCredits } from '../deal-credit.ts';
import { syncModuleTouchpoints } from './module-touchpoints.repository.ts';
import { copyLedger, ledgerSql, streamDeals, streamTouches, workspaceLiteral, type LedgerDeal, type LedgerTouch } from './ledger.repository.ts';

export interface RecomputeResult {
  mode: 'full' | 'changed';
  deals: number;
  touchpoints: number;
  ms: number;
}

const CHUNK = 5_000;
const SORT_MEMORY = '128MB';

/** One ledger line in COPY text format (every field free of tabs, newlines and backslashes). */
function encode(workspace: string, deal: LedgerDeal, touches: readonly LedgerTouch[], halfLife: number, now: number, stamp: string): string {
  const { counted, credits, teamCredits } = dealCredits(deal, touches, halfLife, now);
  const period = deal.status === 'won' ? (deal.closeDate ?? (deal.wonAt === null ? null : new Date(deal.wonAt).toISOString().slice(0, 10))) : deal.closeDate;
  return [
    workspace,
    deal.id,
    deal.status,
    deal.amountCents.toString(),
    deal.currency,
    period ?? '\\N',
    `{${counted.map((t) => t.id).join(',')}}`,
    `{${credits.map((row) => row.join(',')).join(',')}}`,
    `{${teamCredits.map((row) => row.join(',')).join(',')}}`,
    stamp,
  ].join('\t');
}

/** Deals merged with their touchpoints (both streams in deal-id order; uuid order is the order of their hex text). */
async function* merged(deals: AsyncIterable<LedgerDeal>, touches: AsyncIterable<LedgerTouch>, count: { deals: number; touchpoints: number }) {
  const it = touches[Symbol.asyncIterator]();
  let next = await it.next();
  for await (const deal of deals) {
    while (!next.done && next.value.dealId < deal.id) next = await it.next();
    const mine: LedgerTouch[] = [];
    while (!next.done && next.value.dealId === deal.id) {
      mine.push(next.value);
      next = await it.next();
    }
    count.deals += 1;
    count.touchpoints += mine.length;
    yield { deal, touches: mine };
  }
  while (!next.done) next = await it.next(); // drain: touchpoints of deals not attributed (lost, removed)
}

async function* fromArray<T>(rows: readonly T[]): AsyncGenerator<T> {
  yield* rows;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

export function createLedgerService(deps: Deps, options: { now?: () => Date } = {}) {
  const pool = deps.database.pool;
  const clock = options.now ?? (() => new Date());

  async function halfLifeOf(client: pg.PoolClient, workspaceId: string): Promise<number> {
    return (await client.query<{ h: number }>(ledgerSql.halfLife(workspaceId))).rows[0]!.h;
  }

  async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const out = await fn(client);
      await client.query('commit');
      return out;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  return {
    /** Every deal of the workspace: the ledger replaced in one transaction (readers see the old one until commit). */
    async recomputeFull(workspaceId: string): Promise<RecomputeResult> {
      const started = Date.now();
      workspaceLiteral(workspaceId);
      await deps.database.withSystem((tx) => syncModuleTouchpoints(tx, workspaceId));
      const now = clock().getTime();
      const stamp = new Date(now).toISOString();
      const count = { deals: 0, touchpoints: 0 };
      const [dealsClient, touchClient] = [await pool.connect(), await pool.connect()];
      // The touchpoints are sorted by deal for the merge: a larger sort area keeps that sort in memory longer.
      await touchClient.query(`set work_mem = '${SORT_MEMORY}'`);
      try {
        await inTransaction(async (client) => {
          const halfLife = await halfLifeOf(client, workspaceId);
          await client.query(ledgerSql.clearDirty(workspaceId));
          await client.query(ledgerSql.deleteWorkspace(workspaceId));
          async function* lines() {
            for await (const { deal, touches } of merged(streamDeals(dealsClient, workspaceId), streamTouches(touchClient, workspaceId), count)) {
              yield encode(workspaceId, deal, touches, halfLife, now, stamp);
            }
          }
          await copyLedger(client, lines());
          await client.query(ledgerSql.stampFull(workspaceId));
        });
      } finally {
        await touchClient.query('reset work_mem').catch(() => undefined);
        dealsClient.release();
        touchClient.release();
      }
      return { mode: 'full', ...count, ms: Date.now() - started };
    },

    /** The deals marked changed since the last run, in chunks of 5,000; their old rows replaced. */
    async recomputeChanged(workspaceId: string): Promise<RecomputeResult> {
      const started = Date.now();
      workspaceLiteral(workspaceId);
      await deps.database.withSystem((tx) => syncModuleTouchpoints(tx, workspaceId));
      const now = clock().getTime();
      const stamp = new Date(now).toISOString();
      const count = { deals: 0, touchpoints: 0 };
      await inTransaction(async (client) => {
        const halfLife = await halfLifeOf(client, workspaceId);
        const ids = (await client.query<{ deal_id: string }>(ledgerSql.claimDirty(workspaceId))).rows.map((r) => r.deal_id).sort();
        for (let i = 0; i < ids.length; i += CHUNK) {
          const chunk = ids.slice(i, i + CHUNK);
          const only = ledgerSql.only(chunk);
          await client.query(ledgerSql.deleteDeals(workspaceId, chunk));
          const deals = await collect(streamDeals(client, workspaceId, only));
          const touches = await collect(streamTouches(client, workspaceId, only));
          const lines: string[] = [];
          for await (const { deal, touches: mine } of merged(fromArray(deals), fromArray(touches), count)) {
            lines.push(encode(workspaceId, deal, mine, halfLife, now, stamp));
          }
          await copyLedger(client, fromArray(lines));
        }
      });
      return { mode: 'changed', ...count, ms: Date.now() - started };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
