import { sql, type SQL } from 'drizzle-orm';
import type { AssetStatus, AssetType, SearchFacet } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * Library search in one statement: the candidates (full-text match with the weighted `search_vector`, or a title
 * whose trigrams come close to the query — both answered from GIN indexes), each scored, then from that one set
 * the page, the total and the facet counts (each facet counted under every filter but its own).
 */

/** How close a title's best-matching stretch must come to the query, by trigrams ("pricng" vs "pricing": 0.57). */
export const TITLE_SIMILARITY_MIN = 0.5;
/** ts_rank_cd weights, {D, C, B, A}: body (C) 0.2, tags (B) 0.4, title (A) 1. */
const WEIGHTS = '{0.1,0.2,0.4,1.0}';
/**
 * The score's parts. Every query word found in the title, or in the tags, is a step (so however often the body
 * repeats a word, a title or tag match stays ahead); the rank orders within a step; the title's trigram closeness
 * carries misspellings and prefixes, and its whole-title similarity prefers the title that is closest overall.
 */
const SCORE = { allInTitle: 0.6, allInTags: 0.3, rank: 0.3, titleWords: 0.5, wholeTitle: 0.1 } as const;
/** A constant of ours written into the statement (a parameter would take the type of its first use). */
const n = (x: number) => sql.raw(x.toFixed(3));

export const TAG_COLUMNS = {
  products: sql.raw('a.products'),
  segments: sql.raw('a.segments'),
  personas: sql.raw('a.personas'),
  stages: sql.raw('a.stages'),
  regions: sql.raw('a.regions'),
} as const;
export type TextTagFacet = keyof typeof TAG_COLUMNS;
const TEXT_FACETS = Object.keys(TAG_COLUMNS) as TextTagFacet[];

export interface SearchFilter {
  statuses: AssetStatus[];
  types?: AssetType[];
  tags: Partial<Record<TextTagFacet, string[]>>;
  competitorIds?: string[];
  ownerUserId?: string;
  overdue?: boolean;
  /** YYYY-MM-DD: review dates before it are overdue. */
  today: string;
}

export interface SearchText {
  tsquery: string | null;
  trigram: string;
}

export type SearchCursor = { sort: 'relevance'; score: string; id: string } | { sort: 'updated'; updatedAt: string; id: string };

export interface SearchPageRow {
  id: string;
  /** Exact text of the rounded score, as the cursor carries it. */
  score: string | null;
  updatedAt: string;
}

export interface SearchAnswer {
  rows: SearchPageRow[];
  total: number;
  facets: { facet: SearchFacet; value: string; label: string; count: number }[] | null;
}

/** Per-facet filter, as a boolean column of the candidate set (true when the facet is not filtered). */
function facetFlags(f: SearchFilter): Record<SearchFacet, SQL> {
  const flags = {
    type: f.types?.length ? sql`a.type = any(${sql.param(f.types)}::text[])` : sql`true`,
    competitors: f.competitorIds?.length ? sql`a.competitor_ids && ${sql.param(f.competitorIds)}::uuid[]` : sql`true`,
  } as Record<SearchFacet, SQL>;
  for (const k of TEXT_FACETS) {
    const values = f.tags[k];
    flags[k] = values?.length ? sql`${TAG_COLUMNS[k]} && ${sql.param(values)}::text[]` : sql`true`;
  }
  return flags;
}

const FLAG = (facet: SearchFacet) => sql.raw(`m_${facet}`);
const FACETS: SearchFacet[] = ['type', 'products', 'segments', 'personas', 'competitors', 'stages', 'regions'];
/** Values per facet in the answer (the most frequent). */
const FACET_VALUES = 50;

function othersMatch(facet: SearchFacet): SQL {
  return sql.join(
    FACETS.filter((x) => x !== facet).map((x) => FLAG(x)),
    sql` and `,
  );
}

function facetCounts(): SQL {
  const parts = FACETS.map((facet) => {
    const value = facet === 'type' ? sql.raw('b.type') : facet === 'competitors' ? sql.raw('v::text') : sql.raw('v');
    const from =
      facet === 'type'
        ? sql`base b`
        : facet === 'competitors'
          ? sql`base b cross join unnest(b.competitor_ids) v`
          : sql`base b cross join unnest(b.${sql.raw(facet)}) v`;
    return sql`(select ${facet}::text as facet, ${value} as value, count(*)::int as n from ${from} where ${othersMatch(facet)} group by 2 order by 3 desc, 2 limit ${FACET_VALUES})`;
  });
  return sql`(select coalesce(json_agg(json_build_array(f.facet, f.value, f.n, c.name)), '[]'::json)
    from (${sql.join(parts, sql` union all `)}) f
    left join competitors c on f.facet = 'competitors' and c.workspace_id = ${sql.raw('ws.id')} and c.id::text = f.value)`;
}

export const searchRepository = {
  /**
   * Sets, for the transaction, how close a title must come by trigrams to be a candidate: the GIN index
   * answers `%>` with this threshold (pg_trgm reads it as a setting, so it cannot be a parameter).
   */
  async useTitleThreshold(db: DbOrTx) {
    await db.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_SIMILARITY_MIN)}, true)`);
  },

  async search(
    db: DbOrTx,
    workspaceId: string,
    text: SearchText | null,
    f: SearchFilter,
    page: { sort: 'relevance' | 'updated'; limit: number; after?: SearchCursor; facets: boolean },
  ): Promise<SearchAnswer> {
    const flags = facetFlags(f);
    const where: SQL[] = [sql`a.workspace_id = ${workspaceId}`, sql`a.status = any(${sql.param(f.statuses)}::text[])`];
    if (f.ownerUserId) where.push(sql`a.owner_user_id = ${f.ownerUserId}`);
    if (f.overdue) where.push(sql`a.status = 'published' and a.review_by < ${f.today}::date`);
    let score = sql`null::numeric`;
    if (text) {
      const ts = text.tsquery ? sql`to_tsquery('english', ${text.tsquery})` : sql`null::tsquery`;
      const trigram = text.trigram;
      where.push(
        text.tsquery
          ? sql`(a.search_vector @@ ${ts} or lower(a.title) %> ${trigram})`
          : sql`lower(a.title) %> ${trigram}`,
      );
      const fts = text.tsquery
        ? sql`${n(SCORE.allInTitle)} * (ts_filter(a.search_vector, '{a}') @@ ${ts})::int + ${n(SCORE.allInTags)} * (ts_filter(a.search_vector, '{b}') @@ ${ts})::int
              + ${n(SCORE.rank)} * ts_rank_cd(${WEIGHTS}::float4[], a.search_vector, ${ts}, 32)`
        : sql`0`;
      score = sql`round((coalesce(${fts}, 0) + ${n(SCORE.titleWords)} * word_similarity(${trigram}, lower(a.title))
                         + ${n(SCORE.wholeTitle)} * similarity(${trigram}, lower(a.title)))::numeric, 6)`;
    }
    const hitsWhere = sql.join(
      FACETS.map((x) => FLAG(x)),
      sql` and `,
    );
    const order =
      page.sort === 'relevance' ? sql`h.score desc, h.id desc` : sql`h.updated_at desc, h.id desc`;
    let after = sql`true`;
    if (page.after?.sort === 'relevance') after = sql`(h.score, h.id) < (${page.after.score}::numeric, ${page.after.id}::uuid)`;
    else if (page.after?.sort === 'updated') after = sql`(h.updated_at, h.id) < (${page.after.updatedAt}::timestamptz, ${page.after.id}::uuid)`;

    const result = await db.execute<{ total: number; page: [string, string | null, string][]; facets: [SearchFacet, string, number, string | null][] | null }>(sql`
      with ws as (select ${workspaceId}::uuid as id),
      base as materialized (
        select a.id, a.updated_at, a.type, a.products, a.segments, a.personas, a.stages, a.regions, a.competitor_ids,
          ${score} as score,
          ${sql.join(
            FACETS.map((x) => sql`${flags[x]} as ${FLAG(x)}`),
            sql`, `,
          )}
        from assets a
        where ${sql.join(where, sql` and `)}
      ),
      hits as (select * from base where ${hitsWhere})
      select
        (select count(*)::int from hits) as total,
        (select coalesce(json_agg(json_build_array(p.id, p.score::text, p.updated_at) order by p.ord), '[]'::json)
           from (select h.id, h.score, h.updated_at, row_number() over (order by ${order}) as ord
                   from hits h where ${after} order by ${order} limit ${page.limit + 1}) p) as page,
        ${page.facets ? facetCounts() : sql`null::json`} as facets
      from ws`);
    const row = result.rows[0]!;
    return {
      rows: row.page.map(([id, s, updatedAt]) => ({ id, score: s, updatedAt: new Date(updatedAt).toISOString() })),
      total: row.total,
      facets: row.facets?.map(([facet, value, count, name]) => ({ facet, value, count, label: facet === 'competitors' ? (name ?? value) : value })) ?? null,
    };
  },

  /** The body each reader sees: the current version's for readers of published material, else the working copy. */
  async bodies(db: DbOrTx, workspaceId: string, ids: string[], publishedView: boolean): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const result = await db.execute<{ id: string; body: string }>(sql`
      select a.id, ${publishedView ? sql`coalesce(v.body, a.body)` : sql`a.body`} as body
        from assets a
        left join asset_versions v on v.workspace_id = a.workspace_id and v.asset_id = a.id and v.number = a.current_version
       where a.workspace_id = ${workspaceId} and a.id = any(${sql.param(ids)}::uuid[])`);
    return new Map(result.rows.map((r) => [r.id, r.body]));
  },
};
