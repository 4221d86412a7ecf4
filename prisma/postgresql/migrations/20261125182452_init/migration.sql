BEGIN;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "NoQuorumPolicy" AS ENUM ('EXTEND_ONCE', 'REJECT', 'STAFF');

-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('SHORT', 'PARAGRAPH');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('VOTING', 'AWAITING_STAFF', 'ACCEPTED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('APPROVE', 'REJECT', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "AmbassadorStatus" AS ENUM ('ACTIVE', 'REMOVED');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ScheduleKind" AS ENUM ('ONE_OFF', 'RECURRING');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('CLAIMED', 'SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "Member" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" SERIAL NOT NULL,
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
    "noQuorumPolicy" "NoQuorumPolicy" NOT NULL DEFAULT 'EXTEND_ONCE',
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "emojiApprove" TEXT NOT NULL DEFAULT '✅',
    "emojiReject" TEXT NOT NULL DEFAULT '❌',
    "emojiAbstain" TEXT NOT NULL DEFAULT '🤔',
    "announceAcceptances" BOOLEAN NOT NULL DEFAULT false,
    "leaderboardCron" TEXT NOT NULL DEFAULT '0 9 * * 1',
    "leaderboardSize" INTEGER NOT NULL DEFAULT 10,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormQuestion" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "kind" "QuestionKind" NOT NULL DEFAULT 'SHORT',
    "required" BOOLEAN NOT NULL DEFAULT true,
    "minLength" INTEGER NOT NULL DEFAULT 0,
    "maxLength" INTEGER NOT NULL DEFAULT 1000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FormQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectionReason" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "RejectionReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" SERIAL NOT NULL,
    "ref" TEXT NOT NULL,
    "programId" INTEGER NOT NULL,
    "applicantId" INTEGER NOT NULL,
    "referrerId" INTEGER,
    "openKey" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'VOTING',
    "answers" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "votingEndsAt" TIMESTAMP(3) NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "committeeChannelId" TEXT,
    "committeeMessageId" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" INTEGER,
    "decisionReason" TEXT,
    "decisionNote" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "voterId" INTEGER NOT NULL,
    "choice" "VoteChoice" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ambassador" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "applicationId" INTEGER,
    "status" "AmbassadorStatus" NOT NULL DEFAULT 'ACTIVE',
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "leaderboardOptOut" BOOLEAN NOT NULL DEFAULT false,
    "grantedAt" TIMESTAMP(3),
    "grantError" TEXT,

    CONSTRAINT "Ambassador_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "objectiveMetric" TEXT,
    "objectiveTarget" INTEGER,
    "ctaUrl" TEXT,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "channelIds" JSONB NOT NULL,
    "ambassadorsOnly" BOOLEAN NOT NULL DEFAULT true,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledPost" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "kind" "ScheduleKind" NOT NULL,
    "runAt" TIMESTAMP(3),
    "cron" TEXT,
    "recurrence" TEXT,
    "timeZone" TEXT NOT NULL,
    "graceMinutes" INTEGER NOT NULL DEFAULT 360,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "jobKey" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'CLAIMED',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityKind" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "pointsPerUnit" INTEGER NOT NULL DEFAULT 1,
    "unitSize" INTEGER NOT NULL DEFAULT 1,
    "maxAmount" INTEGER NOT NULL DEFAULT 1000000,
    "autoVerify" BOOLEAN NOT NULL DEFAULT false,
    "campaignId" INTEGER,

    CONSTRAINT "ActivityKind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "kindId" INTEGER NOT NULL,
    "campaignId" INTEGER,
    "amount" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "link" TEXT,
    "note" TEXT,
    "status" "ActivityStatus" NOT NULL DEFAULT 'PENDING',
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loggedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewReason" TEXT,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reason" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxItem" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "doneAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "StaffMember" ADD CONSTRAINT "StaffMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormQuestion" ADD CONSTRAINT "FormQuestion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejectionReason" ADD CONSTRAINT "RejectionReason_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ambassador" ADD CONSTRAINT "Ambassador_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ambassador" ADD CONSTRAINT "Ambassador_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ambassador" ADD CONSTRAINT "Ambassador_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledPost" ADD CONSTRAINT "ScheduledPost_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityKind" ADD CONSTRAINT "ActivityKind_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityKind" ADD CONSTRAINT "ActivityKind_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "ActivityKind"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

COMMIT;
