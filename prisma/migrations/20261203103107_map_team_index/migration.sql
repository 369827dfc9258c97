-- CreateIndex
CREATE INDEX "Map_teamId_idx" ON "Map"("teamId");
