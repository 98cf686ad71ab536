/**
 * The credit ledger: a full recompute streams every attributable deal (won: revenue; open: pipeline) with its
 * touchpoints aggregated beside it out of PostgreSQL, runs every model over each batch of deals COPY hands over and
 * streams the rows back with COPY, so memory stays flat at any size; the incremental recompute does the same for the deals marked changed
 * (a touchpoint upserted or moved, a dispute resolved, Library or Requests activity), in chunks.
 */
import type pg from 'pg';
import type { Deps } from '../../../lib/deps.ts';
import { dealCredits } from '../deal-credit.ts';
import { syncModuleTouchpoints } from './module-touchpoints.repository.ts';
import { FULL_SCAN_SETTINGS, copyLedger, ledgerSql, streamDeals, workspaceLiteral, type LedgerDeal, type LedgerInput, type LedgerTouch } from './ledger.repository.ts';

export interface RecomputeResult {
  mode: 'full' | 'changed';
  deals: number;
  touchpoints: number;
  ms: number;
}

const CHUNK = 5_000;

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

/** Ledger lines for a batch of deals, counted; the models run synchronously over the whole batch. */
function encodeBatch(workspace: string, batch: readonly LedgerInput[], halfLife: number, now: number, stamp: string, count: { deals: number; touchpoints: number }): string {
  let out = '';
  for (const { deal, touches } of batch) {
    count.deals += 1;
    count.touchpoints += touches.length;
    out += encode(workspace, deal, touches, halfLife, now, stamp) + '\n';
  }
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
      const reader = await pool.connect();
      try {
        // The reader's own transaction, so its settings (sequential scans, a larger hash area) end with it.
        await reader.query('begin');
        for (const setting of FULL_SCAN_SETTINGS) await reader.query(setting);
        await inTransaction(async (client) => {
          const halfLife = await halfLifeOf(client, workspaceId);
          await client.query(ledgerSql.clearDirty(workspaceId));
          await client.query(ledgerSql.deleteWorkspace(workspaceId));
          async function* chunks() {
            for await (const batch of streamDeals(reader, workspaceId)) yield encodeBatch(workspaceId, batch, halfLife, now, stamp, count);
          }
          await copyLedger(client, chunks());
          await client.query(ledgerSql.stampFull(workspaceId));
        });
      } finally {
        await reader.query('rollback').catch(() => undefined);
        reader.release();
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
          // One connection reads then writes: the chunk's lines are held (5,000 deals) between the two COPYs.
          const text: string[] = [];
          for await (const batch of streamDeals(client, workspaceId, only)) text.push(encodeBatch(workspaceId, batch, halfLife, now, stamp, count));
          await copyLedger(client, (async function* () {
            yield* text;
          })());
        }
      });
      return { mode: 'changed', ...count, ms: Date.now() - started };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
