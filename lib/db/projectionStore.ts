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
 * A row's written fields as one string. claimRows/citationRows build every row, stored or
 * projected, with the same key order, and `highlights` is an array of [start, end] pairs
 * (jsonb keeps array order), so plain JSON is canonical: no key sorting, which cost three
 * times as much and ran for every row of every refresh.
 */
function fingerprint(row: object): string {
  return JSON.stringify(row);
}

/** What a refresh would write: rows to delete and (re)insert, and the new fingerprints. */
export interface ProjectionDiff {
  claims: { now: Map<string, string>; changed: ReturnType<typeof claimRows>; stale: string[] };
  citations: { now: Map<string, string>; changed: ReturnType<typeof citationRows>; stale: string[] };
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
    // Deleted first: rows gone from the doc, and every changed row (re-inserted; it may
    // exist even when we never wrote it, from another instance's refresh).
    const stale = [...before.keys()].filter((id) => !now.has(id));
    for (const row of changed) stale.push(row.id);
    return { now, changed, stale };
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
    // Every changed row is also in `stale` (deleted, then re-inserted): 0 means nothing to write.
    rowsChanged: claims.stale.length + citations.stale.length + (metaChanged ? 1 : 0),
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

/** Writes a diff. Callers run it in a transaction (readers never see half a refresh). */
export async function writeProjectionDiff(tx: Tx, mapId: string, diff: ProjectionDiff): Promise<void> {
  if (diff.citations.stale.length > 0) await tx.citation.deleteMany({ where: { mapId, id: { in: diff.citations.stale } } });
  if (diff.claims.stale.length > 0) await tx.claim.deleteMany({ where: { mapId, id: { in: diff.claims.stale } } });
  if (diff.claims.changed.length > 0) await tx.claim.createMany({ data: diff.claims.changed });
  if (diff.citations.changed.length > 0) await tx.citation.createMany({ data: diff.citations.changed });
  const meta = diff.meta ? { ...(diff.meta.title ? { title: diff.meta.title } : {}), ...(diff.meta.question ? { question: diff.meta.question } : {}) } : {};
  await tx.map.update({ where: { id: mapId }, data: { ...meta, projectionHash: projectionHash(diff.written) } });
}
