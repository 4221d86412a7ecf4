BEGIN;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN "nudgeAfterWeeks" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ambassador" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "applicationId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "since" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false,
    "nudgesOff" BOOLEAN NOT NULL DEFAULT false,
    "grantedAt" DATETIME,
    "grantError" TEXT,
    CONSTRAINT "Ambassador_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ambassador_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ambassador_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ambassador" ("applicationId", "grantError", "grantedAt", "id", "leaderboardOptOut", "memberId", "programId", "removedAt", "since", "status") SELECT "applicationId", "grantError", "grantedAt", "id", "leaderboardOptOut", "memberId", "programId", "removedAt", "since", "status" FROM "Ambassador";
DROP TABLE "Ambassador";
ALTER TABLE "new_Ambassador" RENAME TO "Ambassador";
CREATE UNIQUE INDEX "Ambassador_applicationId_key" ON "Ambassador"("applicationId");
CREATE INDEX "Ambassador_programId_status_idx" ON "Ambassador"("programId", "status");
CREATE UNIQUE INDEX "Ambassador_programId_memberId_key" ON "Ambassador"("programId", "memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

COMMIT;
