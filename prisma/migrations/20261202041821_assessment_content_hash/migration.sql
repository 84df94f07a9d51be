-- AlterTable
ALTER TABLE "AccountAssessment" ADD COLUMN     "contentHash" TEXT;

-- AlterTable
ALTER TABLE "OpportunityAssessment" ADD COLUMN     "contentHash" TEXT;

-- CreateIndex
CREATE INDEX "OpportunityAssessment_flagKinds_idx" ON "OpportunityAssessment" USING GIN ("flagKinds");
