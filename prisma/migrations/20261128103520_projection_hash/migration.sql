-- AlterTable
ALTER TABLE "Map" ADD COLUMN     "projectionHash" TEXT;
