/**
 * The users `npm run bench` signs in as, written in SQL before the studio starts: `count`
 * users `bench-user-<n>`, each with `completed` finished image generations (one output
 * each) and one still running (what a tab polls). The running ones have no upstream task
 * and no lease, so the server's tracker leaves them alone.
 */
import type { SqlRunner } from "./seed-gallery";

export const loadUserId = (n: number) => `bench-user-${n}`;
export const runningGenerationId = (n: number) => `bench-u${n}-running`;

export async function seedUsers(db: SqlRunner, { count, completed }: { count: number; completed: number }): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO users (id, email, updated_at) SELECT 'bench-user-' || u, 'bench-user-' || u || '@example.com', now() FROM generate_series(1, $1::int) AS u`,
    count,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO generations (id, user_id, kind, status, mode, model, prompt, params, estimated_milli, cost_milli, progress, created_at, started_at, completed_at, updated_at)
     SELECT CASE WHEN i = 0 THEN 'bench-u' || u || '-running' ELSE 'bench-u' || u || '-g' || i END,
            'bench-user-' || u, 'image',
            (CASE WHEN i = 0 THEN 'running' ELSE 'completed' END)::generation_status,
            'async', 'gemini-2.5-flash-image',
            'a quiet harbour at dawn, study ' || i, '{"n":1,"size":"1024x1024"}'::jsonb,
            1000, CASE WHEN i = 0 THEN NULL ELSE 1000 END, CASE WHEN i = 0 THEN 40 ELSE 100 END,
            now() - make_interval(secs => i), now() - make_interval(secs => i),
            CASE WHEN i = 0 THEN NULL ELSE now() - make_interval(secs => i) END, now()
     FROM generate_series(1, $1::int) AS u, generate_series(0, $2::int) AS i`,
    count,
    completed,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO media (id, user_id, generation_id, role, kind, mime_type, width, height, bytes, storage_key, thumb_key, sha256, position, created_at)
     SELECT 'bench-u' || u || '-m' || i, 'bench-user-' || u, 'bench-u' || u || '-g' || i, 'output', 'image', 'image/webp', 1024, 1024, 90000,
            'bench/' || u || '/' || i || '.webp', 'bench/' || u || '/' || i || '.thumb.webp', md5(u || '-' || i), 0, now()
     FROM generate_series(1, $1::int) AS u, generate_series(1, $2::int) AS i`,
    count,
    completed,
  );
}
