import { createHash } from "node:crypto";
import type { PrismaClient } from "./generated/client";
import type { MapProjection } from "../argument";

type Tx = Pick<PrismaClient, "claim" | "citation" | "map">;

/** The claim rows the doc implies: one mapping for both writers below. */
function claimRows(mapId: string, projection: MapProjection) {
  return projection.claims.map((c) => ({
    mapId,
    id: c.id,
    kind: c.kind,
    stance: c.stance,
    parentId: c.parentId,
    order: c.order,
    text: c.text,
    authorId: c.authorId,
    createdAt: new Date(c.createdAt),
  }));
}

/** The citation rows the doc implies. */
function citationRows(mapId: string, projection: MapProjection) {
  return projection.citations.map((c) => ({
    mapId,
    id: c.id,
    claimId: c.claimId,
    sourceId: c.sourceId,
    sourceVersion: c.sourceVersion,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    start: c.start,
    end: c.end,
    tag: c.tag,
    note: c.note,
    highlights: c.highlights,
    authorId: c.authorId,
  }));
}

/** The claim and citation rows a projection implies (bulk writers: seeds, benchmarks). */
export function projectionRows(mapId: string, projection: MapProjection) {
  return { claims: claimRows(mapId, projection), citations: citationRows(mapId, projection) };
}

/**
 * Replaces the relational projection of one map with what the Yjs doc says. Callers run it
 * inside a transaction so readers never see half a projection.
 */
export async function replaceProjection(tx: Tx, mapId: string, projection: MapProjection): Promise<void> {
  await tx.citation.deleteMany({ where: { mapId } });
  await tx.claim.deleteMany({ where: { mapId } });
  if (projection.claims.length > 0) {
    await tx.claim.createMany({ data: claimRows(mapId, projection) });
  }
  if (projection.citations.length > 0) {
    await tx.citation.createMany({ data: citationRows(mapId, projection) });
  }
  const { title, question } = projection.meta;
  // These rows are unverified (citations are checked by the collab server's refresh), so no
  // hash vouches for them: the first refresh compares row by row.
  await tx.map.update({ where: { id: mapId }, data: { ...(title ? { title } : {}), ...(question ? { question } : {}), projectionHash: null } });
}

/**
 * What this process last wrote for a map's projection: a fingerprint per row (its written
 * fields), so a refresh writes only the rows that changed instead of the whole map.
 */
export interface WrittenProjection {
  claims: Map<string, string>;
  citations: Map<string, string>;
  title: string;
  question: string;
}

/**
 * A row's written fields, hashed. claimRows/citationRows build every row, stored or
 * projected, with the same key order, and `highlights` is an array of [start, end] pairs
 * (jsonb keeps array order), so plain JSON is canonical (the key-sorting replacer used
 * before cost three times as much). Hashed because a room keeps the fingerprints of every row
 * it wrote: a citation's JSON carries its quote and context (~1 KB), its hash 27 characters.
 */
function fingerprint(row: object): string {
  return createHash("sha1").update(JSON.stringify(row)).digest("base64url");
}

/** What a refresh would write: rows to delete, rows to upsert, and the new fingerprints. */
export interface ProjectionDiff {
  /** `gone`: rows no longer in the doc (deleted); `changed`: new or different rows (upserted). */
  claims: { now: Map<string, string>; changed: ReturnType<typeof claimRows>; gone: string[] };
  citations: { now: Map<string, string>; changed: ReturnType<typeof citationRows>; gone: string[] };
  meta: { title: string; question: string } | null;
  written: WrittenProjection;
  rowsChanged: number;
}

/** Compares the doc's projection with what is known to be stored (pure: no database). */
export function diffProjection(mapId: string, projection: MapProjection, known: WrittenProjection): ProjectionDiff {
  const diff = <R extends { id: string }>(rows: R[], before: Map<string, string>) => {
    const now = new Map<string, string>();
    const changed: R[] = [];
    for (const row of rows) {
      const f = fingerprint(row);
      now.set(row.id, f);
      if (before.get(row.id) !== f) changed.push(row);
    }
    const gone = [...before.keys()].filter((id) => !now.has(id));
    return { now, changed, gone };
  };
  const claims = diff(claimRows(mapId, projection), known.claims);
  const citations = diff(citationRows(mapId, projection), known.citations);
  const { title, question } = projection.meta;
  const metaChanged = (!!title && title !== known.title) || (!!question && question !== known.question);
  return {
    claims,
    citations,
    meta: metaChanged ? { title, question } : null,
    written: { claims: claims.now, citations: citations.now, title: title || known.title, question: question || known.question },
    rowsChanged: claims.gone.length + claims.changed.length + citations.gone.length + citations.changed.length + (metaChanged ? 1 : 0),
  };
}

/**
 * One hash over everything a refresh writes. Stored on the map row with every refresh that
 * writes, so a room's first refresh after a load (which has no `previous`) can tell that the
 * stored rows already match its doc from one column instead of reading every row back.
 */
export function projectionHash(written: WrittenProjection): string {
  const hash = createHash("sha256");
  for (const rows of [written.claims, written.citations]) {
    for (const id of [...rows.keys()].sort()) hash.update(`${id}\u0000${rows.get(id)}\u0000`);
    hash.update("\u0001");
  }
  hash.update(`${written.title}\u0000${written.question}`);
  return hash.digest("base64url");
}

export async function storedProjectionHash(prisma: Pick<PrismaClient, "map">, mapId: string): Promise<string | null> {
  const map = await prisma.map.findUnique({ where: { id: mapId }, select: { projectionHash: true } });
  return map?.projectionHash ?? null;
}

/**
 * The stored projection's fingerprints (first refresh after a load): rows that already match
 * the doc are then left alone instead of every row being rewritten once per room load.
 */
export async function storedProjection(tx: Tx, mapId: string): Promise<WrittenProjection> {
  const [claims, citations, map] = await Promise.all([
    tx.claim.findMany({ where: { mapId } }),
    tx.citation.findMany({ where: { mapId } }),
    tx.map.findUnique({ where: { id: mapId }, select: { title: true, question: true } }),
  ]);
  const asProjection = {
    claims: claims.map((c) => ({ ...c, createdAt: c.createdAt.getTime() })),
    citations: citations.map((c) => ({ ...c, highlights: c.highlights })),
  } as unknown as MapProjection;
  const claimPrints = new Map(claimRows(mapId, asProjection).map((r) => [r.id, fingerprint(r)]));
  const citationPrints = new Map(citationRows(mapId, asProjection).map((r) => [r.id, fingerprint(r)]));
  return { claims: claimPrints, citations: citationPrints, title: map?.title ?? "", question: map?.question ?? "" };
}

/**
 * Writes a diff in one statement: deletes the rows gone from the doc, upserts the changed
 * ones (a row may exist even though this room never wrote it: another instance's refresh),
 * and stores the new hash, under the map's projection lock (class 7101, a different lock
 * space from the update log's), so refreshes of one map from several instances apply whole.
 * One statement instead of Prisma's interactive transaction (BEGIN, lock, two deletes, two
 * createMany, update, COMMIT): under 500 maps being typed in, those cost ~1 ms of CPU per
 * query and were half of the server's CPU. The lock CTE runs as an InitPlan before any row
 * is touched; foreign keys are checked at the end of the statement.
 */
export async function writeProjectionDiff(db: Pick<PrismaClient, "$executeRaw">, mapId: string, diff: ProjectionDiff): Promise<void> {
  const claims = diff.claims.changed.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
  const citations = diff.citations.changed;
  const title = diff.meta?.title || null;
  const question = diff.meta?.question || null;
  await db.$executeRaw`
    with lock as materialized (select pg_advisory_xact_lock(7101, hashtext(${mapId}))),
    gone_citations as (
      delete from "Citation" where "mapId" = ${mapId} and id = any(${diff.citations.gone}::text[]) and (select count(*) from lock) >= 0),
    gone_claims as (
      delete from "Claim" where "mapId" = ${mapId} and id = any(${diff.claims.gone}::text[]) and (select count(*) from lock) >= 0),
    claims as (
      insert into "Claim" ("mapId", id, kind, stance, "parentId", "order", text, "authorId", "createdAt")
      select ${mapId}, r.id, r.kind::"ClaimKind", r.stance::"Stance", r."parentId", r."order", r.text, r."authorId", (r."createdAt"::timestamptz at time zone 'UTC')
      from jsonb_to_recordset(${JSON.stringify(claims)}::jsonb)
        as r(id text, kind text, stance text, "parentId" text, "order" text, text text, "authorId" text, "createdAt" text)
      where (select count(*) from lock) >= 0
      on conflict ("mapId", id) do update set kind = excluded.kind, stance = excluded.stance, "parentId" = excluded."parentId",
        "order" = excluded."order", text = excluded.text, "authorId" = excluded."authorId", "createdAt" = excluded."createdAt"),
    citations as (
      insert into "Citation" ("mapId", id, "claimId", "sourceId", "sourceVersion", exact, prefix, suffix, start, "end", tag, note, highlights, "authorId")
      select ${mapId}, r.id, r."claimId", r."sourceId", r."sourceVersion", r.exact, r.prefix, r.suffix, r.start, r."end", r.tag, r.note, r.highlights, r."authorId"
      from jsonb_to_recordset(${JSON.stringify(citations)}::jsonb)
        as r(id text, "claimId" text, "sourceId" text, "sourceVersion" int, exact text, prefix text, suffix text, start int, "end" int, tag text, note text, highlights jsonb, "authorId" text)
      where (select count(*) from lock) >= 0
      on conflict ("mapId", id) do update set "claimId" = excluded."claimId", "sourceId" = excluded."sourceId",
        "sourceVersion" = excluded."sourceVersion", exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
        start = excluded.start, "end" = excluded."end", tag = excluded.tag, note = excluded.note, highlights = excluded.highlights,
        "authorId" = excluded."authorId")
    update "Map" set "projectionHash" = ${projectionHash(diff.written)}, title = coalesce(${title}::text, title),
      question = coalesce(${question}::text, question), "updatedAt" = (now() at time zone 'UTC')
    where id = ${mapId} and (select count(*) from lock) >= 0`;
}
