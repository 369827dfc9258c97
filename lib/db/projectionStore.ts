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
  if (title || question) await tx.map.update({ where: { id: mapId }, data: { ...(title ? { title } : {}), ...(question ? { question } : {}) } });
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

const fingerprint = (row: object) => JSON.stringify(row);

/**
 * Brings a map's projection in line with `projection`, writing only what differs from
 * `previous` (what this process wrote last). Without `previous` (first refresh after a load,
 * or after a failed one) the stored ids are read and every current row is rewritten once.
 * Another instance may have written rows since: the ones it changed differ from its own
 * doc-derived fingerprints too, so the last refresh of each instance still converges rows it
 * last wrote. Callers run it in a transaction (readers never see half a refresh).
 */
export async function writeProjectionChanges(
  tx: Tx,
  mapId: string,
  projection: MapProjection,
  previous: WrittenProjection | null,
): Promise<{ written: WrittenProjection; rowsChanged: number }> {
  const known = previous ?? {
    claims: new Map((await tx.claim.findMany({ where: { mapId }, select: { id: true } })).map((r) => [r.id, ""])),
    citations: new Map((await tx.citation.findMany({ where: { mapId }, select: { id: true } })).map((r) => [r.id, ""])),
    title: "",
    question: "",
  };
  const diff = <R extends { id: string }>(rows: R[], before: Map<string, string>) => {
    const now = new Map<string, string>();
    const changed: R[] = [];
    for (const row of rows) {
      const f = fingerprint(row);
      now.set(row.id, f);
      if (before.get(row.id) !== f) changed.push(row);
    }
    // Deleted first: rows gone from the doc, and every changed row (re-inserted below; it may
    // exist even when we never wrote it, from another instance's refresh).
    const stale = [...before.keys()].filter((id) => !now.has(id));
    for (const row of changed) stale.push(row.id);
    return { now, changed, stale };
  };
  const claims = diff(claimRows(mapId, projection), known.claims);
  const citations = diff(citationRows(mapId, projection), known.citations);
  if (citations.stale.length > 0) await tx.citation.deleteMany({ where: { mapId, id: { in: citations.stale } } });
  if (claims.stale.length > 0) await tx.claim.deleteMany({ where: { mapId, id: { in: claims.stale } } });
  if (claims.changed.length > 0) await tx.claim.createMany({ data: claims.changed });
  if (citations.changed.length > 0) await tx.citation.createMany({ data: citations.changed });
  const { title, question } = projection.meta;
  const metaChanged = (!!title && title !== known.title) || (!!question && question !== known.question);
  if (metaChanged) await tx.map.update({ where: { id: mapId }, data: { ...(title ? { title } : {}), ...(question ? { question } : {}) } });
  return {
    written: { claims: claims.now, citations: citations.now, title: title || known.title, question: question || known.question },
    rowsChanged: claims.stale.length + citations.stale.length + (metaChanged ? 1 : 0),
  };
}
