BEGIN;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "lastProblem" TEXT,
ADD COLUMN     "lastProblemAt" TIMESTAMP(3),
ADD COLUMN     "staffChannelId" TEXT;

-- CreateTable
CREATE TABLE "ConsoleMessage" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "reactions" JSONB NOT NULL,
    "postKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsoleMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsoleMessage_postKey_key" ON "ConsoleMessage"("postKey");

-- CreateIndex
CREATE INDEX "ConsoleMessage_channel_id_idx" ON "ConsoleMessage"("channel", "id");

COMMIT;
