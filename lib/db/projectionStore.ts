import type { PrismaClient } from "./generated/client";
import type { MapProjection } from "../argument";

type Tx = Pick<PrismaClient, "claim" | "citation" | "map">;

/**
 * Replaces the relational projection of one map with what the Yjs doc says. Callers run it
 * inside a transaction so readers never see half a projection.
 */
export async function replaceProjection(tx: Tx, mapId: string, projection: MapProjection): Promise<void> {
  await tx.citation.deleteMany({ where: { mapId } });
  await tx.claim.deleteMany({ where: { mapId } });
  if (projection.claims.length > 0) {
    await tx.claim.createMany({
      data: projection.claims.map((c) => ({
        mapId,
        id: c.id,
        kind: c.kind,
        stance: c.stance,
        parentId: c.parentId,
        order: c.order,
        text: c.text,
        authorId: c.authorId,
        createdAt: new Date(c.createdAt),
      })),
    });
  }
  if (projection.citations.length > 0) {
    await tx.citation.createMany({
      data: projection.citations.map((c) => ({
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
      })),
    });
  }
  const { title, question } = projection.meta;
  if (title || question) await tx.map.update({ where: { id: mapId }, data: { ...(title ? { title } : {}), ...(question ? { question } : {}) } });
}
