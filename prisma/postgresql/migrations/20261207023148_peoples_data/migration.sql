BEGIN;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "retentionDays" INTEGER DEFAULT 180;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "answersErasedAt" TIMESTAMP(3);

COMMIT;
