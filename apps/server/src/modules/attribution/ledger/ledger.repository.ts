/**
 * The ledger's database side: deals and touchpoints streamed out with COPY … TO (sorted by deal, so the two streams
 * merge in one pass and memory holds one deal at a time), credits streamed back in with COPY … FROM. Runs as the
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
  dealId: string;
  id: number;
  occurredAt: number;
  team: 'marketing' | 'sales' | 'partner';
}

/** `only`: a SQL condition on `d.id` / `t.deal_id` restricting the deals (the changed ones). */
function dealsQuery(workspaceId: string, only: string | null): string {
  const w = ws(workspaceId);
  return `select d.id, case when d.stage_category = 'won' then 'won' else 'open' end, round(d.amount * 100)::bigint,
      coalesce(d.currency, wk.base_currency), d.close_date,
      (extract(epoch from d.created_date at time zone 'UTC') * 1000)::bigint,
      (extract(epoch from h.first_at) * 1000)::bigint, (extract(epoch from h.second_at) * 1000)::bigint,
      (extract(epoch from h.won_at) * 1000)::bigint
    from deals d
    join workspaces wk on wk.id = d.workspace_id
    left join (
      select deal_id, min(changed_at) as first_at, (array_agg(changed_at order by changed_at))[2] as second_at,
             min(changed_at) filter (where stage_category = 'won') as won_at
        from deal_stage_history where workspace_id = ${w} ${only ? `and ${only.replace(/\bX\b/g, 'deal_id')}` : ''} group by deal_id
    ) h on h.deal_id = d.id
    where d.workspace_id = ${w} and d.removed_at is null and d.stage_category in ('won', 'open') and d.amount is not null and d.amount >= 0
      ${only ? `and ${only.replace(/\bX\b/g, 'd.id')}` : ''}
    order by d.id`;
}

function touchesQuery(workspaceId: string, only: string | null): string {
  return `select t.deal_id, t.id, (extract(epoch from t.occurred_at) * 1000)::bigint, t.team
    from touchpoints t where t.workspace_id = ${ws(workspaceId)} ${only ? `and ${only.replace(/\bX\b/g, 't.deal_id')}` : ''}
    order by t.deal_id, t.occurred_at, t.id`;
}

/** The rows of `copy (query) to stdout`, split into fields (text format; these columns hold no escapes). */
async function* copyRows(client: pg.PoolClient, query: string): AsyncGenerator<string[]> {
  const stream = client.query(copyTo(`copy (${query}) to stdout`));
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + chunk.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const line of lines) yield line.split('\t');
  }
  if (rest) yield rest.split('\t');
}

const num = (v: string) => (v === '\\N' ? null : Number(v));

export async function* streamDeals(client: pg.PoolClient, workspaceId: string, only: string | null = null): AsyncGenerator<LedgerDeal> {
  for await (const f of copyRows(client, dealsQuery(workspaceId, only))) {
    yield {
      id: f[0]!,
      status: f[1] as 'won' | 'open',
      amountCents: BigInt(f[2]!),
      currency: f[3]!,
      closeDate: f[4] === '\\N' ? null : f[4]!,
      createdDate: num(f[5]!),
      firstStageAt: num(f[6]!),
      secondStageAt: num(f[7]!),
      wonAt: num(f[8]!),
    };
  }
}

export async function* streamTouches(client: pg.PoolClient, workspaceId: string, only: string | null = null): AsyncGenerator<LedgerTouch> {
  for await (const f of copyRows(client, touchesQuery(workspaceId, only))) {
    yield { dealId: f[0]!, id: Number(f[1]), occurredAt: Number(f[2]), team: f[3] as LedgerTouch['team'] };
  }
}

export const LEDGER_COLUMNS = 'workspace_id, deal_id, status, amount_cents, currency, period_date, touchpoint_ids, credits, team_credits, computed_at';

/** COPYs ledger lines (without newline) into attribution_ledger, in ~256 KB chunks as the database takes them. */
export async function copyLedger(client: pg.PoolClient, lines: AsyncIterable<string>, table = 'attribution_ledger'): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${LEDGER_COLUMNS}) from stdin`));
  async function* chunks() {
    let buf = '';
    for await (const line of lines) {
      buf += line + '\n';
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
