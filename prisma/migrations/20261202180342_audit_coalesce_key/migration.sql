-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "coalesceKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_coalesceKey_key" ON "AuditEvent"("coalesceKey");
