-- DropIndex
DROP INDEX "OpportunityAssessment_organizationId_riskLevel_idx";

-- DropIndex
DROP INDEX "OpportunityAssessment_organizationId_verdict_idx";
