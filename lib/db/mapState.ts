import * as Y from "yjs";
import type { PrismaClient } from "./generated/client";
import { getPrisma } from "./client";

type Tx = Pick<PrismaClient, "mapSnapshot" | "mapUpdate">;

/**
 * The map's current Yjs state: the compacted snapshot plus every logged update after it,
 * merged into one update (no Y.Doc needed to merge).
 */
export async function loadMapState(mapId: string, tx?: Tx): Promise<Uint8Array> {
  const db = tx ?? (await getPrisma());
  const snapshot = await db.mapSnapshot.findUnique({ where: { mapId } });
  const updates = await db.mapUpdate.findMany({
    where: { mapId, id: { gt: snapshot?.lastUpdateId ?? 0n } },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const parts: Uint8Array[] = [];
  if (snapshot) parts.push(snapshot.state);
  for (const row of updates) parts.push(row.update);
  if (parts.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
}

export async function loadMapDoc(mapId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await loadMapState(mapId));
  return doc;
}

/** Replaces the snapshot (used by the seed and map copies; the sync server compacts). */
export async function writeSnapshot(tx: Tx, mapId: string, state: Uint8Array, lastUpdateId = 0n): Promise<void> {
  const bytes = new Uint8Array(state);
  await tx.mapSnapshot.upsert({
    where: { mapId },
    create: { mapId, state: bytes, lastUpdateId },
    update: { state: bytes, lastUpdateId },
  });
}
