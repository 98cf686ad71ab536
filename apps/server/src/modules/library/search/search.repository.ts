import { sql, type SQL } from 'drizzle-orm';
import type { AssetStatus, AssetType, SearchFacet } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * Library search. With words, one statement: the candidates (full-text match with the weighted `search_vector`, or
 * a title whose trigrams come close to the query — both answered from GIN indexes, with the columns search needs, by
 * `library_search_candidates`), each given its cheap score (the title and tag steps, from small vectors, and the
 * title's length), the best `HEAD` of them ranked in full (body rank and title trigram closeness, which read the
 * body-sized vector and cost microseconds a row), then from that one set the page, the total and the facet counts
 * (each facet counted under every filter but its own). Without words,
 * the page comes from the (workspace, status, updated_at) index and the counts from `counts`, which the service
 * keeps between changes (they read every asset of the workspace).
 */

/** How close a title's best-matching stretch must come to each query word, by trigrams ("pricng" vs "pricing": 0.57). */
export const TITLE_SIMILARITY_MIN = 0.5;
/** Titles are tried by trigrams when fewer word matches than this were found (a misspelling, most likely). */
export const TYPO_BELOW = 20;
/** ts_rank_cd weights, {D, C, B, A}: body (C) 0.2, tags (B) 0.4, title (A) 1. */
const WEIGHTS = '{0.1,0.2,0.4,1.0}';
/**
 * The score's parts. Every query word found in the title, or in the tags, is a step (so however often the body
 * repeats a word, a title or tag match stays ahead); the rank orders within a step; the title's trigram closeness,
 * word by word (strict: "pricng" is closer to "pricing" than to "price in"), carries misspellings; at equal score the shorter title (the closer one: "Pricing sheet" before
 * "Pricing FAQ (draft)") comes first.
 */
const SCORE = { allInTitle: 0.6, allInTags: 0.3, rank: 0.3, titleWords: 0.5, titleLength: 0.0001 } as const;
/**
 * How many candidates, best cheap score first, get the full score (cheap + title closeness + body rank). The full
 * score is never below the cheap one, so these stay ahead of the rest and one key (score, id) orders all: a cursor
 * walks the ranked head, then the others by cheap score, each once. 23,000 candidates fully scored took 500 ms.
 */
export const HEAD = 300;
/** A constant of ours written into the statement (a parameter would take the type of its first use). */
const n = (x: number) => sql.raw(String(x));

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

export interface FacetCount {
  facet: SearchFacet;
  value: string;
  count: number;
}

export interface SearchAnswer {
  rows: SearchPageRow[];
  /** Null when not asked for. */
  total: number | null;
  facets: FacetCount[] | null;
  /**
   * With the total: how many assets the words match under every filter but the facets' (the trigram candidates are
   * tried below TYPO_BELOW of them; `headPage` answers only at or above it).
   */
  matched?: number | null;
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

const FACETS: SearchFacet[] = ['type', 'products', 'segments', 'personas', 'competitors', 'stages', 'regions'];
/** Values per facet in the answer (the most frequent). */
const FACET_VALUES = 50;

/**
 * Every facet's counts in one pass over the candidates. A candidate counts for a facet when it passes every other
 * facet's filter: so one that passes them all counts for every facet, one that fails exactly one filter counts for that
 * facet only, and one that fails two or more for none. Each candidate gives one row per value (its type
 * and tag arrays unnested side by side in the select list, one ProjectSet, the shorter padded with nulls), its facet's value blanked where it does not count, and
 * one grouped pass with a grouping set per facet counts them (seven grouped passes over the candidates, one per facet,
 * cost four times as much over 23,000 candidates); the most frequent values per facet are kept.
 */
function facetCounts(): SQL {
  const counts = (facet: SearchFacet) => sql.raw(`(b.fails = 0 or not b.m_${facet})`);
  const column = (facet: SearchFacet) =>
    facet === 'type' ? sql`array[case when ${counts(facet)} then b.type end]` : sql`case when ${counts(facet)} then b.${sql.raw(facet === 'competitors' ? 'competitor_ids::text[]' : facet)} end`;
  const facetName = sql.join(
    FACETS.map((x) => sql`when grouping(${sql.raw(`u.v_${x}`)}) = 0 then ${x}`),
    sql` `,
  );
  return sql`(select coalesce(json_agg(json_build_array(f.facet, f.value, f.n)), '[]'::json)
    from (select x.facet, x.value, x.n, row_number() over (partition by x.facet order by x.n desc, x.value) as rank
            from (select case ${facetName} end as facet, coalesce(${sql.join(
              FACETS.map((x) => sql.raw(`u.v_${x}`)),
              sql`, `,
            )}) as value, count(*)::int as n
                    from (select ${sql.join(
                      FACETS.map((x) => sql`unnest(${column(x)}) as ${sql.raw(`v_${x}`)}`),
                      sql`, `,
                    )} from cands b where b.fails <= 1) u
                   group by grouping sets (${sql.join(
                     FACETS.map((x) => sql.raw(`(u.v_${x})`)),
                     sql`, `,
                   )})) x
           where x.value is not null) f
    where f.rank <= ${FACET_VALUES})`;
}

/** What every candidate passes (all filters but the facets'), as conditions on `a` (an asset or a candidate row). */
function candidates(workspaceId: string | null, f: SearchFilter, statuses = f.statuses) {
  const where: SQL[] = [workspaceId ? sql`a.workspace_id = ${workspaceId}` : sql`true`, statuses.length === 1 ? sql`a.status = ${statuses[0]}` : sql`a.status = any(${sql.param(statuses)}::text[])`];
  if (f.ownerUserId) where.push(sql`a.owner_user_id = ${f.ownerUserId}`);
  if (f.overdue) where.push(sql`a.status = 'published' and a.review_by < ${f.today}::date`);
  return { where: sql.join(where, sql` and `), flags: facetFlags(f) };
}

/** The cheap score of an asset row `a`, its title and tag steps given. Exact on the 6-decimal grid, so the full score (rounded to it) is never below it. */
const cheapScore = (inTitle: SQL, inTags: SQL) =>
  sql`(${n(SCORE.allInTitle)} * (${inTitle})::int + ${n(SCORE.allInTags)} * (${inTags})::int - ${n(SCORE.titleLength)} * least(length(a.title), 200))::numeric`;

const tsqueryOf = (text: SearchText) => (text.tsquery ? sql`to_tsquery('english', ${text.tsquery})` : sql`null::tsquery`);

/** The candidate columns base keeps, from a row `a` of asset_search (or of the library_search_rows view). */
const BASE_COLUMNS = sql.raw('a.asset_id as id, a.updated_at, a.type, a.products, a.segments, a.personas, a.stages, a.regions, a.competitor_ids');
/** The same when no facet is counted: the page needs no tag values. */
const PAGE_COLUMNS = sql.raw('a.asset_id as id, a.updated_at');

/**
 * The candidates as `base` with a column per facet filter (m_<facet>) and how many of them a candidate fails
 * (`fails`); `cands`: every candidate, `hits`: those failing none. Both read the narrow side table `asset_search`.
 * With words, through the `library_search_rows` view (migration 0009: the rows of the workspace the transaction is
 * confined to, read so that the GIN indexes answer, which under row-level security they could not): the assets whose
 * words match (`base`, with the cheap score); when fewer than 20 do (a misspelling, most likely), also those whose title
 * comes within trigram reach of every query word of three letters or more (`typo`: the longest word's test is the one
 * the trigram index answers; those already in `base` are left out by id — testing `search_vector` again read every
 * trigram candidate's body-sized vector, most of the time of "onboardng guide"). Without words, every asset of the
 * workspace (the counts; the service keeps them).
 */
function baseOf(workspaceId: string, text: SearchText | null, f: SearchFilter, facets = true): SQL {
  const c = candidates(text ? null : workspaceId, f);
  const columns = facets ? BASE_COLUMNS : PAGE_COLUMNS;
  const flags = sql.join(
    FACETS.map((x) => sql`${c.flags[x]} as ${sql.raw(`m_${x}`)}`),
    sql`, `,
  );
  const fails = sql.join(
    FACETS.map((x) => sql`(not ${c.flags[x]})::int`),
    sql` + `,
  );
  if (!text) {
    return sql`base as materialized (
      select ${BASE_COLUMNS}, null::text as title, null::numeric as cheap, ${flags}, ${fails} as fails
        from asset_search a where ${c.where}
    ),
    cands as not materialized (select * from base),
    hits as not materialized (select * from base b where b.fails = 0)`;
  }
  const ts = tsqueryOf(text);
  const cheap = cheapScore;
  const words = text.trigram.split(/\s+/).filter((w) => [...w].length >= 3);
  const longest = [...words].sort((x, y) => [...y].length - [...x].length || (x < y ? -1 : x > y ? 1 : 0))[0];
  // `%>` is the longest word's test already (word similarity at or above the threshold SEARCH_SETTING_CALLS sets): only
  // the other words are tested again (for a one-word query, none: that second pass cost a quarter of "pricng").
  const others = words.filter((w) => w !== longest);
  const otherWords = others.length
    ? sql`and not exists (select 1 from unnest(${sql.param(others)}::text[]) w where word_similarity(w, lower(a.title)) < ${n(TITLE_SIMILARITY_MIN)})`
    : sql``;
  // `words`: whether the row matches the words (false for a trigram candidate, whose body rank is 0: not computed).
  const typo = longest
    ? sql`select ${columns}, a.title, ${cheap(sql`coalesce(a.title_vector @@ ${ts}, false)`, sql`coalesce(a.tag_vector @@ ${ts}, false)`)} as cheap, false as words, ${flags}, ${fails} as fails
        from library_search_rows a
       where (select count(*) from base) < ${n(TYPO_BELOW)} and ${c.where}
         and lower(a.title) %> ${longest}
         ${otherWords}
         and a.asset_id <> all (array(select b.id from base b))`
    : sql`select * from base where false`;
  return sql`base as materialized (
    select ${columns}, a.title, ${cheap(sql`a.title_vector @@ ${ts}`, sql`a.tag_vector @@ ${ts}`)} as cheap, true as words, ${flags}, ${fails} as fails
      from library_search_rows a
     where a.search_vector @@ ${ts} and ${c.where}
  ),
  typo as materialized (${typo}),
  cands as not materialized (select * from base union all select * from typo),
  hits as not materialized (select * from cands b where b.fails = 0)`;
}

/** `head`: the rows of `top` (id, updated_at, cheap, title) with the full score. */
function headOf(workspaceId: string, text: SearchText): SQL {
  const ts = tsqueryOf(text);
  // A trigram candidate matches no word, so its rank is 0: not computed (ts_rank_cd reads the body-sized vector, 14 ms
  // for the 300 rows of a misspelling's head under load).
  const rank = text.tsquery ? sql`case when t.words then coalesce(ts_rank_cd(${WEIGHTS}::float4[], a.search_vector, ${ts}, 32), 0) else 0 end` : sql`0`;
  return sql`head as (
    select t.id, t.updated_at, round((t.cheap + ${n(SCORE.titleWords)} * strict_word_similarity(${text.trigram}, lower(t.title))
                        + ${n(SCORE.rank)} * ${rank})::numeric, 6) as score
      from top t join asset_search a on a.workspace_id = ${workspaceId} and a.asset_id = t.id
  )`;
}

/**
 * `head`: the HEAD best hits by cheap score, with the full score (cheap + title trigram closeness word by word + body
 * rank, which reads `search_vector` for these only). `rest`: the hits below the head's last (cheap, id), when the head
 * is full, with their cheap score.
 */
function scoredOf(workspaceId: string, text: SearchText, head: number, page: { relevance: boolean; after: SQL; limit: number }): SQL {
  return sql`top as materialized (select h.id, h.updated_at, h.cheap, h.title, h.words from hits h order by h.cheap desc, h.id desc limit ${n(head)}),
  ${headOf(workspaceId, text)},
  -- No join of every hit with the head: the head's last key, once.
  rest as (
    select h.id, h.updated_at, h.cheap as score from hits h, (select t.cheap, t.id from top t order by t.cheap, t.id limit 1) l
     where (select count(*) from top) = ${n(head)} and (h.cheap, h.id) < (l.cheap, l.id)
       -- By relevance, a page the head fills needs none of the rest (the head's scores are above all of it).
       ${page.relevance ? sql`and (select count(*) from head h where ${page.after}) <= ${n(page.limit)}` : sql``}
  )`;
}

/**
 * The head without reading every hit: the same HEAD best by (cheap, id) as `top` of `scoredOf`, taken tier by tier.
 * The cheap score's steps keep the tiers apart (every query word in the title: 0.58–0.9; in the tags but not the
 * title: 0.28–0.3; in neither, the body only: −0.02–0), so the tiers one after the other, each in its own order, are
 * the hits in order. The title and tag tiers come from the small GIN indexes on `title_vector` and `tag_vector`
 * (migration 0011) and read their own rows only (2,521 of the 23,051 hits of "integ"); once HEAD rows are in hand the
 * later tiers — the body's is as big as the match — are never read (the Append runs its parts in turn under the
 * limit; no parallel plan, see SEARCH_SETTING_CALLS). A query's words are ANDed, so a title or tag match is a match of
 * `search_vector` too. Only where no trigram candidates are added (word matches at or above TYPO_BELOW).
 */
function tieredTop(text: SearchText, f: SearchFilter, head: number): SQL {
  const ts = tsqueryOf(text);
  const c = candidates(null, f);
  const passes = sql.join(
    FACETS.map((x) => c.flags[x]),
    sql` and `,
  );
  const tier = (match: SQL, inTitle: SQL, inTags: SQL) =>
    sql`(select a.asset_id as id, a.updated_at, a.title, ${cheapScore(inTitle, inTags)} as cheap, true as words
       from library_search_rows a
      where ${match} and ${c.where} and ${passes}
      order by cheap desc, id desc limit ${n(head)})`;
  const title = sql`a.title_vector @@ ${ts}`;
  const tags = sql`a.tag_vector @@ ${ts}`;
  return sql`top as materialized (
    select * from (${tier(title, sql`true`, tags)}
      union all ${tier(sql`${tags} and not (${title})`, sql`false`, sql`true`)}
      union all ${tier(sql`a.search_vector @@ ${ts} and not (${title}) and not (${tags})`, sql`false`, sql`false`)}) t
     limit ${n(head)}
  )`;
}

/**
 * For the statement that follows, in its transaction: memory for the candidate set (23,000 candidates of a
 * four-letter prefix spilled to disk at the default 4 MB and were read back once per part), no sequential scan
 * (its cost ignores detoasting the long bodies' vectors to test them), pg_trgm's word similarity bar for `%>`, and
 * no parallel plan (a parallel Append would start every tier of `tieredTop` at once).
 */
const SEARCH_SETTING_CALLS = sql`set_config('work_mem', '64MB', true), set_config('enable_seqscan', 'off', true),
  set_config('pg_trgm.word_similarity_threshold', ${String(TITLE_SIMILARITY_MIN)}, true), set_config('max_parallel_workers_per_gather', '0', true)`;

/** `fn` in the caller's transaction whose settings are made (`settled`), else in a transaction of its own with them. */
function settled<T>(db: DbOrTx, done: boolean | undefined, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (done) return fn(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select ${SEARCH_SETTING_CALLS}`);
    return fn(tx);
  });
}

type CountRow = { total: number | null; facets: [SearchFacet, string, number][] | null };
type PageJson = [string, string | null, string][];
const pageRows = (rows: PageJson) => rows.map(([id, s, updatedAt]) => ({ id, score: s, updatedAt: new Date(updatedAt).toISOString() }));
const facetRows = (rows: CountRow['facets']) => rows?.map(([facet, value, count]) => ({ facet, value, count })) ?? null;

export const searchRepository = {
  /** A query with words: page, total and (on the first page) facets from one scored candidate set. */
  async search(
    db: DbOrTx,
    workspaceId: string,
    text: SearchText,
    f: SearchFilter,
    page: {
      sort: 'relevance' | 'updated';
      limit: number;
      after?: SearchCursor;
      /** Count the hits (total); false when the caller has them (`total` comes back null). */
      total?: boolean;
      facets: boolean;
      /** Tests: a smaller head. */ head?: number;
      /** Run in the caller's transaction, whose settings `stamp` set (one round trip less each: begin, settings). */
      settled?: boolean;
    },
  ): Promise<SearchAnswer> {
    const order = page.sort === 'relevance' ? sql`h.score desc, h.id desc` : sql`h.updated_at desc, h.id desc`;
    let after = sql`true`;
    if (page.after?.sort === 'relevance') after = sql`(h.score, h.id) < (${page.after.score}::numeric, ${page.after.id}::uuid)`;
    else if (page.after?.sort === 'updated') after = sql`(h.updated_at, h.id) < (${page.after.updatedAt}::timestamptz, ${page.after.id}::uuid)`;
    // Each part gives its best `limit + 1` after the cursor (a top-N sort), then the two are merged.
    const part = (from: string) => sql`(select h.id, h.score, h.updated_at from ${sql.raw(from)} h where ${after} order by ${order} limit ${page.limit + 1})`;
    // Settings local to a transaction (a tenant read runs without one): the service opens it and sets them with the stamp.
    const result = await settled(db, page.settled, (tx) =>
      tx.execute<CountRow & { page: PageJson; matched: number | null }>(sql`
      with ${baseOf(workspaceId, text, f, page.facets)}, ${scoredOf(workspaceId, text, page.head ?? HEAD, { relevance: page.sort === 'relevance', after, limit: page.limit })}
      select
        ${page.total === false ? sql`null::int` : sql`(select count(*)::int from hits)`} as total,
        ${page.total === false ? sql`null::int` : sql`(select count(*)::int from base)`} as matched,
        (select coalesce(json_agg(json_build_array(p.id, p.score::text, p.updated_at) order by p.ord), '[]'::json)
           from (select h.id, h.score, h.updated_at, row_number() over (order by ${order}) as ord
                   from (${part('head')} union all ${part('rest')}) h order by ${order} limit ${page.limit + 1}) p) as page,
        ${page.facets ? facetCounts() : sql`null::json`} as facets`),
    );
    const row = result.rows[0]!;
    return { rows: pageRows(row.page), total: row.total, facets: facetRows(row.facets), matched: row.matched };
  },

  /**
   * A page by relevance from the head alone, its rows taken tier by tier (`tieredTop`): for a query whose total is
   * known and whose word matches reach TYPO_BELOW. Null when the head does not fill the page (a page past the head:
   * `search` answers it).
   */
  async headPage(
    db: DbOrTx,
    workspaceId: string,
    text: SearchText,
    f: SearchFilter,
    page: { limit: number; after?: SearchCursor; /** Tests: a smaller head. */ head?: number; /** As for `search`. */ settled?: boolean },
  ): Promise<SearchPageRow[] | null> {
    const head = page.head ?? HEAD;
    const after = page.after?.sort === 'relevance' ? sql`(h.score, h.id) < (${page.after.score}::numeric, ${page.after.id}::uuid)` : sql`true`;
    const result = await settled(db, page.settled, (tx) =>
      tx.execute<{ filled: boolean; page: PageJson }>(sql`
      with ${tieredTop(text, f, head)}, ${headOf(workspaceId, text)}
      select (select count(*) from top) < ${n(head)} or (select count(*) from head h where ${after}) > ${n(page.limit)} as filled,
        (select coalesce(json_agg(json_build_array(p.id, p.score::text, p.updated_at) order by p.score desc, p.id desc), '[]'::json)
           from (select h.id, h.score, h.updated_at from head h where ${after} order by h.score desc, h.id desc limit ${page.limit + 1}) p) as page`),
    );
    const row = result.rows[0]!;
    return row.filled ? pageRows(row.page) : null;
  },

  /**
   * A page without words, newest change first: one index-ordered scan per status (the index is by workspace,
   * status and update time), merged.
   */
  async browse(db: DbOrTx, workspaceId: string, f: SearchFilter, page: { limit: number; after?: SearchCursor }): Promise<SearchPageRow[]> {
    const after = page.after?.sort === 'updated' ? sql`and (a.updated_at, a.id) < (${page.after.updatedAt}::timestamptz, ${page.after.id}::uuid)` : sql``;
    const perStatus = f.statuses.map((status) => {
      const c = candidates(workspaceId, f, [status]);
      return sql`(select a.id, a.updated_at from assets a
                   where ${c.where} and ${sql.join(FACETS.map((x) => c.flags[x]), sql` and `)} ${after}
                   order by a.updated_at desc, a.id desc limit ${page.limit + 1})`;
    });
    const result = await db.execute<{ id: string; updated_at: Date }>(sql`
      select x.id, x.updated_at from (${sql.join(perStatus, sql` union all `)}) x order by x.updated_at desc, x.id desc limit ${page.limit + 1}`);
    return result.rows.map((r) => ({ id: r.id, score: null, updatedAt: new Date(r.updated_at).toISOString() }));
  },

  /** Total and facet counts without words (every asset of the workspace under the filters: the service keeps them). */
  async counts(db: DbOrTx, workspaceId: string, f: SearchFilter): Promise<{ total: number; facets: FacetCount[] }> {
    const result = await db.execute<CountRow>(sql`
      with ${baseOf(workspaceId, null, f)}
      select (select count(*)::int from hits) as total, ${facetCounts()} as facets`);
    const row = result.rows[0]!;
    return { total: row.total ?? 0, facets: facetRows(row.facets) ?? [] };
  },

  /**
   * What changes whenever an asset is added, changed or removed: how many statements changed the workspace's assets
   * (`asset_search_stamps`, counted by the triggers of migration 0009). One row read by key. In the same round trip,
   * when asked: the search statement's settings (`settings`, inside the caller's transaction; `search` and `headPage`
   * then run `settled`) and the names of the workspace's competitors (`names`: the competitor facet's labels; a
   * workspace has dozens) — each was a round trip of its own, and under load every round trip waits for a core.
   */
  async stamp(db: DbOrTx, workspaceId: string, opts: { settings?: boolean; names?: boolean } = {}): Promise<{ stamp: string; names: Map<string, string> }> {
    const result = await db.execute<{ stamp: string; names: Record<string, string> | null }>(sql`
      select ${opts.settings ? sql`${SEARCH_SETTING_CALLS}, ` : sql``}coalesce((select s.changes from asset_search_stamps s where s.workspace_id = ${workspaceId}), 0)::text as stamp,
        ${opts.names ? sql`(select coalesce(json_object_agg(c.id, c.name), '{}'::json) from competitors c where c.workspace_id = ${workspaceId})` : sql`null::json`} as names`);
    const row = result.rows[0]!;
    return { stamp: row.stamp, names: new Map(Object.entries(row.names ?? {})) };
  },
};
