import { getPrisma } from "./client";
import { Prisma } from "./generated/client";
import { LESS_THAN_STAND_IN, MARK_END, MARK_START, parseMarkedSnippet, type MarkedSnippet } from "../search/markedSnippet";

// Search over everything a user may read (docs/search.md): one statement, PostgreSQL
// full-text search for words and stems, pg_trgm for typos and partial words, with the access
// rule inside the query. The text expressions must stay exactly those of the indexes in the
// search_indexes migration, or the planner cannot use them.

export type SearchHitKind = "map" | "claim" | "evidence" | "comment" | "source";

export interface SearchHit extends MarkedSnippet {
  kind: SearchHitKind;
  mapId: string;
  mapTitle: string;
  claimId?: string;
  sourceId?: string;
  title: string;
  /** The claim's ancestors (and, for evidence and comments, the claim), root first. */
  path: string[];
}

export const SEARCH_LIMIT = 30;
/** Shorter queries than this skip trigram matching: one or two letters match nearly everything. */
const MIN_TRIGRAM_QUERY = 3;
// ts_headline marks matches with MARK_START/MARK_END; any already in the text are removed
// first. Its parser also drops anything that looks like an HTML tag, so "<" goes in as a
// stand-in character and comes back in parseMarkedSnippet: the snippet is the text as typed.
const MARKS = `StartSel=${MARK_START}, StopSel=${MARK_END}`;
/** Short texts (claims, cards, comments) whole up to 35 words; source text as two passages. */
const HEADLINE_OPTIONS = `${MARKS}, MaxWords=35, MinWords=15`;
const SOURCE_HEADLINE_OPTIONS = `${MARKS}, MaxWords=20, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`;
const PATH_DEPTH = 12;
/**
 * Per tier (all words; any word or trigrams) and per big table, the most rows ranked. Words
 * found in thousands of claims would otherwise cost a tsvector and a rank per row; which 60
 * of those are ranked is then the index's order, not the best (docs/search.md).
 */
const CANDIDATES = 60;
/** Callers reading at most this many maps are searched map by map (see `few` in the statement). */
const FEW_MAPS = 500;
const CLAIM_COLUMNS = Prisma.raw(`c."mapId", c.id, c."text", c."searchVector"`);
const CARD_COLUMNS = Prisma.raw(`ci."mapId", ci.id, ci."claimId", ci."sourceId", ci."tag", ci."exact", ci."note", ci."searchVector"`);

interface Row {
  kind: SearchHitKind;
  mapId: string;
  mapTitle: string;
  claimId: string | null;
  sourceId: string | null;
  title: string;
  headline: string;
  path: string[] | null;
}

/**
 * The best hits for `query` among the maps `userId` reads (owner, member or team member:
 * the same rule as effectiveRole.ts), optionally in one map, best first. Ranking: the exact
 * phrase (case-insensitive) first, then full-text matches by ts_rank, then trigram
 * similarity; kinds break ties (maps, claims, evidence, comments, sources).
 */
export async function searchReadableMaps(userId: string, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const q = query.trim();
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<Row[]>(searchStatement(userId, q, options));
  return rows.map((row) => ({
    kind: row.kind,
    mapId: row.mapId,
    mapTitle: row.mapTitle,
    ...(row.claimId ? { claimId: row.claimId } : {}),
    ...(row.sourceId ? { sourceId: row.sourceId } : {}),
    title: row.title,
    path: row.path ?? [],
    ...parseMarkedSnippet(row.headline, q),
  }));
}

export interface SearchOptions {
  mapId?: string;
  limit?: number;
}

/** The statement searchReadableMaps runs (exported for the bench's EXPLAIN). */
export function searchStatement(userId: string, q: string, options: SearchOptions = {}): Prisma.Sql {
  const limit = options.limit ?? SEARCH_LIMIT;
  const mapId = options.mapId ?? null;
  // Trigrams know no "-word": with one, only full-text matches count.
  const trigram = q.length >= MIN_TRIGRAM_QUERY && !/(^|\s)-\S/.test(q);
  // Every word (websearch syntax: "phrases", -not, or) ranks first; without operators a hit
  // with any of the words still counts (a search box, not a filter), below those with all.
  const tsqAll = Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const tsq = usesSearchOperators(q)
    ? tsqAll
    : Prisma.sql`(SELECT coalesce(string_agg(quote_literal(lexeme), ' | '), '')::tsquery FROM unnest(to_tsvector('english', ${q})))`;
  const lowered = q.toLowerCase();
  // A trigram condition that is false (and index-free) for too-short queries.
  const similar = (column: Prisma.Sql) => (trigram ? Prisma.sql`${q} <% ${column}` : Prisma.sql`false`);
  const score = (document: Prisma.Sql, similarTo: Prisma.Sql) => Prisma.sql`
    (CASE WHEN strpos(lower(${similarTo}), ${lowered}) > 0 THEN 3 ELSE 0 END)
    + (CASE WHEN ${document} @@ ${tsqAll} THEN 1 + ts_rank(${document}, ${tsqAll})
            WHEN ${document} @@ ${tsq} THEN 0.3 + ts_rank(${document}, ${tsq}) ELSE 0 END)
    + word_similarity(${q}, ${similarTo})`;

  const mapDoc = Prisma.sql`m."searchVector"`;
  // Maps, claims and cards store theirs (generated columns, search_vectors migrations).
  const claimDoc = Prisma.sql`c."searchVector"`;
  const citationDoc = Prisma.sql`ci."searchVector"`;
  const commentDoc = Prisma.sql`to_tsvector('english', left(co."body", 100000))`;
  const sourceDoc = Prisma.sql`to_tsvector('english', left(s."title" || ' ' || coalesce(s."author", '') || ' ' || coalesce(s."publisher", ''), 100000))`;
  const versionDoc = Prisma.sql`to_tsvector('english', left(sv."text", 100000))`;

  /** Up to CANDIDATES rows of claims or cards meeting `condition`, by whichever path fits the caller. */
  const bothPaths = (table: "claim" | "card", condition: Prisma.Sql) => {
    const [from, columns] = table === "claim" ? [Prisma.raw(`"Claim" c`), CLAIM_COLUMNS] : [Prisma.raw(`"Citation" ci`), CARD_COLUMNS];
    const mapColumn = table === "claim" ? Prisma.raw(`c."mapId"`) : Prisma.raw(`ci."mapId"`);
    const alias = table === "claim" ? Prisma.raw("c") : Prisma.raw("ci");
    // Many maps: the match first, through its GIN index (OFFSET 0 keeps the planner from
    // driving it from the caller's 10,000 map ids instead, one index probe per map), then the
    // access rule.
    return Prisma.sql`(
      (SELECT ${columns} FROM scope s CROSS JOIN LATERAL (SELECT * FROM ${from} WHERE ${mapColumn} = s.id AND ${condition} LIMIT ${CANDIDATES}) ${alias}
       WHERE (SELECT yes FROM few) LIMIT ${CANDIDATES})
      UNION ALL
      (SELECT * FROM (SELECT ${columns} FROM ${from} WHERE ${condition} OFFSET 0) ${alias}
       WHERE NOT (SELECT yes FROM few) AND ${mapColumn} IN (SELECT id FROM scope) LIMIT ${CANDIDATES})
    )`;
  };

  return Prisma.sql`
    WITH RECURSIVE readable AS (
      SELECT "mapId" AS id FROM "MapMember" WHERE "userId" = ${userId}
      UNION
      SELECT m.id FROM "Map" m JOIN "TeamMember" tm ON tm."teamId" = m."teamId" WHERE tm."userId" = ${userId}
    ),
    scope AS (
      SELECT r.id FROM readable r WHERE ${mapId}::text IS NULL OR r.id = ${mapId}::text
    ),
    -- Matching maps through the indexes first (OFFSET 0: not driven from the caller's map
    -- ids), then the caller's: otherwise every readable title gets a trigram test (57 ms at
    -- 10,000 maps).
    map_matches AS MATERIALIZED (
      SELECT x.id FROM (SELECT m.id FROM "Map" m WHERE ${mapDoc} @@ ${tsq} OR ${similar(Prisma.sql`m."title"`)} OFFSET 0) x
      WHERE x.id IN (SELECT id FROM scope) LIMIT ${CANDIDATES}
    ),
    -- How the big tables are reached: through the caller's maps (each map's rows by primary
    -- key, filtered) when they read few maps, through the GIN indexes when they read many
    -- (the planner cannot tell the two apart: it sees one IN list either way).
    few AS MATERIALIZED (SELECT count(*) <= ${FEW_MAPS} AS yes FROM scope),
    -- At most CANDIDATES rows with every word, as many with any word; trigram matches
    -- (typos, partial words) only when the words found fewer than a page of hits, so a
    -- common word never pays for word_similarity over thousands of rows.
    claim_words AS MATERIALIZED (
      ${bothPaths("claim", Prisma.sql`${claimDoc} @@ ${tsqAll}`)}
      UNION
      ${bothPaths("claim", Prisma.sql`${claimDoc} @@ ${tsq}`)}
    ),
    claim_trigrams AS MATERIALIZED (
      SELECT * FROM (${bothPaths("claim", similar(Prisma.sql`c."text"`))}) x WHERE (SELECT count(*) FROM claim_words) < ${limit}
    ),
    card_words AS MATERIALIZED (
      ${bothPaths("card", Prisma.sql`${citationDoc} @@ ${tsqAll}`)}
      UNION
      ${bothPaths("card", Prisma.sql`${citationDoc} @@ ${tsq}`)}
    ),
    card_trigrams AS MATERIALIZED (
      SELECT * FROM (
        ${bothPaths("card", similar(Prisma.sql`ci."exact"`))}
        UNION
        ${bothPaths("card", similar(Prisma.sql`ci."tag"`))}
      ) x WHERE (SELECT count(*) FROM card_words) < ${limit}
    ),
    hits AS (
      SELECT 'map' AS kind, 0 AS kind_order, m.id AS "mapId", NULL::text AS "claimId", NULL::text AS "sourceId",
             m."title" AS title, m."title" || ' — ' || m."question" AS body,
             ${score(mapDoc, Prisma.sql`m."title" || ' ' || m."question"`)} AS score
      FROM "Map" m
      WHERE m.id IN (SELECT id FROM map_matches) AND m.id IN (SELECT id FROM scope)
      UNION ALL
      -- Claims and cards are the big tables: their candidates come from the CTEs below.
      SELECT 'claim', 1, c."mapId", c.id, NULL, c."text", c."text", ${score(claimDoc, Prisma.sql`c."text"`)}
      FROM (SELECT * FROM claim_words UNION SELECT * FROM claim_trigrams) c
      UNION ALL
      SELECT 'evidence', 2, ci."mapId", ci."claimId", ci."sourceId",
             CASE WHEN ci."tag" <> '' THEN ci."tag" ELSE left(ci."exact", 120) END,
             ci."tag" || ' — ' || ci."exact" || CASE WHEN ci."note" <> '' THEN ' — ' || ci."note" ELSE '' END,
             ${score(citationDoc, Prisma.sql`ci."tag" || ' ' || ci."exact" || ' ' || ci."note"`)}
      FROM (SELECT * FROM card_words UNION SELECT * FROM card_trigrams) ci
      UNION ALL
      SELECT 'comment', 3, t."mapId", coalesce(t."claimId", tci."claimId"), t."sourceId",
             coalesce(tc."text", tci."tag", 'Comment'), co."body", ${score(commentDoc, Prisma.sql`co."body"`)}
      FROM "Comment" co
      JOIN "CommentThread" t ON t.id = co."threadId"
      LEFT JOIN "Claim" tc ON tc."mapId" = t."mapId" AND tc.id = t."claimId"
      LEFT JOIN "Citation" tci ON tci."mapId" = t."mapId" AND tci.id = t."citationId"
      WHERE t."mapId" IN (SELECT id FROM scope) AND co."deletedAt" IS NULL
        AND (${commentDoc} @@ ${tsq} OR ${similar(Prisma.sql`co."body"`)})
      UNION ALL
      -- A source once, in one map that reads it: its title and cite, or its newest text.
      (SELECT DISTINCT ON (src.id) 'source', 4, src."mapId", NULL, src.id, src.title, src.body, src.score
      FROM (
        SELECT s.id, ms."mapId", s."title",
               s."title" || CASE WHEN s."author" IS NOT NULL THEN ' — ' || s."author" ELSE '' END AS body,
               ${score(sourceDoc, Prisma.sql`s."title" || ' ' || coalesce(s."author", '') || ' ' || coalesce(s."publisher", '')`)} AS score
        FROM "Source" s JOIN "MapSource" ms ON ms."sourceId" = s.id
        WHERE ms."mapId" IN (SELECT id FROM scope) AND (${sourceDoc} @@ ${tsq} OR ${similar(Prisma.sql`s."title"`)})
        UNION ALL
        SELECT s.id, ms."mapId", s."title", sv."text",
               (CASE WHEN strpos(lower(left(sv."text", 100000)), ${lowered}) > 0 THEN 3 ELSE 0 END)
               + (CASE WHEN ${versionDoc} @@ ${tsqAll} THEN 1 + ts_rank(${versionDoc}, ${tsqAll}) ELSE 0.3 + ts_rank(${versionDoc}, ${tsq}) END)
        FROM "SourceVersion" sv
        JOIN "Source" s ON s.id = sv."sourceId"
        JOIN "MapSource" ms ON ms."sourceId" = s.id
        WHERE ms."mapId" IN (SELECT id FROM scope) AND ${versionDoc} @@ ${tsq}
          AND sv."version" = (SELECT max(v."version") FROM "SourceVersion" v WHERE v."sourceId" = sv."sourceId")
      ) src
      ORDER BY src.id, src.score DESC, src."mapId")
    ),
    top AS (
      SELECT row_number() OVER (ORDER BY score DESC, kind_order, title, "mapId", "claimId", "sourceId") AS rank, *
      FROM hits ORDER BY rank LIMIT ${limit}
    ),
    chain AS (
      SELECT t.rank, c."mapId", c."parentId", 0 AS depth, c."text" FROM top t JOIN "Claim" c ON c."mapId" = t."mapId" AND c.id = t."claimId"
      UNION ALL
      SELECT ch.rank, p."mapId", p."parentId", ch.depth + 1, p."text"
      FROM chain ch JOIN "Claim" p ON p."mapId" = ch."mapId" AND p.id = ch."parentId"
      WHERE ch.depth < ${PATH_DEPTH}
    )
    SELECT t.kind, t."mapId", m."title" AS "mapTitle", t."claimId", t."sourceId", t.title,
           ts_headline('english', translate(left(t.body, 100000), ${"<" + MARK_START + MARK_END}, ${LESS_THAN_STAND_IN}), ${tsq},
             CASE WHEN t.kind = 'source' THEN ${SOURCE_HEADLINE_OPTIONS} ELSE ${HEADLINE_OPTIONS} END) AS headline,
           (SELECT array_agg(left(ch."text", 80) ORDER BY ch.depth DESC) FROM chain ch
             WHERE ch.rank = t.rank AND (ch.depth > 0 OR t.kind <> 'claim')) AS path
    FROM top t JOIN "Map" m ON m.id = t."mapId"
    ORDER BY t.rank`;
}

/** websearch_to_tsquery's operators: quotes (phrase), a leading minus (not), "or". */
function usesSearchOperators(q: string): boolean {
  return /"|(^|\s)-\S|\sor\s/i.test(q);
}
