import type { MapProjection } from "../argument/mapProjection";
import type { Prisma } from "./generated/client";
import { getDatabase, getPrisma } from "./client";
import { appendMapUpdates } from "./mapUpdateLog";
import { writeSnapshot } from "./mapState";
import { replaceProjection } from "./projectionStore";
import { recordAudit } from "./auditLog";
import type { NewSourceData } from "./sources";

type Tx = Prisma.TransactionClient;

export interface ImportedSource extends NewSourceData {
  /** Chosen by the caller, because the map document cites it before the row exists. */
  id: string;
  text: string;
}

/**
 * A source made by an import: the row, its version 1 and its link to the map (mirrors
 * createSourceForMap, inside the import's transaction).
 */
export async function createImportedSource(tx: Tx, mapId: string, userId: string, source: ImportedSource): Promise<void> {
  const { id, title, author, authorQualifications, publisher, publishedAt, url, accessedAt, text } = source;
  await tx.source.create({ data: { id, mapId, title, author, authorQualifications, publisher, publishedAt, url, accessedAt, createdById: userId } });
  await tx.sourceVersion.create({ data: { sourceId: id, version: 1, text } });
  await tx.mapSource.create({ data: { mapId, sourceId: id } });
}

/**
 * Creates an imported map owned by `ownerId`: the Map row, its sources, its document
 * snapshot and projection, all in one transaction, so a failure creates nothing.
 */
export async function insertImportedMap(input: {
  title: string;
  question: string;
  ownerId: string;
  format: string;
  sources: readonly ImportedSource[];
  state: Uint8Array;
  projection: MapProjection;
}): Promise<{ id: string }> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const map = await tx.map.create({ data: { title: input.title, question: input.question, members: { create: { userId: input.ownerId, role: "owner" } } } });
    for (const source of input.sources) await createImportedSource(tx, map.id, input.ownerId, source);
    await writeSnapshot(tx, map.id, input.state);
    await replaceProjection(tx, map.id, input.projection);
    await recordAudit({ mapId: map.id, actorId: input.ownerId, action: "map.created", detail: { title: input.title, importedFrom: input.format } }, tx);
    return { id: map.id };
  });
}

/**
 * Appends one server-made change (cards from an annotation import) to a map's update log
 * and stores the projection after it. A room open on the map does not hear of it; the
 * change is in the map's state from the next load on (see docs/interchange.md).
 */
export async function appendServerUpdate(mapId: string, update: Uint8Array, projection: MapProjection): Promise<void> {
  const db = await getDatabase();
  await appendMapUpdates(db, mapId, [update]);
  await (await getPrisma()).$transaction(async (tx) => replaceProjection(tx, mapId, projection));
}
