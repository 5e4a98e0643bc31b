-- CreateTable
CREATE TABLE "ProductImport" (
    "shop" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "productGid" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "variantCount" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "pricing" JSONB NOT NULL,
    "importCount" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductImport_pkey" PRIMARY KEY ("shop","sourceId")
);

-- CreateIndex
CREATE INDEX "ProductImport_shop_updatedAt_idx" ON "ProductImport"("shop", "updatedAt");
