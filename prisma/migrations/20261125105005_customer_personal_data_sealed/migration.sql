-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "emailHash" TEXT;

-- CreateIndex
CREATE INDEX "Customer_shop_emailHash_idx" ON "Customer"("shop", "emailHash");
