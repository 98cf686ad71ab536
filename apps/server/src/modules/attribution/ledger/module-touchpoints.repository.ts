/**
 * Touchpoints Tandem records itself, read from the Library and Requests tables those modules export for joins:
 * content shared with a prospect or attached to a deal (Library usage, kind content_shared, team marketing: the
 * material is marketing's contribution; the person who shared it is the owner), and PMM deal support delivered on a
 * deal (a delivered or accepted `deal_support` request, one touchpoint per linked deal, at its delivery). Upserted
 * by (source, external id) like any other source; the deals whose touchpoints changed are marked for recompute.
 */
import { sql } from 'drizzle-orm';
import { LIBRARY_SOURCE, REQUESTS_SOURCE } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { assetUsageEvents } from '../../library/tables.ts';
import { requestDeals, requests } from '../../requests/tables.ts';
import { attributionDirtyDeals, touchpoints } from '../tables.ts';

export async function syncModuleTouchpoints(tx: DbOrTx, workspaceId: string): Promise<number> {
  const changed = await tx.execute<{ deal_id: string }>(sql`
    with incoming as (
      select e.workspace_id, ${LIBRARY_SOURCE} as source, e.id::text as external_id, e.deal_id, e.occurred_at,
             'marketing' as team, 'content_shared' as kind, null::text as campaign, e.user_id as owner_user_id,
             e.asset_id, null::uuid as request_id
        from ${assetUsageEvents} e
       where e.workspace_id = ${workspaceId} and e.deal_id is not null and e.kind in ('shared', 'attached')
      union all
      select r.workspace_id, ${REQUESTS_SOURCE}, r.id::text || ':' || rd.deal_id::text, rd.deal_id, r.delivered_at,
             'marketing', 'pmm_deal_support', null, coalesce(r.delivered_by_user_id, r.assignee_user_id), null, r.id
        from ${requests} r
        join ${requestDeals} rd on rd.workspace_id = r.workspace_id and rd.request_id = r.id
       where r.workspace_id = ${workspaceId} and r.type = 'deal_support' and r.status in ('delivered', 'accepted') and r.delivered_at is not null
    ), upserted as (
      insert into ${touchpoints} (workspace_id, source, external_id, deal_id, occurred_at, team, kind, campaign, owner_user_id, asset_id, request_id)
      select * from incoming
      on conflict (workspace_id, source, external_id) do update set
        deal_id = excluded.deal_id, occurred_at = excluded.occurred_at, owner_user_id = excluded.owner_user_id, asset_id = excluded.asset_id, updated_at = now()
      where (${touchpoints.dealId}, ${touchpoints.occurredAt}) is distinct from (excluded.deal_id, excluded.occurred_at)
      returning deal_id
    )
    insert into ${attributionDirtyDeals} (workspace_id, deal_id)
    select distinct ${workspaceId}::uuid, deal_id from upserted
    on conflict do nothing
    returning deal_id`);
  return changed.rows.length;
}
