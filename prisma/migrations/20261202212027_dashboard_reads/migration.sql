-- CreateTable
CREATE TABLE "TrendReport" (
    "organizationId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrendReport_pkey" PRIMARY KEY ("organizationId","scope")
);

-- CreateIndex
CREATE INDEX "Evidence_organizationId_state_capturedAt_idx" ON "Evidence"("organizationId", "state", "capturedAt");

-- CreateIndex
CREATE INDEX "OpportunityAssessment_dashboard_idx" ON "OpportunityAssessment"("opportunityId", "riskLevel", "verdict", "band", "intent", "icpVersion", "qualificationVersion");

-- AddForeignKey
ALTER TABLE "TrendReport" ADD CONSTRAINT "TrendReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
