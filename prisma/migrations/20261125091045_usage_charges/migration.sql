-- CreateTable
CREATE TABLE "UsageCharge" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "fromCredit" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL,
    "amountUsd" DECIMAL(10,2) NOT NULL,
    "shopifyRecordId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageCharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageCharge_shop_createdAt_idx" ON "UsageCharge"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "UsageCharge_shop_period_fromCredit_key" ON "UsageCharge"("shop", "period", "fromCredit");
