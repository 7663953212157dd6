-- Data migration: generations and usage entries stored the model id as typed, which may
-- be a documented alias. Rewrite aliases to their canonical ids (lib/catalog/models.ts,
-- MODEL_ALIASES) so prices, usage and the gallery's model filter agree on one id. A
-- generation keeps the name it was asked for in params.requestedModel (lib/generations/params.ts),
-- which the /v1 API echoes as Pixapi does.
CREATE TEMPORARY TABLE "model_aliases" ("alias" TEXT PRIMARY KEY, "canonical" TEXT NOT NULL);
INSERT INTO "model_aliases" ("alias", "canonical") VALUES
  ('nano-banana', 'gemini-2.5-flash-image'),
  ('nano-banana-2', 'gemini-3.1-flash-image-preview'),
  ('nano-banana-pro', 'gemini-3-pro-image-preview');

UPDATE "generations" AS g
  SET "model" = a."canonical", "params" = g."params" || jsonb_build_object('requestedModel', a."alias")
  FROM "model_aliases" AS a WHERE g."model" = a."alias";
UPDATE "usage_entries" AS u SET "model" = a."canonical" FROM "model_aliases" AS a WHERE u."model" = a."alias";

DROP TABLE "model_aliases";
