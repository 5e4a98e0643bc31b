-- CreateTable
CREATE TABLE "ProductSeoScore" (
    "shop" TEXT NOT NULL,
    "productId" BIGINT NOT NULL,
    "seoScore" INTEGER NOT NULL,
    "readabilityScore" INTEGER NOT NULL,
    "rating" TEXT NOT NULL,
    "issues" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "productSyncedAt" TIMESTAMP(3) NOT NULL,
    "auditedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductSeoScore_pkey" PRIMARY KEY ("shop","productId")
);

-- CreateIndex
CREATE INDEX "ProductSeoScore_shop_rating_idx" ON "ProductSeoScore"("shop", "rating");

-- CreateIndex
CREATE INDEX "ProductSeoScore_shop_seoScore_idx" ON "ProductSeoScore"("shop", "seoScore");
