-- The gallery tile's media, written with the media (lib/db/queries/generations.ts) and read
-- by a gallery page instead of being built from the media table per tile per read.
ALTER TABLE "generations" ADD COLUMN "tile_inputs" JSON,
ADD COLUMN "tile_outputs" JSON;

-- Existing rows, built as lib/db/queries/generation-reads.ts tileMediaObject builds them
-- (fillTileMediaSql there is the same statement for rows written outside the studio).
UPDATE "generations" g SET
  "tile_inputs" = COALESCE((
    SELECT json_agg(json_build_object(
      'id', m.id, 'kind', m.kind, 'role', m.role, 'mimeType', m.mime_type, 'width', m.width, 'height', m.height,
      'durationMs', m.duration_ms, 'bytes', m.bytes,
      'url', '/api/media/' || m.id, 'thumbUrl', '/api/media/' || m.id || '?variant=thumb', 'downloadUrl', '/api/media/' || m.id || '?download=1')
      ORDER BY m.position)
    FROM "media" m WHERE m.generation_id = g.id AND m.role = 'input'), '[]'::json),
  "tile_outputs" = CASE WHEN g.status IN ('completed', 'failed') THEN COALESCE((
    SELECT json_agg(json_build_object(
      'id', m.id, 'kind', m.kind, 'role', m.role, 'mimeType', m.mime_type, 'width', m.width, 'height', m.height,
      'durationMs', m.duration_ms, 'bytes', m.bytes,
      'url', '/api/media/' || m.id, 'thumbUrl', '/api/media/' || m.id || '?variant=thumb', 'downloadUrl', '/api/media/' || m.id || '?download=1')
      ORDER BY m.position)
    FROM "media" m WHERE m.generation_id = g.id AND m.role = 'output'), '[]'::json) END;
