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

-- CreateTable
CREATE TABLE "Recap" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "points" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Recap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecapResponse" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "recapId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecapResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "StakeholderActivity_opportunityId_happenedAt_idx" ON "StakeholderActivity"("opportunityId", "happenedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Recap_tokenHash_key" ON "Recap"("tokenHash");

-- CreateIndex
CREATE INDEX "Recap_opportunityId_createdAt_idx" ON "Recap"("opportunityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecapResponse_recapId_criterionId_key" ON "RecapResponse"("recapId", "criterionId");

-- AddForeignKey
ALTER TABLE "StakeholderActivity" ADD CONSTRAINT "StakeholderActivity_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecapResponse" ADD CONSTRAINT "RecapResponse_recapId_fkey" FOREIGN KEY ("recapId") REFERENCES "Recap"("id") ON DELETE CASCADE ON UPDATE CASCADE;
