-- CreateIndex
CREATE UNIQUE INDEX "ProductFix_jobId_productId_key" ON "ProductFix"("jobId", "productId");
