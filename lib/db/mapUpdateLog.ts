import * as Y from "yjs";
import { Prisma, type PrismaClient } from "./generated/client";
import { serverDoc } from "./serverDoc";
import type { Database } from "./client";
import { mapUpdateLogLock, mapUpdateLogSharedLock } from "./advisoryLocks";

type Db = Pick<PrismaClient, "$transaction" | "mapUpdate" | "mapSnapshot">;

// Appends and compaction of one map serialize on a PostgreSQL advisory lock keyed by the
// map id (advisoryLocks.ts): appends take it shared, compaction exclusive. Without it, an append whose id was
// allocated before but committed after a compaction's read would have an id below the new
// snapshot's lastUpdateId and be skipped by every later load. (PGlite accepts the same calls.)

/** Appends Yjs updates to a map's log in one statement (a group commit). */
export async function appendMapUpdates(db: Pick<Database, "runStatement">, mapId: string, updates: readonly Uint8Array[]): Promise<void> {
  await appendUpdatesOfMaps(db, updates.map((update) => ({ mapId, update })));
}

/**
 * Appends the updates of several maps (a group commit across rooms) in one statement per
 * 5,000 rows: one round trip and no interactive transaction, because this runs ~10 times a
 * second per busy process and Prisma's BEGIN + lock + createMany + COMMIT cost ~2.7 ms of CPU
 * each time (measured; one raw statement ~0.7 ms through Prisma, ~0.25 ms on the pg pool: statementRunner.ts).
 * A single statement is its own transaction, so the
 * shared advisory locks (taken in a fixed order, in the `locks` CTE) are held until the rows
 * are committed. The CTE is evaluated as an InitPlan before the first row is produced, i.e.
 * before any id is drawn from the sequence, which is the ordering compaction relies on.
 */
export async function appendUpdatesOfMaps(db: Pick<Database, "runStatement">, rows: readonly { mapId: string; update: Uint8Array }[]): Promise<void> {
  // PostgreSQL takes at most 65,535 bind parameters per statement (2 per row here; the row
  // number is a literal).
  for (let i = 0; i < rows.length; i += MAX_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + MAX_ROWS_PER_STATEMENT);
    if (chunk.length > 0) await db.runStatement(appendStatement(chunk));
  }
}

const MAX_ROWS_PER_STATEMENT = 5000;

function appendStatement(rows: readonly { mapId: string; update: Uint8Array }[]): Prisma.Sql {
  const mapIds = [...new Set(rows.map((r) => r.mapId))].sort();
  const values = Prisma.join(rows.map((r, i) => Prisma.sql`(${r.mapId}::text, ${new Uint8Array(r.update)}::bytea, ${Prisma.raw(String(i))}::int)`));
  return Prisma.sql`
    with locks as materialized (select ${mapUpdateLogSharedLock(Prisma.raw("m"))} from unnest(${mapIds}::text[]) as m order by m)
    insert into "MapUpdate" ("mapId", "update")
    select v.m, v.u from (values ${values}) as v(m, u, n)
    where (select count(*) from locks) >= 0
    order by v.n`;
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
  /** Size of the snapshot written (null when none was). */
  bytes: number | null;
}

/**
 * Folds the snapshot and every logged update into a new snapshot, in one transaction, and
 * deletes the folded rows. Rows appended meanwhile (later ids, any instance) stay in the log.
 */
export async function compactMapLog(db: Db, mapId: string): Promise<CompactionResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`select ${mapUpdateLogLock(mapId)}`;
    const snapshot = await tx.mapSnapshot.findUnique({ where: { mapId } });
    const rows = await tx.mapUpdate.findMany({
      where: { mapId, id: { gt: snapshot?.lastUpdateId ?? 0n } },
      orderBy: { id: "asc" },
      select: { id: true, update: true },
    });
    if (rows.length === 0) return { folded: 0, lastUpdateId: snapshot?.lastUpdateId ?? 0n, bytes: null };
    const lastUpdateId = rows[rows.length - 1].id;
    // Through a Y.Doc rather than only Y.mergeUpdates: the doc garbage-collects deleted
    // content, so the snapshot does not grow with every keystroke ever typed and erased.
    const doc = serverDoc(mapId);
    let written = 0;
    try {
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of rows) Y.applyUpdate(doc, row.update);
      });
      const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
      written = state.byteLength;
      await tx.mapSnapshot.upsert({
        where: { mapId },
        create: { mapId, state, lastUpdateId },
        update: { state, lastUpdateId },
      });
    } finally {
      doc.destroy();
    }
    await tx.mapUpdate.deleteMany({ where: { mapId, id: { lte: lastUpdateId } } });
    return { folded: rows.length, lastUpdateId, bytes: written };
  }, { timeout: 30_000, maxWait: 10_000 });
}
