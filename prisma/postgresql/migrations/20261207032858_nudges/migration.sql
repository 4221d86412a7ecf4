BEGIN;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "nudgeAfterWeeks" INTEGER;

-- AlterTable
ALTER TABLE "Ambassador" ADD COLUMN     "nudgesOff" BOOLEAN NOT NULL DEFAULT false;

COMMIT;
