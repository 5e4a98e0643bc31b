-- AlterTable
ALTER TABLE "Media" ADD COLUMN     "mediaType" TEXT;
