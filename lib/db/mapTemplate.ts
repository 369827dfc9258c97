import type { Prisma } from "./generated/client";
import type { MapProjection } from "../argument/mapProjection";
import { writeSnapshot } from "./mapState";
import { replaceProjection } from "./projectionStore";
import type { NewSourceData } from "./sources";

/**
 * A map to create from scratch: its sources, and a builder for its Yjs state once those
 * sources have ids (the doc's citations must name the new map's own rows). Callers outside
 * lib/db build the doc, so Yjs stays in lib/argument and the seed code.
 */
export interface MapTemplate {
  title: string;
  question: string;
  sources: { data: NewSourceData; text: string }[];
  build(ids: { sourceIds: string[]; authorId: string | null }): { state: Uint8Array; projection: MapProjection };
}

/**
 * Inserts a map from a template inside the caller's transaction: the map, its own source
 * rows (version 1 each, owned by this map), its Yjs snapshot and projection.
 */
export async function insertMapFromTemplate(
  tx: Prisma.TransactionClient,
  template: MapTemplate,
  opts: { ownerId: string | null; isSample?: boolean },
): Promise<{ mapId: string; sourceIds: string[] }> {
  const map = await tx.map.create({
    data: {
      title: template.title,
      question: template.question,
      isSample: opts.isSample ?? false,
      ...(opts.ownerId ? { members: { create: { userId: opts.ownerId, role: "owner" as const } } } : {}),
    },
  });
  const sourceIds: string[] = [];
  for (const { data, text } of template.sources) {
    const source = await tx.source.create({
      data: { ...data, mapId: map.id, createdById: opts.ownerId, versions: { create: { version: 1, text } }, maps: { create: { mapId: map.id } } },
    });
    sourceIds.push(source.id);
  }
  const { state, projection } = template.build({ sourceIds, authorId: opts.ownerId });
  await writeSnapshot(tx, map.id, state);
  await replaceProjection(tx, map.id, projection);
  return { mapId: map.id, sourceIds };
}
