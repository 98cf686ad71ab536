/**
 * The ledger's database side: deals streamed out with COPY … TO, each with its touchpoints aggregated beside it
 * (memory holds one chunk of deals at a time), credits streamed back in with COPY … FROM. Runs as the
 * owner on its own connections (COPY FROM is refused under row-level security): every statement names the workspace.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function ws(workspaceId: string): string {
  if (!UUID.test(workspaceId)) throw new Error(`not a workspace id: ${workspaceId}`);
  return `'${workspaceId}'::uuid`;
}

export interface LedgerDeal {
  id: string;
  status: 'won' | 'open';
  amountCents: bigint;
  currency: string;
  closeDate: string | null;
  createdDate: number | null;
  firstStageAt: number | null;
  secondStageAt: number | null;
  wonAt: number | null;
}

export interface LedgerTouch {
  id: number;
  occurredAt: number;
  team: 'marketing' | 'sales' | 'partner';
}

/**
 * One line per attributable deal with its touchpoints aggregated beside it ("id ms team,…", in no order: the caller
 * sorts each deal's few), so nothing is sorted across the workspace and nothing has to be merged. `only`: a SQL
 * condition on X restricting the deals (the changed ones).
 */
function dealsQuery(workspaceId: string, only: string | null): string {
  const w = ws(workspaceId);
  const on = (col: string) => (only ? `and ${only.replace(/\bX\b/g, col)}` : '');
  return `select d.id, case when d.stage_category = 'won' then 'won' else 'open' end, round(d.amount * 100)::bigint,
      coalesce(d.currency, wk.base_currency), d.close_date,
      (extract(epoch from d.created_date at time zone 'UTC') * 1000)::bigint,
      (extract(epoch from h.first_at) * 1000)::bigint, (extract(epoch from h.second_at) * 1000)::bigint,
      (extract(epoch from h.won_at) * 1000)::bigint, tp.touches
    from deals d
    join workspaces wk on wk.id = d.workspace_id
    left join (
      select deal_id, min(changed_at) as first_at, (array_agg(changed_at order by changed_at))[2] as second_at,
             min(changed_at) filter (where stage_category = 'won') as won_at
        from deal_stage_history where workspace_id = ${w} ${on('deal_id')} group by deal_id
    ) h on h.deal_id = d.id
    left join (
      select deal_id, string_agg(id::text || ' ' || (extract(epoch from occurred_at) * 1000)::bigint::text || ' ' || team::text, ',') as touches
        from touchpoints where workspace_id = ${w} ${on('deal_id')} group by deal_id
    ) tp on tp.deal_id = d.id
    where d.workspace_id = ${w} and d.removed_at is null and d.stage_category in ('won', 'open') and d.amount is not null and d.amount >= 0
      ${on('d.id')}`;
}

/**
 * A whole workspace is read by sequential scans and hash aggregates: the planner otherwise walks the touchpoints
 * through their deal index, one random heap read per touchpoint (measured at 100,000 deals: 12-15 s against 5 s).
 */
export const FULL_SCAN_SETTINGS = ['set local enable_indexscan = off', 'set local enable_bitmapscan = off', "set local work_mem = '128MB'"];

/** The lines of `copy (query) to stdout`, a batch per chunk received (text format; these columns hold no escapes). */
async function* copyLines(client: pg.PoolClient, query: string): AsyncGenerator<string[]> {
  const stream = client.query(copyTo(`copy (${query}) to stdout`));
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop()!;
    yield lines;
  }
  if (rest) yield [rest];
}

const num = (v: string) => (v === '\\N' ? null : Number(v));
const byTime = (a: LedgerTouch, b: LedgerTouch) => a.occurredAt - b.occurredAt || a.id - b.id;

function parseTouches(field: string): LedgerTouch[] {
  if (field === '\\N') return [];
  const out: LedgerTouch[] = [];
  for (const item of field.split(',')) {
    const [id, at, team] = item.split(' ');
    out.push({ id: Number(id), occurredAt: Number(at), team: team as LedgerTouch['team'] });
  }
  return out.sort(byTime);
}

export interface LedgerInput {
  deal: LedgerDeal;
  /** Sorted by (occurredAt, id), as the models want them. */
  touches: LedgerTouch[];
}

/** Attributable deals with their touchpoints, in batches (one per chunk COPY hands over). */
export async function* streamDeals(client: pg.PoolClient, workspaceId: string, only: string | null = null): AsyncGenerator<LedgerInput[]> {
  for await (const lines of copyLines(client, dealsQuery(workspaceId, only))) {
    yield lines.map((line) => {
      const f = line.split('\t');
      return {
        deal: {
          id: f[0]!,
          status: f[1] as 'won' | 'open',
          amountCents: BigInt(f[2]!),
          currency: f[3]!,
          closeDate: f[4] === '\\N' ? null : f[4]!,
          createdDate: num(f[5]!),
          firstStageAt: num(f[6]!),
          secondStageAt: num(f[7]!),
          wonAt: num(f[8]!),
        },
        touches: parseTouches(f[9]!),
      };
    });
  }
}

export const LEDGER_COLUMNS = 'workspace_id, deal_id, status, amount_cents, currency, period_date, touchpoint_ids, credits, team_credits, computed_at';

/** COPYs text of whole ledger lines (each ending in a newline) into attribution_ledger, in ~256 KB chunks as the database takes them. */
export async function copyLedger(client: pg.PoolClient, text: AsyncIterable<string>, table = 'attribution_ledger'): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${LEDGER_COLUMNS}) from stdin`));
  async function* chunks() {
    let buf = '';
    for await (const part of text) {
      buf += part;
      if (buf.length >= 262_144) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(chunks()), stream);
}

/** `X = any(ids)`: X is replaced by the column; the ids are checked to be uuids before they are inlined. */
function onlyIds(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a deal id: ${id}`);
  return `X = any('{${ids.join(',')}}'::uuid[])`;
}

export const ledgerSql = {
  deleteWorkspace: (workspaceId: string) => `delete from attribution_ledger where workspace_id = ${ws(workspaceId)}`,
  /** Claims the changed deals (in the caller's transaction: a failed recompute leaves them marked). */
  claimDirty: (workspaceId: string) => `delete from attribution_dirty_deals where workspace_id = ${ws(workspaceId)} returning deal_id`,
  /** A restriction to these deal ids (checked uuids), for the streams and the delete of their old rows. */
  only: onlyIds,
  deleteDeals: (workspaceId: string, ids: readonly string[]) =>
    `delete from attribution_ledger where workspace_id = ${ws(workspaceId)} and ${onlyIds(ids).replace(/\bX\b/g, 'deal_id')}`,
  clearDirty: (workspaceId: string) => `delete from attribution_dirty_deals where workspace_id = ${ws(workspaceId)}`,
  halfLife: (workspaceId: string) => `select coalesce((select half_life_days from attribution_settings where workspace_id = ${ws(workspaceId)}), 7) as h`,
  touchpointCount: (workspaceId: string) => `select count(*)::int as n from touchpoints where workspace_id = ${ws(workspaceId)}`,
  stampFull: (workspaceId: string) =>
    `insert into attribution_settings (workspace_id, last_full_recompute_at) values (${ws(workspaceId)}, now())
     on conflict (workspace_id) do update set last_full_recompute_at = now()`,
};

export { ws as workspaceLiteral };
