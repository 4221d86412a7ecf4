BEGIN;

-- CreateTable
CREATE TABLE "Pulse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "comment" BOOLEAN NOT NULL DEFAULT false,
    "audience" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT true,
    "recurrence" TEXT,
    "recurrenceText" TEXT,
    "openMinutes" INTEGER NOT NULL,
    "stoppedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Pulse_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PulseRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pulseId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "remindAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "invited" INTEGER NOT NULL DEFAULT 0,
    "salt" TEXT,
    "remindedAt" DATETIME,
    "closedAt" DATETIME,
    "results" TEXT,
    CONSTRAINT "PulseRound_pulseId_fkey" FOREIGN KEY ("pulseId") REFERENCES "Pulse" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PulseInvite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    CONSTRAINT "PulseInvite_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PulseRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PulseInvite_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PulseAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "voterHash" TEXT,
    "value" INTEGER,
    "text" TEXT,
    "comment" TEXT,
    CONSTRAINT "PulseAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PulseRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PulseAnswer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Pulse_programId_id_idx" ON "Pulse"("programId", "id");

-- CreateIndex
CREATE INDEX "PulseRound_status_opensAt_idx" ON "PulseRound"("status", "opensAt");

-- CreateIndex
CREATE UNIQUE INDEX "PulseRound_pulseId_number_key" ON "PulseRound"("pulseId", "number");

-- CreateIndex
CREATE INDEX "PulseInvite_memberId_idx" ON "PulseInvite"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PulseInvite_roundId_memberId_key" ON "PulseInvite"("roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PulseAnswer_roundId_memberId_key" ON "PulseAnswer"("roundId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PulseAnswer_roundId_voterHash_key" ON "PulseAnswer"("roundId", "voterHash");

COMMIT;
