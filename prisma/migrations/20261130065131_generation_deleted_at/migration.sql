-- AlterTable
ALTER TABLE "generations" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "generations_deleted_at_idx" ON "generations"("deleted_at");
