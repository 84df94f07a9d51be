-- Several pipelines per organization. The framework, its custom spec, the re-qualification thresholds and the
-- qualification version move from Organization to a new Pipeline; every existing organization gets one default
-- pipeline carrying its current settings, and every stage and deal is attached to it before the columns become
-- NOT NULL, so nothing is lost on an upgrade.

-- CreateTable
CREATE TABLE "Pipeline" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "frameworkKey" "FrameworkKey" NOT NULL DEFAULT 'meddpicc',
    "customFramework" JSONB,
    "requalificationThresholds" JSONB,
    "qualificationVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pipeline_pkey" PRIMARY KEY ("id")
);

-- Backfill: one default pipeline per organization, with the settings the organization had.
INSERT INTO "Pipeline" ("id", "organizationId", "name", "position", "frameworkKey", "customFramework", "requalificationThresholds", "qualificationVersion")
SELECT 'pl' || md5(o."id" || clock_timestamp()::text), o."id", 'Sales pipeline', 0, o."frameworkKey", o."customFramework", o."requalificationThresholds", o."qualificationVersion"
FROM "Organization" o;

-- AlterTable
ALTER TABLE "PipelineStage" ADD COLUMN "pipelineId" TEXT;
UPDATE "PipelineStage" s SET "pipelineId" = p."id" FROM "Pipeline" p WHERE p."organizationId" = s."organizationId";
ALTER TABLE "PipelineStage" ALTER COLUMN "pipelineId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Opportunity" ADD COLUMN "pipelineId" TEXT;
UPDATE "Opportunity" d SET "pipelineId" = p."id" FROM "Pipeline" p WHERE p."organizationId" = d."organizationId";
ALTER TABLE "Opportunity" ALTER COLUMN "pipelineId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Organization" DROP COLUMN "customFramework",
DROP COLUMN "frameworkKey",
DROP COLUMN "qualificationVersion",
DROP COLUMN "requalificationThresholds";

-- DropIndex
DROP INDEX "PipelineStage_organizationId_key_key";

-- DropIndex
DROP INDEX "PipelineStage_organizationId_position_key";

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_organizationId_position_key" ON "Pipeline"("organizationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_organizationId_name_key" ON "Pipeline"("organizationId", "name");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_pipelineId_stage_id_idx" ON "Opportunity"("organizationId", "pipelineId", "stage", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_pipelineId_status_updatedAt_id_idx" ON "Opportunity"("organizationId", "pipelineId", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "PipelineStage_organizationId_idx" ON "PipelineStage"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStage_pipelineId_key_key" ON "PipelineStage"("pipelineId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStage_pipelineId_position_key" ON "PipelineStage"("pipelineId", "position");

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineStage" ADD CONSTRAINT "PipelineStage_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
