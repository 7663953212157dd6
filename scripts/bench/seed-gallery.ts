/**
 * Seeds a large gallery straight in SQL (generate_series), the way no API client could in
 * reasonable time: `rows` generations, every `ownerEvery`-th one belonging to `userId` and
 * the rest to `otherUserId`, one output image each for the owner's. Prompts repeat a few
 * words (so searches hit) plus a per-row hash (so trigrams are selective); models, kinds and
 * statuses rotate. Used by `npm run bench` and the query-plan test.
 */
import { fillTileMediaSql } from "../../lib/db/queries/generation-reads";

export const SEED_MODELS = ["gpt-image-2", "gemini-2.5-flash-image", "seedream-4", "kling-2.1"] as const;
export const SEED_HIT_WORD = "lighthouse";
export const SEED_MISS_WORD = "zyxwvutsrq";

export interface SqlRunner {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}

/**
 * Runs `fill` with the secondary indexes of `tables` dropped, then builds them again from
 * their own definitions: one sorted build per index is many times faster than keeping each
 * index (the trigram one above all) up to date row by row. Unique indexes and primary keys stay.
 */
export async function withIndexesDropped(db: SqlRunner, tables: string[], fill: () => Promise<void>): Promise<void> {
  const indexes = await db.$queryRawUnsafe<{ name: string; def: string }[]>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[]) AND NOT x.indisunique`,
    tables,
  );
  for (const { name } of indexes) await db.$executeRawUnsafe(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  try {
    await fill();
  } finally {
    for (const { def } of indexes) await db.$executeRawUnsafe(def);
  }
}

export async function seedGallery(db: SqlRunner, { userId, otherUserId, rows, ownerEvery }: { userId: string; otherUserId: string; rows: number; ownerEvery: number }): Promise<void> {
  await withIndexesDropped(db, ["generations", "media"], () => insertGallery(db, { userId, otherUserId, rows, ownerEvery }));
  // The tile media the studio stores with its writes, for every seeded row still without
  // them (the owner's here, and the bench's load users seeded before).
  const fill = fillTileMediaSql();
  await db.$executeRawUnsafe(fill.text, ...fill.values);
  // A table that has just taken a million rows in one go is due a vacuum, which PostgreSQL's
  // autovacuum would start in the middle of the measurements (on 2 cores, against the load);
  // a gallery in service has long had its. Vacuumed and analyzed here, then checkpointed, the
  // runs measure the studio, not the bulk load's housekeeping.
  await db.$executeRawUnsafe("VACUUM (ANALYZE) generations");
  await db.$executeRawUnsafe("VACUUM (ANALYZE) media");
  // Needs superuser (or pg_checkpoint) on PostgreSQL: a database given by URL may refuse it.
  await db.$executeRawUnsafe("CHECKPOINT").catch(() => 0);
}

async function insertGallery(db: SqlRunner, { userId, otherUserId, rows, ownerEvery }: { userId: string; otherUserId: string; rows: number; ownerEvery: number }): Promise<void> {
  const models = `ARRAY[${SEED_MODELS.map((m) => `'${m}'`).join(",")}]`;
  await db.$executeRawUnsafe(
    `INSERT INTO generations (id, user_id, kind, status, mode, model, prompt, params, estimated_milli, cost_milli, progress, created_at, completed_at, updated_at, tile_inputs, tile_outputs)
     SELECT 'seed' || i,
            CASE WHEN i % $3::int = 0 THEN $1 ELSE $2 END,
            (ARRAY['image','edit','video'])[1 + (i / $3::int) % 3]::generation_kind,
            (CASE WHEN i % 997 = 0 THEN 'running' WHEN i % 101 = 0 THEN 'failed' ELSE 'completed' END)::generation_status,
            'async',
            (${models})[1 + (i / 7) % 4],
            'a ' || (ARRAY['red','blue','amber','violet','green'])[1 + i % 5] || ' ${SEED_HIT_WORD} at dusk, detail ' || md5(i::text),
            '{"n":1,"size":"1024x1024"}'::jsonb,
            40000, 40000, 100,
            now() - make_interval(secs => i),
            now() - make_interval(secs => i),
            now(),
            -- As the studio writes them: the other user's rows have no media (and a running
            -- one no outputs yet); the owner's, with their media, are filled after the media.
            CASE WHEN i % $3::int = 0 THEN NULL ELSE '[]'::json END,
            CASE WHEN i % $3::int = 0 OR i % 997 = 0 THEN NULL ELSE '[]'::json END
     FROM generate_series(1, $4::int) AS i`,
    userId,
    otherUserId,
    ownerEvery,
    rows,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO media (id, user_id, generation_id, role, kind, mime_type, width, height, bytes, storage_key, thumb_key, sha256, position, created_at)
     SELECT 'seedm' || i, $1, 'seed' || i, 'output', 'image', 'image/webp', 1024, 1024, 90000, 'seed/' || i || '.webp', 'seed/' || i || '.thumb.webp', md5(i::text), 0, now()
     FROM generate_series($2::int, $3::int, $2::int) AS i`,
    userId,
    ownerEvery,
    rows,
  );
}
