-- AlterTable
ALTER TABLE "OpportunityAssessment" ADD COLUMN     "reassessAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OpportunityAssessment_organizationId_reassessAt_idx" ON "OpportunityAssessment"("organizationId", "reassessAt");
