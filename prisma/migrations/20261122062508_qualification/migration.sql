-- CreateEnum
CREATE TYPE "FrameworkKey" AS ENUM ('bant', 'meddicc', 'meddpicc', 'spiced', 'champ', 'custom');

-- CreateEnum
CREATE TYPE "EvidenceState" AS ENUM ('unknown', 'claimed', 'verified', 'negative');

-- CreateEnum
CREATE TYPE "StakeholderRole" AS ENUM ('economic_buyer', 'champion', 'decision_maker', 'influencer', 'blocker', 'user', 'procurement');

-- CreateEnum
CREATE TYPE "StageChangeOutcome" AS ENUM ('allowed', 'overridden');

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "originalCloseDate" DATE;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "customFramework" JSONB,
ADD COLUMN     "frameworkKey" "FrameworkKey" NOT NULL DEFAULT 'meddpicc',
ADD COLUMN     "requalificationThresholds" JSONB;

-- CreateTable
CREATE TABLE "PipelineStage" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,
    "kind" TEXT NOT NULL,
    "exit" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PipelineStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IcpVersion" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "pursueThreshold" INTEGER NOT NULL,
    "disqualifyBelow" INTEGER,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IcpVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionState" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "state" "EvidenceState" NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriterionState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "state" "EvidenceState" NOT NULL,
    "noteId" TEXT,
    "contactId" TEXT,
    "excerpt" TEXT NOT NULL,
    "capturedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "capturedById" TEXT NOT NULL,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionChange" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "fromState" "EvidenceState" NOT NULL,
    "toState" "EvidenceState" NOT NULL,
    "actorId" TEXT NOT NULL,
    "reason" TEXT,
    "evidenceId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriterionChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "role" "StakeholderRole" NOT NULL,
    "lastEngagedAt" TIMESTAMP(3),
    "championTested" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "addedById" TEXT NOT NULL,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "outcome" "StageChangeOutcome" NOT NULL,
    "blockers" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateOverride" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "stageKey" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "GateOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSnapshot" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "fit" INTEGER NOT NULL,
    "intent" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStage_organizationId_key_key" ON "PipelineStage"("organizationId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStage_organizationId_position_key" ON "PipelineStage"("organizationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "IcpVersion_organizationId_version_key" ON "IcpVersion"("organizationId", "version");

-- CreateIndex
CREATE INDEX "CriterionState_organizationId_criterionId_state_idx" ON "CriterionState"("organizationId", "criterionId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CriterionState_opportunityId_criterionId_key" ON "CriterionState"("opportunityId", "criterionId");

-- CreateIndex
CREATE INDEX "Evidence_opportunityId_criterionId_capturedAt_idx" ON "Evidence"("opportunityId", "criterionId", "capturedAt");

-- CreateIndex
CREATE INDEX "CriterionChange_opportunityId_at_idx" ON "CriterionChange"("opportunityId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Stakeholder_opportunityId_contactId_role_key" ON "Stakeholder"("opportunityId", "contactId", "role");

-- CreateIndex
CREATE INDEX "StageChange_opportunityId_at_idx" ON "StageChange"("opportunityId", "at");

-- CreateIndex
CREATE INDEX "StageChange_organizationId_at_idx" ON "StageChange"("organizationId", "at");

-- CreateIndex
CREATE INDEX "GateOverride_opportunityId_idx" ON "GateOverride"("opportunityId");

-- CreateIndex
CREATE INDEX "ScoreSnapshot_opportunityId_at_idx" ON "ScoreSnapshot"("opportunityId", "at");

-- AddForeignKey
ALTER TABLE "PipelineStage" ADD CONSTRAINT "PipelineStage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IcpVersion" ADD CONSTRAINT "IcpVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IcpVersion" ADD CONSTRAINT "IcpVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionState" ADD CONSTRAINT "CriterionState_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionChange" ADD CONSTRAINT "CriterionChange_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Stakeholder" ADD CONSTRAINT "Stakeholder_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateOverride" ADD CONSTRAINT "GateOverride_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSnapshot" ADD CONSTRAINT "ScoreSnapshot_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
