import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/** A deal as "for this deal" matches it: its stage, its account's segment and region, products, competitors. */
export interface DealFacts {
  id: string;
  name: string;
  stage: string;
  stageCategory: string;
  segment: string | null;
  region: string | null;
  products: string[];
  /** The deal's competitor texts, each with the competitor record it names (by `competitor_key`), if any. */
  competitors: { name: string; competitorId: string | null; competitorName: string | null }[];
}

/** One published asset with the deal's values its tags matched, facet by facet. */
export interface DealAssetRow {
  id: string;
  competitors: string[];
  stages: string[];
  products: string[];
  segments: string[];
  regions: string[];
  reviewBy: string | null;
  updatedAt: string;
}

/** Tag comparison: case, punctuation and spacing do not matter ("Proposal/Price Quote" ~ "proposal price quote"). */
const norm = (col: string) => sql.raw(`btrim(regexp_replace(lower(${col}), '[^[:alnum:]]+', ' ', 'g'))`);

export const forDealRepository = {
  async dealFacts(db: DbOrTx, workspaceId: string, dealId: string): Promise<DealFacts | undefined> {
    const result = await db.execute<{
      id: string;
      name: string;
      stage: string;
      stage_category: string;
      segment: string | null;
      region: string | null;
      products: string[];
      competitors: [string, string | null, string | null][];
    }>(sql`
      select d.id, d.name, d.stage, d.stage_category, acc.segment, acc.region, d.products,
        coalesce((select json_agg(json_build_array(x.name, c.id, c.name) order by x.i)
                    from unnest(d.competitors) with ordinality x(name, i)
                    left join lateral (select c.id, c.name from competitors c
                                        where c.workspace_id = d.workspace_id and competitor_key(x.name) = any(c.match_keys)
                                        order by c.name limit 1) c on true), '[]'::json) as competitors
        from deals d
        left join accounts acc on acc.workspace_id = d.workspace_id and acc.id = d.account_id
       where d.workspace_id = ${workspaceId} and d.id = ${dealId} and d.removed_at is null`);
    const r = result.rows[0];
    if (!r) return undefined;
    return {
      id: r.id,
      name: r.name,
      stage: r.stage,
      stageCategory: r.stage_category,
      segment: r.segment,
      region: r.region,
      products: r.products,
      competitors: r.competitors.map(([name, competitorId, competitorName]) => ({ name, competitorId, competitorName })),
    };
  },

  /**
   * Published assets sharing at least one facet with the deal, with the tag values that matched. A stage tag
   * matches the deal's stage name, the start of it ("Proposal" for "Proposal/Price Quote") or its category
   * ("won", "lost", "open").
   */
  async matchingAssets(db: DbOrTx, workspaceId: string, deal: DealFacts): Promise<DealAssetRow[]> {
    const competitorIds = deal.competitors.map((c) => c.competitorId).filter((x): x is string => !!x);
    const lowerList = (xs: (string | null)[]) => sql.param(xs.filter((x): x is string => !!x).map((x) => x.toLowerCase()));
    const result = await db.execute<{
      id: string;
      competitors: string[];
      stages: string[];
      products: string[];
      segments: string[];
      regions: string[];
      review_by: string | null;
      updated_at: string;
    }>(sql`
      with d as (select ${deal.stage}::text as stage, ${deal.stageCategory}::text as category),
      m as (
        select a.id, a.review_by::text as review_by, a.updated_at,
          array(select c.name from competitors c
                 where c.workspace_id = a.workspace_id and c.id = any(a.competitor_ids) and c.id = any(${sql.param(competitorIds)}::uuid[])
                 order by c.name) as competitors,
          array(select s from unnest(a.stages) s, d
                 where ${norm('s')} <> '' and (${norm('d.stage')} = ${norm('s')} or ${norm('d.stage')} like ${norm('s')} || ' %'
                                               or lower(s) = d.category)) as stages,
          array(select p from unnest(a.products) p where lower(p) = any(${lowerList(deal.products)}::text[])) as products,
          array(select s from unnest(a.segments) s where lower(s) = any(${lowerList([deal.segment])}::text[])) as segments,
          array(select r from unnest(a.regions) r where lower(r) = any(${lowerList([deal.region])}::text[])) as regions
        from assets a
        where a.workspace_id = ${workspaceId} and a.status = 'published'
      )
      select * from m
       where cardinality(competitors) + cardinality(stages) + cardinality(products) + cardinality(segments) + cardinality(regions) > 0`);
    return result.rows.map((r) => ({
      id: r.id,
      competitors: r.competitors,
      stages: r.stages,
      products: r.products,
      segments: r.segments,
      regions: r.regions,
      reviewBy: r.review_by,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  },
};
