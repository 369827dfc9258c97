-- CreateExtension (trigram similarity for search: typos and partial words)
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Citation_exact_trgm_idx" ON "Citation" USING GIN ("exact" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Citation_tag_trgm_idx" ON "Citation" USING GIN ("tag" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Claim_text_trgm_idx" ON "Claim" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_body_trgm_idx" ON "Comment" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Map_title_trgm_idx" ON "Map" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_title_trgm_idx" ON "Source" USING GIN ("title" gin_trgm_ops);

-- Full-text search (lib/db/search.ts uses these exact expressions). Not expressible in
-- schema.prisma; the schema engine leaves expression indexes alone. Each text is cut at
-- 100,000 characters: a tsvector is limited to 1 MB, and a longer one would make the
-- projection's or the upload's INSERT fail rather than just go unindexed.
CREATE INDEX "Map_fts_idx" ON "Map" USING GIN (to_tsvector('english', left("title" || ' ' || "question", 100000)));
CREATE INDEX "Claim_fts_idx" ON "Claim" USING GIN (to_tsvector('english', left("text", 100000)));
CREATE INDEX "Citation_fts_idx" ON "Citation" USING GIN (to_tsvector('english', left("tag" || ' ' || "exact" || ' ' || "note", 100000)));
CREATE INDEX "Comment_fts_idx" ON "Comment" USING GIN (to_tsvector('english', left("body", 100000)));
CREATE INDEX "Source_fts_idx" ON "Source" USING GIN (to_tsvector('english', left("title" || ' ' || coalesce("author", '') || ' ' || coalesce("publisher", ''), 100000)));
CREATE INDEX "SourceVersion_fts_idx" ON "SourceVersion" USING GIN (to_tsvector('english', left("text", 100000)));
