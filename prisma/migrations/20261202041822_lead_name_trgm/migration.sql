-- CreateIndex
CREATE INDEX "Lead_name_trgm_idx" ON "Lead" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_companyName_trgm_idx" ON "Lead" USING GIN ("companyName" gin_trgm_ops);
