-- AlterTable
ALTER TABLE "generations" ADD COLUMN     "ingest_attempts" INTEGER NOT NULL DEFAULT 0;
