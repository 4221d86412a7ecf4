BEGIN;

-- CreateTable
CREATE TABLE "InboundClaim" (
    "key" TEXT NOT NULL,
    "variant" TEXT NOT NULL DEFAULT '',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "work" JSONB,

    CONSTRAINT "InboundClaim_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "FormDraft" (
    "token" TEXT NOT NULL,
    "personKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormDraft_pkey" PRIMARY KEY ("token")
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
