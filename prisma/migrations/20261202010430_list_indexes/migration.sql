-- DropIndex
DROP INDEX "Account_organizationId_name_idx";

-- DropIndex
DROP INDEX "Contact_organizationId_name_idx";

-- DropIndex
DROP INDEX "Opportunity_organizationId_stage_idx";

-- DropIndex
DROP INDEX "User_organizationId_idx";

-- CreateIndex
CREATE INDEX "Account_organizationId_name_id_idx" ON "Account"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Account_organizationId_industry_id_idx" ON "Account"("organizationId", "industry", "id");

-- CreateIndex
CREATE INDEX "Account_organizationId_employeeCount_id_idx" ON "Account"("organizationId", "employeeCount", "id");

-- CreateIndex
CREATE INDEX "Account_organizationId_region_id_idx" ON "Account"("organizationId", "region", "id");

-- CreateIndex
CREATE INDEX "Account_organizationId_createdAt_id_idx" ON "Account"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Account_name_trgm_idx" ON "Account" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Account_domain_trgm_idx" ON "Account" USING GIN ("domain" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_organizationId_name_id_idx" ON "Contact"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Contact_organizationId_title_id_idx" ON "Contact"("organizationId", "title", "id");

-- CreateIndex
CREATE INDEX "Contact_organizationId_createdAt_id_idx" ON "Contact"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_title_trgm_idx" ON "Contact" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_stage_id_idx" ON "Opportunity"("organizationId", "stage", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_name_id_idx" ON "Opportunity"("organizationId", "name", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_amount_id_idx" ON "Opportunity"("organizationId", "amount", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_expectedCloseDate_id_idx" ON "Opportunity"("organizationId", "expectedCloseDate", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_updatedAt_id_idx" ON "Opportunity"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_status_updatedAt_id_idx" ON "Opportunity"("organizationId", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Opportunity_organizationId_status_expectedCloseDate_idx" ON "Opportunity"("organizationId", "status", "expectedCloseDate");

-- CreateIndex
CREATE INDEX "Opportunity_name_trgm_idx" ON "Opportunity" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ScoreSnapshot_organizationId_at_idx" ON "ScoreSnapshot"("organizationId", "at");

-- CreateIndex
CREATE INDEX "User_organizationId_name_id_idx" ON "User"("organizationId", "name", "id");
