BEGIN;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "erasedAt" DATETIME;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN "retentionDays" INTEGER DEFAULT 180;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "answersErasedAt" DATETIME;

COMMIT;
