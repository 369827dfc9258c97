-- Maps store their tsvector too (see search_vectors): with 10,000 maps the expression index's
-- to_tsvector per map row cost ~130 ms of a search whose words were in many titles.
ALTER TABLE "Map" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', left("title" || ' ' || "question", 100000))) STORED;

CREATE INDEX "Map_searchVector_idx" ON "Map" USING GIN ("searchVector");

-- Superseded by the stored column above.
DROP INDEX "Map_fts_idx";
