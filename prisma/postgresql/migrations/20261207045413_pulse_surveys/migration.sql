BEGIN;

-- CreateTable
CREATE TABLE "Pulse" (
    "id" SERIAL NOT NULL,
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
    "stoppedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pulse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseRound" (
    "id" SERIAL NOT NULL,
    "pulseId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "remindAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "invited" INTEGER NOT NULL DEFAULT 0,
    "salt" TEXT,
    "remindedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "results" TEXT,

    CONSTRAINT "PulseRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseInvite" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    CONSTRAINT "PulseInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PulseAnswer" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "memberId" INTEGER,
    "voterHash" TEXT,
    "value" INTEGER,
    "text" TEXT,
    "comment" TEXT,

    CONSTRAINT "PulseAnswer_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Pulse" ADD CONSTRAINT "Pulse_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseRound" ADD CONSTRAINT "PulseRound_pulseId_fkey" FOREIGN KEY ("pulseId") REFERENCES "Pulse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseInvite" ADD CONSTRAINT "PulseInvite_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PulseRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseInvite" ADD CONSTRAINT "PulseInvite_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PulseRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulseAnswer" ADD CONSTRAINT "PulseAnswer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

COMMIT;
