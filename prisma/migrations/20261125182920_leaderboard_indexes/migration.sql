BEGIN;

-- DropIndex
DROP INDEX "Activity_programId_status_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Activity_programId_status_occurredAt_memberId_points_idx" ON "Activity"("programId", "status", "occurredAt", "memberId", "points");

-- CreateIndex
CREATE INDEX "Activity_programId_status_memberId_points_idx" ON "Activity"("programId", "status", "memberId", "points");

COMMIT;
