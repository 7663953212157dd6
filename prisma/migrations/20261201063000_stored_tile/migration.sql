-- A gallery tile, written by the database: the one definition of a tile's JSON
-- (lib/generations/view.ts GenerationTileView). A page reads it stored with the row once the
-- generation has ended (below), and builds it with this same function for a row still
-- running (lib/db/queries/generation-reads.ts). The prompt is cut to TILE_PROMPT_MAX (280)
-- characters, and tests/routes/gallery-tiles.test.ts holds every tile equal to the detail view.
-- IMMUTABLE: its result depends on its arguments only (the time is formatted in UTC), which
-- a generated column requires.
-- (No semicolon in the body or in these comments: the migration runner splits statements on them.)
CREATE FUNCTION "studio_tile_text"(
  "id" TEXT, "kind" "generation_kind", "status" "generation_status", "progress" INTEGER, "model" TEXT,
  "favorite" BOOLEAN, "outputs" JSON, "inputs" JSON, "created_at" TIMESTAMPTZ(3), "prompt" TEXT, "params" JSONB)
RETURNS TEXT
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  SELECT json_build_object(
    'id', "id", 'kind', "kind", 'status', "status",
    'progress', CASE WHEN "status" = 'completed' THEN 100 ELSE "progress" END,
    'model', "model", 'favorite', "favorite",
    'outputs', "outputs", 'inputs', "inputs",
    'createdAt', to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'prompt', CASE WHEN char_length("prompt") > 280 THEN left("prompt", 279) || '…' ELSE "prompt" END,
    'params', json_strip_nulls(json_build_object(
      'size', CASE WHEN jsonb_typeof("params"->'size') = 'string' AND "params"->>'size' <> '' THEN "params"->'size' END,
      'duration', CASE WHEN jsonb_typeof("params"->'duration') = 'number' AND ("params"->>'duration')::numeric > 0 THEN "params"->'duration' END))
  )::text
$$;

-- The tile of an ended generation, kept by PostgreSQL itself: computed again on every write
-- of the row (a favorite, the completion, a failure), so it is never stale, whoever writes.
-- Null while the generation runs (its outputs and progress still change): the read builds it.
-- Adding the column computes it for every row there is.
ALTER TABLE "generations" ADD COLUMN "tile_text" TEXT GENERATED ALWAYS AS (
  CASE WHEN "status" IN ('completed', 'failed') AND "tile_outputs" IS NOT NULL AND "tile_inputs" IS NOT NULL
    THEN "studio_tile_text"("id", "kind", "status", "progress", "model", "favorite", "tile_outputs", "tile_inputs", "created_at", "prompt", "params")
  END) STORED;
