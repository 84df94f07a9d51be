-- CreateTable
CREATE TABLE "StoredReport" (
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoredReport_pkey" PRIMARY KEY ("organizationId","kind","scope")
);

-- CreateIndex
CREATE INDEX "Evidence_organizationId_state_capturedAt_idx" ON "Evidence"("organizationId", "state", "capturedAt");

-- CreateIndex
CREATE INDEX "OpportunityAssessment_dashboard_idx" ON "OpportunityAssessment"("opportunityId", "riskLevel", "verdict", "band", "intent", "icpVersion", "qualificationVersion");

-- AddForeignKey
ALTER TABLE "StoredReport" ADD CONSTRAINT "StoredReport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
