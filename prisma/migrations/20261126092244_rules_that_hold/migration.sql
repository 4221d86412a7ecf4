BEGIN;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN "lastProblem" TEXT;
ALTER TABLE "Program" ADD COLUMN "lastProblemAt" DATETIME;
ALTER TABLE "Program" ADD COLUMN "staffChannelId" TEXT;

-- CreateTable
CREATE TABLE "ConsoleMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "reactions" JSONB NOT NULL,
    "postKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsoleMessage_postKey_key" ON "ConsoleMessage"("postKey");

-- CreateIndex
CREATE INDEX "ConsoleMessage_channel_id_idx" ON "ConsoleMessage"("channel", "id");

COMMIT;
