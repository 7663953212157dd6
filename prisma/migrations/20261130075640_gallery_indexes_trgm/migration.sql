-- Trigram matching for prompt search (a trusted extension since PostgreSQL 13: the database
-- owner may create it, and PGlite bundles it). Written by hand: the schema diff does not manage extensions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "generations_user_id_created_at_idx";

-- CreateIndex
CREATE INDEX "generations_user_id_created_at_id_idx" ON "generations"("user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "generations_user_id_model_created_at_id_idx" ON "generations"("user_id", "model", "created_at", "id");

-- CreateIndex
CREATE INDEX "generations_user_id_kind_created_at_id_idx" ON "generations"("user_id", "kind", "created_at", "id");

-- CreateIndex
CREATE INDEX "generations_user_id_status_created_at_id_idx" ON "generations"("user_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "generations_prompt_trgm_idx" ON "generations" USING GIN ("prompt" gin_trgm_ops);
