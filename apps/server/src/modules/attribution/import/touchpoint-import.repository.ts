import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { deals } from '../../deals/tables.ts';

export interface DealMatch {
  id: string;
  name: string;
  externalId: string;
  closeDate: string | null;
}

/** The lookups a touchpoint import needs beyond the module's repository: deals by Tandem id, CRM id or name. */
export const touchpointImportRepository = {
  /** Live deals of the workspace named by Tandem id, by CRM id (any source) or by name (any case), in one query. */
  async dealsByRefs(db: DbOrTx, workspaceId: string, refs: { ids: string[]; externalIds: string[]; lowerNames: string[] }): Promise<DealMatch[]> {
    if (!refs.ids.length && !refs.externalIds.length && !refs.lowerNames.length) return [];
    const anyOf = (values: string[]) => sql`any(${`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`;
    return db
      .select({ id: deals.id, name: deals.name, externalId: deals.externalId, closeDate: deals.closeDate })
      .from(deals)
      .where(
        and(
          eq(deals.workspaceId, workspaceId),
          isNull(deals.removedAt),
          or(sql`${deals.id}::text = ${anyOf(refs.ids)}`, sql`${deals.externalId} = ${anyOf(refs.externalIds)}`, sql`lower(${deals.name}) = ${anyOf(refs.lowerNames)}`),
        ),
      );
  },
};
