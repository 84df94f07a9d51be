-- CreateEnum
CREATE TYPE "RecapAnswer" AS ENUM ('confirm', 'correct', 'not_right');

-- CreateTable
CREATE TABLE "Recap" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "points" JSONB NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "sentAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "Recap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecapResponse" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "recapId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "answer" "RecapAnswer" NOT NULL,
    "outcome" "EvidenceState" NOT NULL,
    "text" TEXT,
    "evidenceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecapResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Recap_tokenHash_key" ON "Recap"("tokenHash");

-- CreateIndex
CREATE INDEX "Recap_opportunityId_createdAt_idx" ON "Recap"("opportunityId", "createdAt");

-- CreateIndex
CREATE INDEX "RecapResponse_opportunityId_createdAt_idx" ON "RecapResponse"("opportunityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecapResponse_recapId_criterionId_key" ON "RecapResponse"("recapId", "criterionId");

-- AddForeignKey
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecapResponse" ADD CONSTRAINT "RecapResponse_recapId_fkey" FOREIGN KEY ("recapId") REFERENCES "Recap"("id") ON DELETE CASCADE ON UPDATE CASCADE;
