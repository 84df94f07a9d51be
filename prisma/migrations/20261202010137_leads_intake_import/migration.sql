-- CreateEnum
CREATE TYPE "LeadStatus" AS ENUM ('new', 'accepted', 'nurturing', 'disqualified', 'duplicate');

-- CreateEnum
CREATE TYPE "LeadSource" AS ENUM ('intake_form', 'import', 'manual', 'api');

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "resumeOn" DATE,
ADD COLUMN     "resurfaceReason" TEXT,
ADD COLUMN     "resurfacedAt" TIMESTAMP(3),
ADD COLUMN     "watchFor" TEXT,
ADD COLUMN     "watchedSignals" JSONB;

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "source" "LeadSource" NOT NULL,
    "status" "LeadStatus" NOT NULL DEFAULT 'new',
    "name" TEXT NOT NULL,
    "email" TEXT,
    "title" TEXT,
    "phone" TEXT,
    "companyName" TEXT NOT NULL,
    "domain" TEXT,
    "industry" TEXT,
    "employeeCount" INTEGER,
    "country" TEXT,
    "region" TEXT,
    "fundingStage" TEXT,
    "techStack" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hiringSignals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answers" JSONB NOT NULL DEFAULT '[]',
    "fit" INTEGER NOT NULL,
    "intent" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "icpVersion" INTEGER NOT NULL,
    "scoredAt" TIMESTAMP(3) NOT NULL,
    "ownerId" TEXT,
    "routedBy" TEXT,
    "resumeOn" DATE,
    "watchFor" TEXT,
    "watchedSignals" JSONB,
    "resurfacedAt" TIMESTAMP(3),
    "resurfaceReason" TEXT,
    "disqualifyReason" TEXT,
    "duplicateOfId" TEXT,
    "submissions" INTEGER NOT NULL DEFAULT 1,
    "convertedAt" TIMESTAMP(3),
    "accountId" TEXT,
    "contactId" TEXT,
    "opportunityId" TEXT,
    "importJobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeForm" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "title" TEXT NOT NULL,
    "intro" TEXT,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "questions" JSONB NOT NULL,
    "routing" JSONB NOT NULL,
    "roundRobinCursor" INTEGER NOT NULL DEFAULT 0,
    "duplicateWindowDays" INTEGER NOT NULL DEFAULT 30,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntakeForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "source" TEXT,
    "headers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRowResult" (
    "jobId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT,
    "recordId" TEXT,

    CONSTRAINT "ImportRowResult_pkey" PRIMARY KEY ("jobId","row")
);

-- CreateIndex
CREATE INDEX "Lead_organizationId_status_fit_idx" ON "Lead"("organizationId", "status", "fit");

-- CreateIndex
CREATE INDEX "Lead_organizationId_ownerId_status_idx" ON "Lead"("organizationId", "ownerId", "status");

-- CreateIndex
CREATE INDEX "Lead_organizationId_email_idx" ON "Lead"("organizationId", "email");

-- CreateIndex
CREATE INDEX "Lead_organizationId_domain_idx" ON "Lead"("organizationId", "domain");

-- CreateIndex
CREATE INDEX "Lead_organizationId_createdAt_idx" ON "Lead"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeForm_organizationId_key" ON "IntakeForm"("organizationId");

-- CreateIndex
CREATE INDEX "RateLimitBucket_windowStart_idx" ON "RateLimitBucket"("windowStart");

-- CreateIndex
CREATE INDEX "ImportJob_organizationId_createdAt_idx" ON "ImportJob"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ImportRowResult" ADD CONSTRAINT "ImportRowResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
