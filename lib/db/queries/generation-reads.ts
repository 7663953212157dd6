import "server-only";
import { getPrisma, queryDirect, queryJson } from "../client";
import { Prisma, type GenerationKind, type GenerationStatus } from "../generated/client";
import type { GenerationRow } from "./generations";
import type { MediaRow } from "./media";

/** lib/db/pglite-prepared.mjs PLAN_PER_RUN (tests/db/pglite-prepared.test.ts holds them equal). */
export const PLAN_PER_RUN = "/* plan-per-run */";

/**
 * The reads every open tab polls (one generation, a gallery page), each one SQL statement:
 * the generation row and its media as a JSON array in one round trip, ownership in the
 * WHERE clause. Prisma's nested select would send a second query for the media. They go
 * past Prisma's query engine (queryDirect, lib/db/client.ts says why), each row as one JSON
 * text the database writes, so both drivers give the very same values (numbers, booleans,
 * nested JSON; timestamps as ISO text, made Dates here).
 */
const MEDIA_JSON = Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object(
      'id', m.id, 'role', m.role, 'kind', m.kind, 'mimeType', m.mime_type, 'width', m.width, 'height', m.height,
      'bytes', m.bytes, 'durationMs', m.duration_ms, 'position', m.position, 'generationId', m.generation_id,
      'storageKey', m.storage_key, 'thumbKey', m.thumb_key) ORDER BY m.role, m.position)
    FROM media m WHERE m.generation_id = g.id), '[]'::json)`;

/** A GenerationRow (generationSelect's fields) as one JSON text. */
const GENERATION_JSON = Prisma.sql`json_build_object('id', g.id, 'userId', g.user_id, 'kind', g.kind, 'status', g.status, 'mode', g.mode,
  'model', g.model, 'prompt', g.prompt, 'params', g.params, 'progress', g.progress, 'upstreamTaskId', g.upstream_task_id, 'errorType', g.error_type,
  'errorMessage', g.error_message, 'estimatedMilli', g.estimated_milli, 'costMilli', g.cost_milli,
  'createdAt', g.created_at, 'startedAt', g.started_at, 'completedAt', g.completed_at, 'apiTokenName', g.api_token_name, 'favorite', g.favorite,
  'collectionItems', COALESCE((SELECT json_agg(json_build_object('collectionId', ci.collection_id) ORDER BY ci.added_at)
    FROM collection_items ci WHERE ci.generation_id = g.id), '[]'::json),
  'media', ${MEDIA_JSON})::text`;

/**
 * A gallery page selects what a tile shows (lib/generations/view.ts GenerationTileView) and
 * no more, and PostgreSQL writes each tile's JSON itself (function studio_tile_text, migration
 * stored_tile: the one definition of a tile): the prompt cut to a caption, the
 * two params a tile shows (kept by storedParamsSchema's rules: a non-empty string, a positive
 * number), the media the view exposes with their links (mediaUrls), no collections. The
 * server only joins the tiles into the page. Parsing each row's media JSON, building the
 * view objects and serializing them again was most of what a list read cost the Next thread
 * beyond a status read (README "What one read costs"); here that work runs where the query
 * runs (PGlite's thread, PostgreSQL's processes). tests/routes/gallery-tiles.test.ts holds
 * every tile equal to the detail view of the same generation, cut to the tile's fields.
 * The full row is GET /api/generations/{id}.
 *
 * A tile's media come stored with the row (tile_inputs, tile_outputs: written with the
 * media themselves, which never change after), so a page does not build 25 media arrays
 * from the media table on every read; a row without them yet (a running generation's
 * outputs) has them built here.
 */

/**
 * One media item as a tile shows it, from `a`: a media row (`m`) or a record with the same
 * columns (`x`, the records a write inserts). The one definition of a tile's media: reads
 * (below), the writes that store it (generations.ts), and the backfill of old rows.
 */
export function tileMediaObject(a: "m" | "x"): Prisma.Sql {
  const t = Prisma.raw(a);
  return Prisma.sql`json_build_object(
      'id', ${t}.id, 'kind', ${t}.kind, 'role', ${t}.role, 'mimeType', ${t}.mime_type, 'width', ${t}.width, 'height', ${t}.height,
      'durationMs', ${t}.duration_ms, 'bytes', ${t}.bytes,
      'url', '/api/media/' || ${t}.id, 'thumbUrl', '/api/media/' || ${t}.id || '?variant=thumb', 'downloadUrl', '/api/media/' || ${t}.id || '?download=1')`;
}

/** A generation's media of one role as tiles show them, built from the media table. */
function tileMediaJson(role: "output" | "input"): Prisma.Sql {
  return Prisma.sql`COALESCE((
    SELECT json_agg(${tileMediaObject("m")} ORDER BY m.position)
    FROM media m WHERE m.generation_id = g.id AND m.role = ${role}::media_role), '[]'::json)`;
}

/**
 * Stores the tile media of rows written without them (the bench's seeded rows; the
 * migration that added the columns ran the same for the rows there were): inputs always,
 * outputs once the generation has ended.
 */
export function fillTileMediaSql(): Prisma.Sql {
  return Prisma.sql`UPDATE generations g SET tile_inputs = ${tileMediaJson("input")},
    tile_outputs = CASE WHEN g.status IN ('completed', 'failed') THEN ${tileMediaJson("output")} END
    WHERE g.tile_inputs IS NULL`;
}

/**
 * A page's tile: stored with the row once the generation has ended (tile_text, a column
 * PostgreSQL generates from the row at every write of it: migration stored_tile), else built
 * by the same function from the row and its media (a running generation). Building 25 tiles'
 * JSON per page was most of a page's cost on PGlite's thread (about 2.2 of 2.9 ms); reading
 * them stored costs about what the bare keyset page costs.
 */
function tileJson(): Prisma.Sql {
  return Prisma.sql`COALESCE(g.tile_text, studio_tile_text(g.id, g.kind, g.status, g.progress, g.model, g.favorite,
    COALESCE(g.tile_outputs, ${tileMediaJson("output")}), COALESCE(g.tile_inputs, ${tileMediaJson("input")}), g.created_at, g.prompt, g.params))`;
}

/** The media fields a view exposes (lib/generations/to-view.ts mediaToView). */
export type TileMediaRow = Pick<MediaRow, "id" | "role" | "kind" | "mimeType" | "width" | "height" | "bytes" | "durationMs">;

/** A page row: the keyset columns, and the tile as JSON text (a GenerationTileView). */
export interface GenerationTileRow {
  id: string;
  createdAt: Date;
  tile: string;
}

/** GENERATION_JSON parsed: its timestamps are ISO text. */
type GenerationJson = Omit<GenerationRow, "createdAt" | "startedAt" | "completedAt"> & { createdAt: string; startedAt: string | null; completedAt: string | null };

/** The row as generationSelect gives it: timestamps become Dates. */
function toRow(row: GenerationJson): GenerationRow {
  return { ...row, createdAt: new Date(row.createdAt), startedAt: row.startedAt === null ? null : new Date(row.startedAt), completedAt: row.completedAt === null ? null : new Date(row.completedAt) };
}

export async function getGenerationForUser({ id, userId }: { id: string; userId: string }): Promise<GenerationRow | null> {
  const [row] = await queryJson<GenerationJson>(Prisma.sql`
    SELECT ${GENERATION_JSON} FROM generations g WHERE g.id = ${id} AND g.user_id = ${userId} AND g.deleted_at IS NULL`);
  return row === undefined ? null : toRow(row);
}

/** Several of the user's generations by id (the pending poll), newest first; one statement. */
export async function getGenerationsForUser({ ids, userId }: { ids: readonly string[]; userId: string }): Promise<GenerationRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryJson<GenerationJson>(Prisma.sql`
    SELECT ${GENERATION_JSON} FROM generations g WHERE g.id IN (${Prisma.join(ids)}) AND g.user_id = ${userId} AND g.deleted_at IS NULL
    ORDER BY g.created_at DESC, g.id DESC`);
  return rows.map(toRow);
}

export interface GenerationFilters {
  kind?: GenerationKind;
  status?: GenerationStatus;
  model?: string;
  q?: string;
  favorite?: boolean;
  /** Already checked to be one of the user's collections. */
  collectionId?: string;
}

/** `q` matched literally inside the prompt: LIKE's wildcards and escape character are escaped. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The gallery's filters as SQL conditions on `g`, for one user's visible generations. */
function galleryWhere(userId: string, f: GenerationFilters): Prisma.Sql[] {
  // Generations deleted while still running stay stored until they settle, unseen.
  const where = [Prisma.sql`g.user_id = ${userId}`, Prisma.sql`g.deleted_at IS NULL`];
  if (f.kind) where.push(Prisma.sql`g.kind = ${f.kind}::generation_kind`);
  if (f.status) where.push(Prisma.sql`g.status = ${f.status}::generation_status`);
  if (f.model) where.push(Prisma.sql`g.model = ${f.model}`);
  // Planned for its pattern on every run, never from a cached generic plan (PLAN_PER_RUN says why).
  if (f.q) where.push(Prisma.sql`${Prisma.raw(PLAN_PER_RUN)} g.prompt ILIKE ${likePattern(f.q)}`);
  if (f.favorite) where.push(Prisma.sql`g.favorite`);
  if (f.collectionId) where.push(Prisma.sql`EXISTS (SELECT 1 FROM collection_items ci WHERE ci.generation_id = g.id AND ci.collection_id = ${f.collectionId})`);
  return where;
}

/**
 * Every id matching the gallery's filters, newest first, up to `limit` (the bulk actions'
 * cap), with how many match in all: "select all" means all, not the loaded pages.
 */
export async function listGenerationIdsForUser({ userId, filters, limit }: { userId: string; filters: GenerationFilters; limit: number }): Promise<{ ids: string[]; total: number }> {
  const where = Prisma.join(galleryWhere(userId, filters), " AND ");
  const [rows, counted] = await Promise.all([
    getPrisma().$queryRaw<{ id: string }[]>`SELECT g.id FROM generations g WHERE ${where} ORDER BY g.created_at DESC, g.id DESC LIMIT ${limit}`,
    getPrisma().$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM generations g WHERE ${where}`,
  ]);
  return { ids: rows.map((r) => r.id), total: counted[0]?.total ?? 0 };
}

/**
 * The gallery page query: newest first, keyset-paginated on (createdAt, id) so pages never
 * skip or repeat rows. Each filter has an index ending in (created_at, id), so a page is an
 * index range; the prompt search goes through the trigram index (migration
 * gallery_indexes_trgm). Exported as SQL so a test can EXPLAIN exactly this statement.
 */
export function listGenerationsSql(input: {
  userId: string;
  limit: number;
  cursor?: { createdAt: Date; id: string };
  filters?: GenerationFilters;
}): Prisma.Sql {
  const where = galleryWhere(input.userId, input.filters ?? {});
  if (input.cursor) where.push(Prisma.sql`(g.created_at, g.id) < (${input.cursor.createdAt}::timestamptz, ${input.cursor.id})`);
  return Prisma.sql`
    SELECT g.id, g.created_at AS "createdAt", ${tileJson()} AS tile
    FROM generations g WHERE ${Prisma.join(where, " AND ")}
    ORDER BY g.created_at DESC, g.id DESC
    LIMIT ${limitLiteral(input.limit)}`;
}

/**
 * A page size written into the statement, not sent as a parameter: PGlite runs the page as a
 * named prepared statement (lib/db/pglite-prepared.mjs), and with the LIMIT a parameter
 * PostgreSQL's generic plan is costed for an unknown LIMIT (a tenth of the user's rows), so
 * it never looked cheaper than a custom plan and every run was planned again (about 1 ms of
 * PGlite's thread per page: pg_prepared_statements showed 0 generic plans in 10 800 runs).
 * With the number in the text, the generic plan is chosen after five runs. The gallery asks
 * a handful of sizes (24, 25; the bulk ids' cap), so few statements are prepared.
 */
function limitLiteral(limit: number): Prisma.Sql {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`page size must be a positive integer, got ${limit}`);
  return Prisma.raw(String(limit));
}

export async function listGenerationsForUser(input: Parameters<typeof listGenerationsSql>[0]): Promise<GenerationTileRow[]> {
  const { columnNames, rows } = await queryDirect(listGenerationsSql(input));
  const at = (name: keyof GenerationTileRow) => columnNames.indexOf(name);
  const [id, createdAt, tile] = [at("id"), at("createdAt"), at("tile")];
  return rows.map((row) => {
    // The adapters give a timestamp as ISO text (with its offset), the rest as text.
    const [rowId, rowAt, rowTile] = [row[id], row[createdAt], row[tile]];
    if (typeof rowId !== "string" || typeof rowAt !== "string" || typeof rowTile !== "string") throw new TypeError("a gallery page row came back without its id, time or tile");
    return { id: rowId, createdAt: new Date(rowAt), tile: rowTile };
  });
}
