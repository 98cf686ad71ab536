CREATE TABLE "asset_search" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"status" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid,
	"review_by" date,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"products" text[] NOT NULL,
	"segments" text[] NOT NULL,
	"personas" text[] NOT NULL,
	"stages" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"competitor_ids" uuid[] NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"title_vector" "tsvector" NOT NULL,
	"tag_vector" "tsvector" NOT NULL,
	CONSTRAINT "asset_search_workspace_id_asset_id_pk" PRIMARY KEY("workspace_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "asset_search_stamps" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"changes" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Library search's side table (library/tables.ts assetSearch; docs/decisions/0008-library-search.md): the columns
-- search matches, filters, counts and scores by, without the body, so matching and counting 20,000 candidates reads
-- about half the pages it read in assets (99 MB against 167 MB at 100,000 benchmark assets). A row over the toast
-- threshold (2 kB, a long body's vector) is cut to toast_tuple_target: the vector (EXTENDED) goes out of line and
-- every other column stays in line (MAIN: moved out only past a page), so the title and tag steps never detoast.
ALTER TABLE "asset_search" SET (toast_tuple_target = 128);--> statement-breakpoint
ALTER TABLE "asset_search" ALTER COLUMN "title" SET STORAGE MAIN, ALTER COLUMN "products" SET STORAGE MAIN,
  ALTER COLUMN "segments" SET STORAGE MAIN, ALTER COLUMN "personas" SET STORAGE MAIN, ALTER COLUMN "stages" SET STORAGE MAIN,
  ALTER COLUMN "regions" SET STORAGE MAIN, ALTER COLUMN "competitor_ids" SET STORAGE MAIN,
  ALTER COLUMN "title_vector" SET STORAGE MAIN, ALTER COLUMN "tag_vector" SET STORAGE MAIN;--> statement-breakpoint
-- The vectors as assets.search_vector / title_vector / tag_vector were generated in 0007, from an assets row.
CREATE OR REPLACE FUNCTION asset_search_vector(title text, tag_text text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(tag_text, '')), 'B')
      || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
$$;--> statement-breakpoint
INSERT INTO "asset_search" (workspace_id, asset_id, status, type, title, owner_user_id, review_by, updated_at, products, segments,
    personas, stages, regions, competitor_ids, search_vector, title_vector, tag_vector)
  SELECT a.workspace_id, a.id, a.status, a.type, a.title, a.owner_user_id, a.review_by, a.updated_at, a.products, a.segments,
         a.personas, a.stages, a.regions, a.competitor_ids, asset_search_vector(a.title, a.tag_text, a.body),
         to_tsvector('english'::regconfig, coalesce(a.title, '')), to_tsvector('english'::regconfig, coalesce(a.tag_text, ''))
    FROM assets a;--> statement-breakpoint
INSERT INTO "asset_search_stamps" (workspace_id, changes) SELECT DISTINCT a.workspace_id, 1 FROM assets a;--> statement-breakpoint
DROP INDEX "assets_search_idx";--> statement-breakpoint
DROP INDEX "assets_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "asset_search" ADD CONSTRAINT "asset_search_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_search" ADD CONSTRAINT "asset_search_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_search_stamps" ADD CONSTRAINT "asset_search_stamps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_search_vector_idx" ON "asset_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "asset_search_title_trgm_idx" ON "asset_search" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "assets" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "assets" DROP COLUMN "title_vector";--> statement-breakpoint
ALTER TABLE "assets" DROP COLUMN "tag_vector";--> statement-breakpoint
-- asset_search is kept by triggers on assets, per statement (an import or the benchmark's INSERT ... SELECT of
-- 100,000 assets is one INSERT ... SELECT here, not 100,000): every insert adds the row; an update copies the columns
-- and computes the vectors again only when the title, tags or body changed; a delete cascades by the foreign key.
-- Each such statement also counts one change of its workspaces' libraries in asset_search_stamps (search keeps
-- totals and facet counts per query until the next change).
-- SECURITY INVOKER: the rows written carry the workspace of the asset rows the same statement could write, so the
-- caller's row-level security admits them.
CREATE OR REPLACE FUNCTION asset_search_inserted() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO asset_search (workspace_id, asset_id, status, type, title, owner_user_id, review_by, updated_at, products, segments,
      personas, stages, regions, competitor_ids, search_vector, title_vector, tag_vector)
    SELECT n.workspace_id, n.id, n.status, n.type, n.title, n.owner_user_id, n.review_by, n.updated_at, n.products, n.segments,
           n.personas, n.stages, n.regions, n.competitor_ids, asset_search_vector(n.title, n.tag_text, n.body),
           to_tsvector('english'::regconfig, coalesce(n.title, '')), to_tsvector('english'::regconfig, coalesce(n.tag_text, ''))
      FROM new_assets n;
  INSERT INTO asset_search_stamps AS t (workspace_id, changes) SELECT DISTINCT x.workspace_id, 1 FROM new_assets x
    ON CONFLICT (workspace_id) DO UPDATE SET changes = t.changes + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION asset_search_updated() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
BEGIN
  -- Rows whose text changed get their vectors again; the others keep theirs.
  INSERT INTO asset_search AS s (workspace_id, asset_id, status, type, title, owner_user_id, review_by, updated_at, products, segments,
      personas, stages, regions, competitor_ids, search_vector, title_vector, tag_vector)
    SELECT n.workspace_id, n.id, n.status, n.type, n.title, n.owner_user_id, n.review_by, n.updated_at, n.products, n.segments,
           n.personas, n.stages, n.regions, n.competitor_ids, asset_search_vector(n.title, n.tag_text, n.body),
           to_tsvector('english'::regconfig, coalesce(n.title, '')), to_tsvector('english'::regconfig, coalesce(n.tag_text, ''))
      FROM new_assets n
      LEFT JOIN old_assets o ON o.workspace_id = n.workspace_id AND o.id = n.id
     WHERE o.id IS NULL OR (n.title, n.tag_text, n.body) IS DISTINCT FROM (o.title, o.tag_text, o.body)
  ON CONFLICT (workspace_id, asset_id) DO UPDATE SET status = excluded.status, type = excluded.type, title = excluded.title,
    owner_user_id = excluded.owner_user_id, review_by = excluded.review_by, updated_at = excluded.updated_at,
    products = excluded.products, segments = excluded.segments, personas = excluded.personas, stages = excluded.stages,
    regions = excluded.regions, competitor_ids = excluded.competitor_ids, search_vector = excluded.search_vector,
    title_vector = excluded.title_vector, tag_vector = excluded.tag_vector;
  UPDATE asset_search s SET status = n.status, type = n.type, owner_user_id = n.owner_user_id, review_by = n.review_by,
         updated_at = n.updated_at, products = n.products, segments = n.segments, personas = n.personas, stages = n.stages,
         regions = n.regions, competitor_ids = n.competitor_ids
    FROM new_assets n
    JOIN old_assets o ON o.workspace_id = n.workspace_id AND o.id = n.id
   WHERE s.workspace_id = n.workspace_id AND s.asset_id = n.id
     AND (n.title, n.tag_text, n.body) IS NOT DISTINCT FROM (o.title, o.tag_text, o.body)
     AND (s.status, s.type, s.owner_user_id, s.review_by, s.updated_at, s.products, s.segments, s.personas, s.stages, s.regions, s.competitor_ids)
         IS DISTINCT FROM (n.status, n.type, n.owner_user_id, n.review_by, n.updated_at, n.products, n.segments, n.personas, n.stages, n.regions, n.competitor_ids);
  INSERT INTO asset_search_stamps AS t (workspace_id, changes) SELECT DISTINCT x.workspace_id, 1 FROM new_assets x
    ON CONFLICT (workspace_id) DO UPDATE SET changes = t.changes + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION asset_search_deleted() RETURNS trigger LANGUAGE plpgsql
  SET search_path = public, pg_temp AS $$
BEGIN
  -- The rows went with the assets (foreign key, cascade); the library changed. An update, not an insert: when the
  -- workspace itself is being deleted its stamp went too, and must not come back.
  UPDATE asset_search_stamps t SET changes = t.changes + 1 WHERE t.workspace_id IN (SELECT x.workspace_id FROM old_assets x);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER asset_search_insert AFTER INSERT ON "assets" REFERENCING NEW TABLE AS new_assets
  FOR EACH STATEMENT EXECUTE FUNCTION asset_search_inserted();--> statement-breakpoint
CREATE TRIGGER asset_search_update AFTER UPDATE ON "assets" REFERENCING OLD TABLE AS old_assets NEW TABLE AS new_assets
  FOR EACH STATEMENT EXECUTE FUNCTION asset_search_updated();--> statement-breakpoint
CREATE TRIGGER asset_search_delete AFTER DELETE ON "assets" REFERENCING OLD TABLE AS old_assets
  FOR EACH STATEMENT EXECUTE FUNCTION asset_search_deleted();--> statement-breakpoint
-- Library search reads its candidates through this view, not through library_search_candidates (0007, dropped): the
-- view's rows are the workspace the caller's transaction or connection is confined to (app.workspace_id, the tenant
-- policy's own rule), and it reads asset_search with the view owner's rights, so the GIN indexes answer `@@` and `%>`
-- (under row-level security the planner may not use a non-leakproof operator as an index condition: the first
-- version read every asset of the workspace, 877 ms for "pricng" at 100,000). Unlike the function, the planner sees
-- through it: the bitmap heap scan streams into the search statement (no set of 23,000 rows copied out of a function
-- first), the status and owner filters are applied in the scan, and a query names only the columns it needs. Not a
-- security_barrier view (that would keep `@@` out of the index again): only the application's own statements query it.
DROP FUNCTION IF EXISTS library_search_candidates(uuid, tsquery, text);--> statement-breakpoint
CREATE VIEW library_search_rows AS
  SELECT s.* FROM asset_search s WHERE s.workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid;
--> statement-breakpoint
-- Read-only: a simple view is updatable, and writes through it would skip asset_search's row-level security (every
-- role may be granted writes on every relation by migrate.ts). The table is written by the triggers above alone.
CREATE OR REPLACE FUNCTION library_search_rows_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'library_search_rows is read-only (asset_search is kept by the triggers on assets)' USING ERRCODE = '42501';
END
$$;--> statement-breakpoint
CREATE TRIGGER library_search_rows_read_only INSTEAD OF INSERT OR UPDATE OR DELETE ON library_search_rows
  FOR EACH ROW EXECUTE FUNCTION library_search_rows_read_only();
