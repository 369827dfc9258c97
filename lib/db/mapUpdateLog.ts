import * as Y from "yjs";
import type { PrismaClient } from "./generated/client";

type Db = Pick<PrismaClient, "$transaction" | "$executeRaw" | "mapUpdate" | "mapSnapshot">;

// Appends and compaction of one map serialize on a PostgreSQL advisory lock keyed by the
// map id: appends take it shared, compaction exclusive. Without it, an append whose id was
// allocated before but committed after a compaction's read would have an id below the new
// snapshot's lastUpdateId and be skipped by every later load. (PGlite accepts the same calls.)

/** Appends Yjs updates to a map's log in one statement (a group commit). */
export async function appendMapUpdates(db: Db, mapId: string, updates: readonly Uint8Array[]): Promise<void> {
  if (updates.length === 0) return;
  await db.$transaction([
    db.$executeRaw`select pg_advisory_xact_lock_shared(hashtext(${mapId}))`,
    db.mapUpdate.createMany({ data: updates.map((u) => ({ mapId, update: new Uint8Array(u) })) }),
  ]);
}

/**
 * Appends the updates of several maps in one transaction (a group commit across rooms: one
 * round trip per tick instead of one per map). Takes each map's lock shared, in a fixed order.
 */
export async function appendUpdatesOfMaps(db: Db, rows: readonly { mapId: string; update: Uint8Array }[]): Promise<void> {
  if (rows.length === 0) return;
  const mapIds = [...new Set(rows.map((r) => r.mapId))].sort();
  await db.$transaction([
    db.$executeRaw`select pg_advisory_xact_lock_shared(hashtext(m)) from unnest(${mapIds}::text[]) as m order by m`,
    db.mapUpdate.createMany({ data: rows.map((r) => ({ mapId: r.mapId, update: new Uint8Array(r.update) })) }),
  ]);
}

/** Log rows not yet folded into the snapshot. */
export async function countPendingMapUpdates(db: Db, mapId: string): Promise<number> {
  const snapshot = await db.mapSnapshot.findUnique({ where: { mapId }, select: { lastUpdateId: true } });
  return db.mapUpdate.count({ where: { mapId, id: { gt: snapshot?.lastUpdateId ?? 0n } } });
}

export interface CompactionResult {
  /** Log rows folded into the snapshot (0: nothing to do, no snapshot written). */
  folded: number;
  lastUpdateId: bigint;
}

/**
 * Folds the snapshot and every logged update into a new snapshot, in one transaction, and
 * deletes the folded rows. Rows appended meanwhile (later ids, any instance) stay in the log.
 */
export async function compactMapLog(db: Db, mapId: string): Promise<CompactionResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${mapId}))`;
    const snapshot = await tx.mapSnapshot.findUnique({ where: { mapId } });
    const rows = await tx.mapUpdate.findMany({
      where: { mapId, id: { gt: snapshot?.lastUpdateId ?? 0n } },
      orderBy: { id: "asc" },
      select: { id: true, update: true },
    });
    if (rows.length === 0) return { folded: 0, lastUpdateId: snapshot?.lastUpdateId ?? 0n };
    const lastUpdateId = rows[rows.length - 1].id;
    // Through a Y.Doc rather than only Y.mergeUpdates: the doc garbage-collects deleted
    // content, so the snapshot does not grow with every keystroke ever typed and erased.
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of rows) Y.applyUpdate(doc, row.update);
      });
      const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
      await tx.mapSnapshot.upsert({
        where: { mapId },
        create: { mapId, state, lastUpdateId },
        update: { state, lastUpdateId },
      });
    } finally {
      doc.destroy();
    }
    await tx.mapUpdate.deleteMany({ where: { mapId, id: { lte: lastUpdateId } } });
    return { folded: rows.length, lastUpdateId };
  }, { timeout: 30_000, maxWait: 10_000 });
}
