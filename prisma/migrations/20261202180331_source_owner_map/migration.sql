-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "mapId" TEXT;

-- CreateIndex
CREATE INDEX "Source_mapId_idx" ON "Source"("mapId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "Map"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: a source linked to exactly one map now belongs to it. A source several maps link to
-- (every sign-up's copy of the sample linked the same row) keeps "mapId" NULL: it stays
-- readable by all of them with its text and versions unchanged, and no map can add versions
-- to it any more. Giving each map its own copy would mean rewriting the source ids inside
-- every map's Yjs document, which SQL cannot do and which would race with live rooms.
UPDATE "Source" AS s
SET "mapId" = links."mapId"
FROM (
  SELECT "sourceId", min("mapId") AS "mapId"
  FROM "MapSource"
  GROUP BY "sourceId"
  HAVING count(*) = 1
) AS links
WHERE links."sourceId" = s."id";
