BEGIN;

-- CreateTable
CREATE TABLE "InboundClaim" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "variant" TEXT NOT NULL DEFAULT '',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "work" JSONB
);

-- CreateTable
CREATE TABLE "FormDraft" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "personKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "InboundClaim_doneAt_leaseUntil_idx" ON "InboundClaim"("doneAt", "leaseUntil");

-- CreateIndex
CREATE INDEX "InboundClaim_claimedAt_idx" ON "InboundClaim"("claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FormDraft_personKey_key" ON "FormDraft"("personKey");

-- CreateIndex
CREATE INDEX "FormDraft_expiresAt_idx" ON "FormDraft"("expiresAt");

COMMIT;
