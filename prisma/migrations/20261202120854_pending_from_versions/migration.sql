-- A stored score is pending when its ICP or qualification version is behind the current one (lib/server/qualification/score-currency.ts).
-- Rows flagged pending by an unfinished re-score carry an older version, so they still read as pending: no data to move.
-- DropIndex
DROP INDEX "AccountAssessment_organizationId_pending_idx";

-- DropIndex
DROP INDEX "OpportunityAssessment_organizationId_pending_idx";

-- AlterTable
ALTER TABLE "AccountAssessment" DROP COLUMN "pending";

-- AlterTable
ALTER TABLE "OpportunityAssessment" DROP COLUMN "pending";
