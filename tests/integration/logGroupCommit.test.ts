import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadMapState } from "../../lib/db/mapState";
import { LogGroupCommit } from "../../server/collab/logGroupCommit";
import { DATABASE_KINDS, logSkipReasonOnce } from "../support/testDatabases";
import { migratedDatabase } from "../support/migratedDatabase";

logSkipReasonOnce();

// Rooms of one process share a group commit: rows of many maps go out in one transaction.
describe.each(DATABASE_KINDS)("the cross-room group commit on %s", (kind) => {
  const fixture = migratedDatabase(kind);

  const updateWith = (key: string, value: number) => {
    const doc = new Y.Doc();
    doc.getMap<number>("m").set(key, value);
    return Y.encodeStateAsUpdate(doc);
  };

  it("writes every map's rows, and a deleted map fails only its own", async () => {
    const maps = await Promise.all(Array.from({ length: 5 }, (_, i) => fixture.db.prisma.map.create({ data: { title: `g${i}`, question: "?" } })));
    const writer = new LogGroupCommit(fixture.db);
    // Concurrent appends: the first goes out alone, the rest collect into one batch behind it.
    await Promise.all(maps.flatMap((m, i) => [writer.append(m.id, updateWith("a", i)), writer.append(m.id, updateWith("b", i))]));
    for (const [i, m] of maps.entries()) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await loadMapState(m.id, fixture.db.prisma));
      expect(doc.getMap<number>("m").toJSON()).toEqual({ a: i, b: i });
    }

    await fixture.db.prisma.map.delete({ where: { id: maps[2].id } });
    const results = await Promise.allSettled(maps.map((m, i) => writer.append(m.id, updateWith("c", i))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(await fixture.db.prisma.mapUpdate.count({ where: { mapId: maps[0].id } })).toBe(3);
    expect(await fixture.db.prisma.mapUpdate.count({ where: { mapId: maps[2].id } })).toBe(0);
  });

  it("starts at most one write per interval: rows that arrive meanwhile share the next one", async () => {
    const maps = await Promise.all(Array.from({ length: 6 }, (_, i) => fixture.db.prisma.map.create({ data: { title: `p${i}`, question: "?" } })));
    const writer = new LogGroupCommit(fixture.db, 400);
    const doneAt: number[] = [];
    const started = performance.now();
    const appends: Promise<void>[] = [];
    // A lone first row goes out at once; five more trickle in over the next 150 ms.
    for (const [i, m] of maps.entries()) {
      appends.push(writer.append(m.id, updateWith("x", i)).then(() => void doneAt.push(performance.now() - started)));
      await new Promise((r) => setTimeout(r, 30));
    }
    await Promise.all(appends);
    doneAt.sort((a, b) => a - b);
    // Two statements: the first row alone, then the other five together no sooner than 400 ms later.
    expect(doneAt[1] - doneAt[0]).toBeGreaterThanOrEqual(300);
    expect(doneAt[5] - doneAt[1]).toBeLessThan(50);
    for (const m of maps) expect(await fixture.db.prisma.mapUpdate.count({ where: { mapId: m.id } })).toBe(1);
  });
});
