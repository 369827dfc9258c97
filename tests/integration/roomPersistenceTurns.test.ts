import { describe, expect, it } from "vitest";
import pg from "pg";
import * as Y from "yjs";
import { initMapDoc, addClaim } from "../../lib/argument";
import { backgroundTurns } from "../../server/collab/backgroundTurns";
import { readCollabConfig } from "../../server/collab/collabConfig";
import { emptyPersistenceStats, RoomPersistence } from "../../server/collab/roomPersistence";
import { DATABASE_KINDS, logSkipReasonOnce, TEST_DATABASE_URL } from "../support/testDatabases";
import { migratedDatabase } from "../support/migratedDatabase";
import type { Database } from "../../lib/db/client";

logSkipReasonOnce();

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // stands in for other rooms' refreshes: synchronous projection work
  }
};

/** A new map and the persistence of a room that holds its doc, configured by `env`. */
async function awakeRoom(db: Database, question: string, env: Record<string, string>) {
  const map = await db.prisma.map.create({ data: { title: "t", question: "q" } });
  const doc = new Y.Doc();
  const root = initMapDoc(doc, { title: "Turns", question, authorId: null });
  const stats = emptyPersistenceStats();
  const persistence = new RoomPersistence(
    map.id,
    { read: (fn) => fn(doc), dormant: false },
    db,
    readCollabConfig(env as unknown as NodeJS.ProcessEnv),
    stats,
    () => {},
    () => {},
  );
  return { map, doc, root, stats, persistence };
}

// A saturated process: every room's projection refresh queues for a background turn
// (backgroundTurns.ts). A room whose refresh is waiting in that queue must still write its
// log within the flush budget; before 29 Nov its refresh held the room's job slot while it
// waited, and the log write waited behind the whole queue.
describe.each(DATABASE_KINDS)("a room's log writes while its refresh waits for a turn, on %s", (kind) => {
  const fixture = migratedDatabase(kind);

  it("are not held up by the queue of other rooms' refreshes", async () => {
    const { map, doc, root, stats, persistence } = await awakeRoom(fixture.db, "Does the log wait?", {});
    try {
      // 100 other rooms' refreshes of 5 ms each are queued first: ~0.5 s of turns.
      const jobs = 100;
      let floodEndedAt = 0;
      const flood = Array.from({ length: jobs }, (_, i) =>
        backgroundTurns.turn().then(() => {
          busyFor(5);
          if (i === jobs - 1) floodEndedAt = performance.now();
        }),
      );
      // This room's refresh becomes due behind them, then a client's edit arrives.
      persistence.learnStoredProjection();
      const before = new Y.Doc();
      Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
      addClaim(doc, { kind: "claim", stance: "pro", parentId: root, text: "typed while the queue is long", authorId: null });
      const editedAt = performance.now();
      persistence.append(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(before)));

      let flushedAt = 0;
      while (stats.logFlushes === 0 && performance.now() - editedAt < 10_000) await new Promise((r) => setImmediate(r));
      flushedAt = performance.now();
      await Promise.all(flood);
      expect(stats.logFlushes).toBe(1);
      // Written while the queue was still being worked through, not after it.
      expect(flushedAt).toBeLessThan(floodEndedAt);
      expect(await fixture.db.prisma.mapUpdate.count({ where: { mapId: map.id } })).toBe(1);
      // And the refresh itself still ran once its turn came.
      while (stats.projectionsWritten === 0 && performance.now() - editedAt < 10_000) await new Promise((r) => setTimeout(r, 10));
      expect(stats.projectionsWritten).toBe(1);
    } finally {
      await persistence.drain({ deadline: Date.now() + 5_000, compact: false, project: false });
      persistence.close();
    }
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (await condition()) return true;
    await sleep(25);
  }
  return condition();
}

// A refresh's turn projects the doc when it is granted, and the refresh job writes that
// projection once the room's job slot is free. While the slot is held (here: the log write
// waits for a lock another connection holds, as during a compaction by another instance),
// an edit made after the turn pokes the debounce; when that fires before the slot frees, its
// request runs the older projection, and the newer edit must still be projected after.
// PostgreSQL only: PGlite has one connection, so another session cannot hold the lock.
describe.skipIf(!TEST_DATABASE_URL)("a refresh that waited for the job slot, on postgresql", () => {
  const fixture = migratedDatabase("postgresql");

  it("leaves no edit made meanwhile out of the projection", async () => {
    const { map, doc, root, stats, persistence } = await awakeRoom(fixture.db, "Is the late edit projected?", { COLLAB_PROJECTION_IDLE_MS: "150" });
    const blocker = new pg.Client({ connectionString: fixture.env.DATABASE_URL });
    await blocker.connect();
    const edit = (text: string) => {
      const before = Y.encodeStateVector(doc);
      const id = addClaim(doc, { kind: "claim", stance: "pro", parentId: root, text, authorId: null });
      persistence.append(Y.encodeStateAsUpdate(doc, before));
      return id;
    };
    const projected = (id: string) => async () => (await fixture.db.prisma.claim.count({ where: { mapId: map.id, id } })) === 1;
    try {
      persistence.learnStoredProjection();
      expect(await waitUntil(async () => stats.projectionsWritten === 1, 10_000)).toBe(true);
      // The map's log lock (mapUpdateLog.ts), held elsewhere: this room's log writes wait.
      await blocker.query("select pg_advisory_lock(hashtext($1))", [map.id]);
      // Other rooms' refreshes queue for turns first (~1 s with their pacing)...
      const flood = Array.from({ length: 10 }, () => backgroundTurns.turn().then(() => busyFor(25)));
      // ...so this room's refresh, asked for while its slot is free (a change through
      // another instance: no log write), is granted only after an edit took the slot.
      persistence.noteRemoteChange();
      await sleep(300);
      const first = edit("edited before the turn");
      await Promise.all(flood);
      await sleep(100); // the turn came and took its projection; the slot is still held
      const late = edit("edited after the turn took its projection");
      await sleep(400); // the debounce for the late edit fires while the slot is still held
      expect(stats.logFlushes).toBe(0);
      await blocker.query("select pg_advisory_unlock(hashtext($1))", [map.id]);
      expect(await waitUntil(projected(first), 10_000)).toBe(true);
      expect(await waitUntil(projected(late), 5_000)).toBe(true);
      expect(await fixture.db.prisma.mapUpdate.count({ where: { mapId: map.id } })).toBeGreaterThanOrEqual(1);
    } finally {
      await blocker.end();
      await persistence.drain({ deadline: Date.now() + 5_000, compact: false, project: false });
      persistence.close();
    }
  });
});
