-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "campaign" TEXT,
    "locale" TEXT,
    "consent" BOOLEAN NOT NULL DEFAULT false,
    "consentText" TEXT,
    "consentAt" TIMESTAMP(3),
    "customerId" TEXT,
    "syncedAt" TIMESTAMP(3),
    "syncError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Lead_shop_createdAt_idx" ON "Lead"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_shop_emailHash_key" ON "Lead"("shop", "emailHash");
