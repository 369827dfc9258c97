import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "./generated/client";
import type { CitationData, ClaimRow, MapProjection } from "../argument";
import type { Database } from "./client";
import { mapProjectionLock } from "./advisoryLocks";

type Tx = Pick<PrismaClient, "claim" | "citation" | "map">;

/**
 * One projected table: the fields a row copies from the doc's claim or citation, in row order
 * (fingerprints hash rows as JSON, so the order is part of the format), each with the type
 * jsonb_to_recordset reads it as and, where the column needs it, the expression that converts
 * it. Row mapping, fingerprints and the upsert SQL all come from this one list per table.
 */
interface ProjectedTable<F extends string> {
  table: "Claim" | "Citation";
  columns: readonly { name: F; recordType: string; cast?: string; toRow?: (value: unknown) => unknown }[];
}

const CLAIM_TABLE: ProjectedTable<keyof ClaimRow & keyof Prisma.ClaimCreateManyInput> = {
  table: "Claim",
  columns: [
    { name: "id", recordType: "text" },
    { name: "kind", recordType: "text", cast: 'r.kind::"ClaimKind"' },
    { name: "stance", recordType: "text", cast: 'r.stance::"Stance"' },
    { name: "parentId", recordType: "text" },
    { name: "order", recordType: "text" },
    { name: "text", recordType: "text" },
    { name: "authorId", recordType: "text" },
    // The doc keeps milliseconds; a stored row a Date. Both become the same Date (and the same JSON).
    { name: "createdAt", recordType: "text", cast: `(r."createdAt"::timestamptz at time zone 'UTC')`, toRow: (v) => new Date(v as number | Date) },
  ],
};

const CITATION_TABLE: ProjectedTable<keyof CitationData & keyof Prisma.CitationCreateManyInput> = {
  table: "Citation",
  columns: [
    { name: "id", recordType: "text" },
    { name: "claimId", recordType: "text" },
    { name: "sourceId", recordType: "text" },
    { name: "sourceVersion", recordType: "int" },
    { name: "exact", recordType: "text" },
    { name: "prefix", recordType: "text" },
    { name: "suffix", recordType: "text" },
    { name: "start", recordType: "int" },
    { name: "end", recordType: "int" },
    { name: "tag", recordType: "text" },
    { name: "note", recordType: "text" },
    { name: "highlights", recordType: "jsonb" },
    { name: "authorId", recordType: "text" },
  ],
};

/** A row as written: the map id, then the table's fields in column order. */
type Row = { mapId: string; id: string } & Record<string, unknown>;

/** The rows a table's items imply; items are the doc's (projection) or the stored rows read back. */
function rowsOf<F extends string>(mapId: string, items: readonly Record<F, unknown>[], { columns }: ProjectedTable<F>): Row[] {
  return items.map((item) => {
    const row: Record<string, unknown> = { mapId };
    for (const c of columns) row[c.name] = c.toRow ? c.toRow(item[c.name]) : item[c.name];
    return row as Row;
  });
}

const claimRows = (mapId: string, projection: Pick<MapProjection, "claims">) => rowsOf(mapId, projection.claims, CLAIM_TABLE);
const citationRows = (mapId: string, projection: Pick<MapProjection, "citations">) => rowsOf(mapId, projection.citations, CITATION_TABLE);

/** The claim and citation rows a projection implies (bulk writers: seeds, benchmarks). */
export function projectionRows(mapId: string, projection: MapProjection) {
  return {
    claims: claimRows(mapId, projection) as unknown as Prisma.ClaimCreateManyInput[],
    citations: citationRows(mapId, projection) as unknown as Prisma.CitationCreateManyInput[],
  };
}

/**
 * Replaces the relational projection of one map with what the Yjs doc says. Callers run it
 * inside a transaction so readers never see half a projection.
 */
export async function replaceProjection(tx: Tx, mapId: string, projection: MapProjection): Promise<void> {
  await tx.citation.deleteMany({ where: { mapId } });
  await tx.claim.deleteMany({ where: { mapId } });
  const rows = projectionRows(mapId, projection);
  if (rows.claims.length > 0) await tx.claim.createMany({ data: rows.claims });
  if (rows.citations.length > 0) await tx.citation.createMany({ data: rows.citations });
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
  /**
   * The written rows themselves, kept while the room is awake (a dormant room drops them:
   * their strings would outlive the doc): the next refresh compares each row with its copy
   * field by field (~0.2 µs) and hashes only rows that differ. Hashing every row every time
   * (JSON + SHA-1, ~5 µs a row) was 276 of 656 ms of refresh CPU under S3-typing.
   */
  rows?: { claims: Map<string, Row>; citations: Map<string, Row> };
}

/**
 * A row's written fields, hashed. rowsOf builds every row, stored or projected, with the
 * same key order, and `highlights` is an array of [start, end] pairs
 * (jsonb keeps array order), so plain JSON is canonical (the key-sorting replacer used
 * before cost three times as much). Hashed because a room keeps the fingerprints of every row
 * it wrote: a citation's JSON carries its quote and context (~1 KB), its hash 27 characters.
 */
function fingerprint(row: object): string {
  return createHash("sha1").update(JSON.stringify(row)).digest("base64url");
}

/** Whether two rows of a table hold the same values (what their fingerprints would say, without hashing). */
function sameRow<F extends string>(a: Row, b: Row, { columns }: ProjectedTable<F>): boolean {
  for (const { name } of columns) {
    const x = a[name];
    const y = b[name];
    if (x === y) continue;
    if (x instanceof Date && y instanceof Date && x.getTime() === y.getTime()) continue;
    // highlights: arrays of [start, end] pairs
    if (Array.isArray(x) && Array.isArray(y) && JSON.stringify(x) === JSON.stringify(y)) continue;
    return false;
  }
  return true;
}

/** What a refresh would write: rows to delete, rows to upsert, and the new fingerprints. */
export interface ProjectionDiff {
  /** `gone`: rows no longer in the doc (deleted); `changed`: new or different rows (upserted). */
  claims: { now: Map<string, string>; changed: Row[]; gone: string[] };
  citations: { now: Map<string, string>; changed: Row[]; gone: string[] };
  meta: { title: string; question: string } | null;
  written: WrittenProjection;
  rowsChanged: number;
}

/** Compares the doc's projection with what is known to be stored (pure: no database). */
export function diffProjection(mapId: string, projection: MapProjection, known: WrittenProjection): ProjectionDiff {
  const diff = <F extends string>(rows: Row[], before: Map<string, string>, beforeRows: Map<string, Row> | undefined, table: ProjectedTable<F>) => {
    const now = new Map<string, string>();
    const nowRows = new Map<string, Row>();
    const changed: Row[] = [];
    for (const row of rows) {
      const copy = beforeRows?.get(row.id);
      const print = copy && before.get(row.id);
      const f = print !== undefined && sameRow(copy!, row, table) ? print : fingerprint(row);
      now.set(row.id, f);
      nowRows.set(row.id, row);
      if (before.get(row.id) !== f) changed.push(row);
    }
    const gone = [...before.keys()].filter((id) => !now.has(id));
    return { now, nowRows, changed, gone };
  };
  const claims = diff(claimRows(mapId, projection), known.claims, known.rows?.claims, CLAIM_TABLE);
  const citations = diff(citationRows(mapId, projection), known.citations, known.rows?.citations, CITATION_TABLE);
  const { title, question } = projection.meta;
  const metaChanged = (!!title && title !== known.title) || (!!question && question !== known.question);
  return {
    claims,
    citations,
    meta: metaChanged ? { title, question } : null,
    written: {
      claims: claims.now,
      citations: citations.now,
      title: title || known.title,
      question: question || known.question,
      rows: { claims: claims.nowRows, citations: citations.nowRows },
    },
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

export async function storedProjectionHash(db: Pick<Database, "prisma">, mapId: string): Promise<string | null> {
  const map = await db.prisma.map.findUnique({ where: { id: mapId }, select: { projectionHash: true } });
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
  const prints = (rows: Row[]) => new Map(rows.map((r) => [r.id, fingerprint(r)]));
  const claimPrints = prints(rowsOf(mapId, claims, CLAIM_TABLE));
  const citationPrints = prints(rowsOf(mapId, citations, CITATION_TABLE));
  return { claims: claimPrints, citations: citationPrints, title: map?.title ?? "", question: map?.question ?? "" };
}

/**
 * A diff as one statement: deletes the rows gone from the doc, upserts the changed
 * ones (a row may exist even though this room never wrote it: another instance's refresh),
 * and stores the new hash, under the map's projection lock (advisoryLocks.ts), so refreshes of one map from several instances apply whole.
 * One statement instead of Prisma's interactive transaction (BEGIN, lock, two deletes, two
 * createMany, update, COMMIT): under 500 maps being typed in, those cost ~1 ms of CPU per
 * query and were half of the server's CPU. The lock CTE runs as an InitPlan before any row
 * is touched; foreign keys are checked at the end of the statement.
 */
export function projectionDiffStatement(mapId: string, diff: ProjectionDiff): Prisma.Sql {
  const title = diff.meta?.title || null;
  const question = diff.meta?.question || null;
  // Citations first: they reference claims.
  return Prisma.sql`
    with lock as materialized (select ${mapProjectionLock(mapId)}),
    gone_citations as (${deleteRows(mapId, CITATION_TABLE, diff.citations.gone)}),
    gone_claims as (${deleteRows(mapId, CLAIM_TABLE, diff.claims.gone)}),
    claims as (${upsertRows(mapId, CLAIM_TABLE, diff.claims.changed)}),
    citations as (${upsertRows(mapId, CITATION_TABLE, diff.citations.changed)})
    update "Map" set "projectionHash" = ${projectionHash(diff.written)}, title = coalesce(${title}::text, title),
      question = coalesce(${question}::text, question), "updatedAt" = (now() at time zone 'UTC')
    where id = ${mapId} and (select count(*) from lock) >= 0`;
}

// The fragments below name tables and columns from the constant lists above (never input);
// every value is a bound parameter. Each waits for the lock CTE.

function deleteRows(mapId: string, t: ProjectedTable<string>, ids: string[]): Prisma.Sql {
  return Prisma.sql`delete from ${Prisma.raw(`"${t.table}"`)} where "mapId" = ${mapId} and id = any(${ids}::text[]) and (select count(*) from lock) >= 0`;
}

/** Inserts or overwrites rows, all passed as one jsonb parameter and unpacked by jsonb_to_recordset. */
function upsertRows(mapId: string, t: ProjectedTable<string>, rows: Row[]): Prisma.Sql {
  const quoted = (name: string) => `"${name}"`;
  const columns = t.columns.map((c) => quoted(c.name)).join(", ");
  const values = t.columns.map((c) => c.cast ?? `r.${quoted(c.name)}`).join(", ");
  const recordTypes = t.columns.map((c) => `${quoted(c.name)} ${c.recordType}`).join(", ");
  const updates = t.columns.filter((c) => c.name !== "id").map((c) => `${quoted(c.name)} = excluded.${quoted(c.name)}`).join(", ");
  return Prisma.sql`insert into ${Prisma.raw(`${quoted(t.table)} ("mapId", ${columns})`)}
      select ${mapId}, ${Prisma.raw(values)}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${Prisma.raw(recordTypes)})
      where (select count(*) from lock) >= 0
      on conflict ("mapId", id) do update set ${Prisma.raw(updates)}`;
}

/** Writes a diff against what the room wrote last (one statement, projectionDiffStatement). */
export async function writeProjectionDiff(db: Pick<Database, "runStatement">, mapId: string, diff: ProjectionDiff): Promise<void> {
  await db.runStatement(projectionDiffStatement(mapId, diff));
}

/**
 * Reads the stored rows and writes `diffAgainst(stored)` under the map's projection lock (the
 * write takes it again; advisory locks are re-entrant), so another instance's refresh cannot
 * land between the read and the write.
 */
export async function rewriteStoredProjection(
  db: Pick<Database, "prisma">,
  mapId: string,
  diffAgainst: (stored: WrittenProjection) => ProjectionDiff,
): Promise<ProjectionDiff> {
  return db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`select ${mapProjectionLock(mapId)}`;
      const changes = diffAgainst(await storedProjection(tx, mapId));
      await tx.$executeRaw(projectionDiffStatement(mapId, changes));
      return changes;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
