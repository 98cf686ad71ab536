-- Typo-tolerant title search (trusted extension: a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The key competitor names are matched by (library/competitor-keys.ts computes the same in TypeScript).
CREATE OR REPLACE FUNCTION competitor_key(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT nullif(string_agg(t.w, '' ORDER BY t.i), '')
    FROM (SELECT w, i, count(*) FILTER (WHERE w <> '') OVER (ORDER BY i) AS seen
            FROM unnest(regexp_split_to_array(translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[^a-z0-9\u0080-\U0010FFFF]+')) WITH ORDINALITY AS u(w, i)) t
   WHERE t.w <> ''
     AND NOT (t.seen > 1 AND t.w = ANY (ARRAY['inc','incorporated','corp','corporation','co','company','ltd','limited','llc','llp','lp','plc','gmbh','ag','sa','sas','bv','nv','oy','ab','srl','pty']))
$$;--> statement-breakpoint
CREATE TABLE "asset_files" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"thumbnail_key" text,
	"uploaded_by_user_id" uuid,
	"uploaded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp (3) with time zone,
	CONSTRAINT "asset_files_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_followers" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_followers_workspace_id_asset_id_user_id_pk" PRIMARY KEY("workspace_id","asset_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "asset_usage_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"deal_id" uuid,
	"share_link_id" uuid,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_usage_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_versions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"change_note" text,
	"published_by_user_id" uuid,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_votes" (
	"workspace_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_votes_workspace_id_asset_id_user_id_pk" PRIMARY KEY("workspace_id","asset_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"personas" text[] DEFAULT '{}'::text[] NOT NULL,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"competitor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tag_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(tag_text, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')) STORED,
	"title_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(title, ''))) STORED,
	"tag_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(tag_text, ''))) STORED,
	"current_version" integer,
	"published_at" timestamp (3) with time zone,
	"review_by" date,
	"verified_at" timestamp (3) with time zone,
	"verified_by_user_id" uuid,
	"review_reminded_on" date,
	"archived_at" timestamp (3) with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"match_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"website" text,
	"description" text,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitors_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "library_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"review_days" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"asset_id" uuid NOT NULL,
	"deal_id" uuid,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by_user_id" uuid,
	CONSTRAINT "share_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "share_opens" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"share_link_id" uuid NOT NULL,
	"visitor_hash" text NOT NULL,
	"opened_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_opens_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "asset_files" ADD CONSTRAINT "asset_files_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_files" ADD CONSTRAINT "asset_files_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_followers" ADD CONSTRAINT "asset_followers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_followers" ADD CONSTRAINT "asset_followers_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_followers" ADD CONSTRAINT "asset_followers_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_usage_events" ADD CONSTRAINT "asset_usage_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_usage_events" ADD CONSTRAINT "asset_usage_events_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_usage_events" ADD CONSTRAINT "asset_usage_events_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE SET NULL ("deal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_usage_events" ADD CONSTRAINT "asset_usage_events_workspace_id_share_link_id_share_links_workspace_id_id_fk" FOREIGN KEY ("workspace_id","share_link_id") REFERENCES "public"."share_links"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_versions" ADD CONSTRAINT "asset_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_versions" ADD CONSTRAINT "asset_versions_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_votes" ADD CONSTRAINT "asset_votes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_votes" ADD CONSTRAINT "asset_votes_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_votes" ADD CONSTRAINT "asset_votes_workspace_id_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_workspace_id_owner_user_id_memberships_workspace_id_user_id_fk" FOREIGN KEY ("workspace_id","owner_user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_settings" ADD CONSTRAINT "library_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_workspace_id_asset_id_assets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","asset_id") REFERENCES "public"."assets"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_workspace_id_deal_id_deals_workspace_id_id_fk" FOREIGN KEY ("workspace_id","deal_id") REFERENCES "public"."deals"("workspace_id","id") ON DELETE SET NULL ("deal_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_opens" ADD CONSTRAINT "share_opens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_opens" ADD CONSTRAINT "share_opens_workspace_id_share_link_id_share_links_workspace_id_id_fk" FOREIGN KEY ("workspace_id","share_link_id") REFERENCES "public"."share_links"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_files_asset_idx" ON "asset_files" USING btree ("workspace_id","asset_id");--> statement-breakpoint
CREATE INDEX "asset_usage_asset_idx" ON "asset_usage_events" USING btree ("workspace_id","asset_id","occurred_at");--> statement-breakpoint
CREATE INDEX "asset_usage_deal_idx" ON "asset_usage_events" USING btree ("workspace_id","deal_id") WHERE "asset_usage_events"."deal_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_usage_attached_key" ON "asset_usage_events" USING btree ("workspace_id","asset_id","deal_id") WHERE "asset_usage_events"."kind" = 'attached';--> statement-breakpoint
CREATE UNIQUE INDEX "asset_versions_number_key" ON "asset_versions" USING btree ("workspace_id","asset_id","number");--> statement-breakpoint
CREATE INDEX "assets_search_idx" ON "assets" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "assets_title_trgm_idx" ON "assets" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assets_status_idx" ON "assets" USING btree ("workspace_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "assets_review_idx" ON "assets" USING btree ("workspace_id","review_by") WHERE "assets"."status" = 'published';--> statement-breakpoint
CREATE INDEX "assets_competitors_idx" ON "assets" USING gin ("competitor_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_name_key" ON "competitors" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE INDEX "competitors_match_keys_idx" ON "competitors" USING gin ("match_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_token_key" ON "share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_links_asset_idx" ON "share_links" USING btree ("workspace_id","asset_id");--> statement-breakpoint
CREATE INDEX "share_opens_link_idx" ON "share_opens" USING btree ("workspace_id","share_link_id","opened_at");--> statement-breakpoint
-- Library search's candidates (library/search/search.repository.ts): the assets whose text matches the query; when
-- fewer than 20 do (a misspelling, most likely), also those whose title comes within trigram reach (pg_trgm word
-- similarity >= 0.5, search.repository.ts TITLE_SIMILARITY_MIN). SECURITY DEFINER so the GIN indexes answer: under
-- row-level security the planner may not use a non-leakproof operator (@@, %>) as an index condition and read every
-- asset of the workspace instead (1.5 s at 100,000). It keeps the policy's rule: only the workspace the caller's
-- transaction or connection is confined to. It answers the columns search filters, counts and scores by (and
-- whether every word is in the title, in the tags), read in the one bitmap heap scan, so the caller reads no row
-- again and never the body-sized search_vector; enable_seqscan off because a sequential scan would read (detoast)
-- every asset's search_vector to test it (380 ms at 100,000 against 100 ms for the bitmap scan of 23,000 matches).
CREATE OR REPLACE FUNCTION library_search_candidates(ws uuid, q tsquery, title_words text)
  RETURNS TABLE (id uuid, status text, type text, title text, owner_user_id uuid, review_by date, updated_at timestamptz,
                 products text[], segments text[], personas text[], stages text[], regions text[], competitor_ids uuid[],
                 in_title boolean, in_tags boolean)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  SET enable_seqscan = off
  SET pg_trgm.word_similarity_threshold = '0.5' AS $$
#variable_conflict use_column
DECLARE
  found integer := 0;
  matched uuid[] := '{}';
  -- Typos are forgiven word by word: every word of three letters or more must come within trigram reach of the
  -- title ("kestrl pricng" finds "Kestrel Freight pricing sheet", whose words are not side by side); the longest
  -- word's test is the one the trigram index answers.
  words text[] := array(SELECT w FROM unnest(regexp_split_to_array(coalesce(title_words, ''), '\s+')) w WHERE length(w) >= 3);
  longest text := (SELECT w FROM unnest(words) w ORDER BY length(w) DESC, w LIMIT 1);
BEGIN
  IF ws IS DISTINCT FROM nullif(current_setting('app.workspace_id', true), '')::uuid THEN
    RETURN;
  END IF;
  IF q IS NOT NULL THEN
    RETURN QUERY SELECT a.id, a.status, a.type, a.title, a.owner_user_id, a.review_by, a.updated_at, a.products, a.segments,
        a.personas, a.stages, a.regions, a.competitor_ids, a.title_vector @@ q, a.tag_vector @@ q
      FROM assets a WHERE a.workspace_id = ws AND a.search_vector @@ q;
    GET DIAGNOSTICS found = ROW_COUNT;
  END IF;
  IF found < 20 AND longest IS NOT NULL THEN
    IF found > 0 THEN
      SELECT array_agg(a.id) INTO matched FROM assets a WHERE a.workspace_id = ws AND a.search_vector @@ q;
    END IF;
    RETURN QUERY SELECT a.id, a.status, a.type, a.title, a.owner_user_id, a.review_by, a.updated_at, a.products, a.segments,
        a.personas, a.stages, a.regions, a.competitor_ids, coalesce(a.title_vector @@ q, false), coalesce(a.tag_vector @@ q, false)
      FROM assets a
     WHERE a.workspace_id = ws AND lower(a.title) %> longest AND a.id <> ALL (matched)
       AND NOT EXISTS (SELECT 1 FROM unnest(words) w WHERE word_similarity(w, lower(a.title)) < 0.5);
  END IF;
END
$$;
