-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN     "nextStep" TEXT,
ADD COLUMN     "nextStepDueOn" DATE;

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_ownerId_nextStepDueOn_idx" ON "Opportunity"("organizationId", "ownerId", "nextStepDueOn");
