import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { initMapDoc, addClaim } from "../../lib/argument";
import { backgroundTurns } from "../../server/collab/backgroundTurns";
import { readCollabConfig } from "../../server/collab/collabConfig";
import { emptyPersistenceStats, RoomPersistence } from "../../server/collab/roomPersistence";
import { DATABASE_KINDS, logSkipReasonOnce } from "../support/testDatabases";
import { migratedDatabase } from "../support/migratedDatabase";

logSkipReasonOnce();

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // stands in for other rooms' refreshes: synchronous projection work
  }
};

// A saturated process: every room's projection refresh queues for a background turn
// (backgroundTurns.ts). A room whose refresh is waiting in that queue must still write its
// log within the flush budget; before 29 Nov its refresh held the room's job slot while it
// waited, and the log write waited behind the whole queue.
describe.each(DATABASE_KINDS)("a room's log writes while its refresh waits for a turn, on %s", (kind) => {
  const fixture = migratedDatabase(kind);

  it("are not held up by the queue of other rooms' refreshes", async () => {
    const map = await fixture.db.prisma.map.create({ data: { title: "t", question: "q" } });
    const doc = new Y.Doc();
    const root = initMapDoc(doc, { title: "Turns", question: "Does the log wait?", authorId: null });
    const stats = emptyPersistenceStats();
    const persistence = new RoomPersistence(
      map.id,
      { read: (fn) => fn(doc), dormant: false },
      fixture.db,
      readCollabConfig({} as NodeJS.ProcessEnv),
      stats,
      () => {},
      () => {},
    );
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
