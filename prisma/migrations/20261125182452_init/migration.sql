BEGIN;

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "joinedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Program" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "why" TEXT NOT NULL,
    "objectiveText" TEXT NOT NULL,
    "objectiveMetric" TEXT NOT NULL,
    "objectiveTarget" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "committeeChannelId" TEXT,
    "committeeRef" TEXT,
    "ambassadorTarget" TEXT,
    "announceChannelId" TEXT,
    "timeZone" TEXT NOT NULL,
    "applicationsOpen" BOOLEAN NOT NULL DEFAULT true,
    "reapplyCooldownDays" INTEGER NOT NULL DEFAULT 90,
    "quorum" INTEGER NOT NULL DEFAULT 3,
    "thresholdNumerator" INTEGER NOT NULL DEFAULT 2,
    "thresholdDenominator" INTEGER NOT NULL DEFAULT 3,
    "votingWindowHours" INTEGER NOT NULL DEFAULT 72,
    "noQuorumPolicy" TEXT NOT NULL DEFAULT 'EXTEND_ONCE',
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "emojiApprove" TEXT NOT NULL DEFAULT '✅',
    "emojiReject" TEXT NOT NULL DEFAULT '❌',
    "emojiAbstain" TEXT NOT NULL DEFAULT '🤔',
    "announceAcceptances" BOOLEAN NOT NULL DEFAULT false,
    "leaderboardCron" TEXT NOT NULL DEFAULT '0 9 * * 1',
    "leaderboardSize" INTEGER NOT NULL DEFAULT 10,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommitteeMember_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitteeMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FormQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'SHORT',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "minLength" INTEGER NOT NULL DEFAULT 0,
    "maxLength" INTEGER NOT NULL DEFAULT 1000,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FormQuestion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RejectionReason" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "RejectionReason_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Application" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ref" TEXT NOT NULL,
    "programId" INTEGER NOT NULL,
    "applicantId" INTEGER NOT NULL,
    "referrerId" INTEGER,
    "openKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'VOTING',
    "answers" JSONB NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "votingEndsAt" DATETIME NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "committeeChannelId" TEXT,
    "committeeMessageId" TEXT,
    "reminderSentAt" DATETIME,
    "decidedAt" DATETIME,
    "decidedById" INTEGER,
    "decisionReason" TEXT,
    "decisionNote" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Application_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" INTEGER NOT NULL,
    "voterId" INTEGER NOT NULL,
    "choice" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Vote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ambassador" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "applicationId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "since" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false,
    "grantedAt" DATETIME,
    "grantError" TEXT,
    CONSTRAINT "Ambassador_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ambassador_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ambassador_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "objectiveMetric" TEXT,
    "objectiveTarget" INTEGER,
    "ctaUrl" TEXT,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "channelIds" JSONB NOT NULL,
    "ambassadorsOnly" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledPost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "runAt" DATETIME,
    "cron" TEXT,
    "recurrence" TEXT,
    "timeZone" TEXT NOT NULL,
    "graceMinutes" INTEGER NOT NULL DEFAULT 360,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ScheduledPost_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobKey" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'CLAIMED',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "ActivityKind" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "pointsPerUnit" INTEGER NOT NULL DEFAULT 1,
    "unitSize" INTEGER NOT NULL DEFAULT 1,
    "maxAmount" INTEGER NOT NULL DEFAULT 1000000,
    "autoVerify" BOOLEAN NOT NULL DEFAULT false,
    "campaignId" INTEGER,
    CONSTRAINT "ActivityKind_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActivityKind_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "kindId" INTEGER NOT NULL,
    "campaignId" INTEGER,
    "amount" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "link" TEXT,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loggedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" INTEGER,
    "reviewedAt" DATETIME,
    "reviewReason" TEXT,
    CONSTRAINT "Activity_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "ActivityKind" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Activity_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reason" TEXT,
    "data" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "doneAt" DATETIME,
    "failedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" DATETIME,
    CONSTRAINT "Notice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Member_platform_workspaceId_platformUserId_key" ON "Member"("platform", "workspaceId", "platformUserId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_memberId_key" ON "StaffMember"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Program_platform_workspaceId_name_key" ON "Program"("platform", "workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMember_programId_memberId_key" ON "CommitteeMember"("programId", "memberId");

-- CreateIndex
CREATE INDEX "FormQuestion_programId_position_idx" ON "FormQuestion"("programId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RejectionReason_programId_code_key" ON "RejectionReason"("programId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Application_ref_key" ON "Application"("ref");

-- CreateIndex
CREATE UNIQUE INDEX "Application_openKey_key" ON "Application"("openKey");

-- CreateIndex
CREATE INDEX "Application_programId_status_idx" ON "Application"("programId", "status");

-- CreateIndex
CREATE INDEX "Application_applicantId_idx" ON "Application"("applicantId");

-- CreateIndex
CREATE INDEX "Application_committeeChannelId_committeeMessageId_idx" ON "Application"("committeeChannelId", "committeeMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_applicationId_voterId_key" ON "Vote"("applicationId", "voterId");

-- CreateIndex
CREATE UNIQUE INDEX "Ambassador_applicationId_key" ON "Ambassador"("applicationId");

-- CreateIndex
CREATE INDEX "Ambassador_programId_status_idx" ON "Ambassador"("programId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Ambassador_programId_memberId_key" ON "Ambassador"("programId", "memberId");

-- CreateIndex
CREATE INDEX "ScheduledPost_campaignId_idx" ON "ScheduledPost"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_jobKey_period_key" ON "JobRun"("jobKey", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityKind_programId_key_key" ON "ActivityKind"("programId", "key");

-- CreateIndex
CREATE INDEX "Activity_programId_status_occurredAt_idx" ON "Activity"("programId", "status", "occurredAt");

-- CreateIndex
CREATE INDEX "Activity_programId_memberId_idx" ON "Activity"("programId", "memberId");

-- CreateIndex
CREATE INDEX "Activity_link_idx" ON "Activity"("link");

-- CreateIndex
CREATE INDEX "AuditEvent_programId_createdAt_idx" ON "AuditEvent"("programId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxItem_doneAt_failedAt_nextAttemptAt_idx" ON "OutboxItem"("doneAt", "failedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notice_memberId_deliveredAt_idx" ON "Notice"("memberId", "deliveredAt");

COMMIT;
