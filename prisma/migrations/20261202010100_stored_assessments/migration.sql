-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "qualificationVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "OpportunityAssessment" (
    "opportunityId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fit" INTEGER NOT NULL,
    "intent" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "riskLevel" TEXT,
    "flagKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "maxSeverity" TEXT,
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "gaps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nextStage" TEXT,
    "blockerCount" INTEGER NOT NULL DEFAULT 0,
    "band" TEXT NOT NULL,
    "stageProbability" DOUBLE PRECISION NOT NULL,
    "adjustedProbability" DOUBLE PRECISION NOT NULL,
    "adjustedAmount" DECIMAL(16,2) NOT NULL,
    "result" JSONB NOT NULL,
    "icpVersion" INTEGER NOT NULL,
    "qualificationVersion" INTEGER NOT NULL,
    "engineVersion" INTEGER NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpportunityAssessment_pkey" PRIMARY KEY ("opportunityId")
);

-- CreateTable
CREATE TABLE "AccountAssessment" (
    "accountId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "fit" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "icpVersion" INTEGER NOT NULL,
    "engineVersion" INTEGER NOT NULL,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountAssessment_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "JobProgress" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "startedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "JobProgress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OpportunityAssessment_organizationId_verdict_idx" ON "OpportunityAssessment"("organizationId", "verdict");

-- CreateIndex
CREATE INDEX "OpportunityAssessment_organizationId_riskLevel_idx" ON "OpportunityAssessment"("organizationId", "riskLevel");

-- CreateIndex
CREATE INDEX "OpportunityAssessment_organizationId_pending_idx" ON "OpportunityAssessment"("organizationId", "pending");

-- CreateIndex
CREATE INDEX "AccountAssessment_organizationId_fit_idx" ON "AccountAssessment"("organizationId", "fit");

-- CreateIndex
CREATE INDEX "AccountAssessment_organizationId_pending_idx" ON "AccountAssessment"("organizationId", "pending");

-- CreateIndex
CREATE INDEX "JobProgress_organizationId_kind_createdAt_idx" ON "JobProgress"("organizationId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "OpportunityAssessment" ADD CONSTRAINT "OpportunityAssessment_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountAssessment" ADD CONSTRAINT "AccountAssessment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
