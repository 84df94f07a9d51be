-- CreateEnum
CREATE TYPE "EvidenceBasis" AS ENUM ('self_attested', 'contact_statement', 'document', 'buyer_confirmed', 'manager_reviewed');

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "basis" "EvidenceBasis" NOT NULL DEFAULT 'self_attested',
ADD COLUMN     "challengeReason" TEXT,
ADD COLUMN     "challengedAt" TIMESTAMP(3),
ADD COLUMN     "challengedById" TEXT,
ADD COLUMN     "documentRef" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "overrideMaxDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "StakeholderActivity" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "stakeholderId" TEXT,
    "contactId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT,
    "summary" TEXT NOT NULL,
    "happenedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StakeholderActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StakeholderActivity_opportunityId_happenedAt_idx" ON "StakeholderActivity"("opportunityId", "happenedAt");

-- AddForeignKey
ALTER TABLE "StakeholderActivity" ADD CONSTRAINT "StakeholderActivity_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
