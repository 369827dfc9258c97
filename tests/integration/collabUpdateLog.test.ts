import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase, type Database } from "../../lib/db/client";
import { resolveDatabaseConfig } from "../../lib/db/databaseConfig";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { loadMapState } from "../../lib/db/mapState";
import { appendMapUpdates, appendUpdatesOfMaps, compactMapLog, countPendingMapUpdates } from "../../lib/db/mapUpdateLog";
import pg from "pg";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";

logSkipReasonOnce();

describe.each(DATABASE_KINDS)("the map update log on %s", (kind) => {
  let testDb: TestDatabase;
  let db: Database;
  let second: Database | null = null;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await openDatabase(resolveDatabaseConfig({ ...testDb.env } as NodeJS.ProcessEnv));
    await applyPendingMigrations(db);
    // PostgreSQL: a second client stands in for another server instance writing the same map.
    if (kind === "postgresql") second = await openDatabase(resolveDatabaseConfig({ ...testDb.env } as NodeJS.ProcessEnv));
  });
  afterAll(async () => {
    await second?.close();
    await db?.close();
    await testDb?.drop();
  });

  it("compacts into one snapshot while concurrent appends (later ids) survive", async () => {
    const map = await db.prisma.map.create({ data: { title: "log test", question: "?" } });
    const writer = new Y.Doc();
    const texts = writer.getArray<number>("n");
    const updates: Uint8Array[] = [];
    writer.on("update", (u: Uint8Array) => updates.push(u));
    let next = 0;
    const appendSome = async (via: Database, count: number) => {
      for (let i = 0; i < count; i++) {
        texts.push([next++]);
        await appendMapUpdates(via, map.id, [updates[updates.length - 1]]);
      }
    };
    await appendSome(db, 20);
    for (let round = 0; round < 5; round++) {
      const [compacted] = await Promise.all([compactMapLog(db.prisma, map.id), appendSome(second ?? db, 10), appendSome(second ?? db, 5)]);
      expect(compacted.folded).toBeGreaterThanOrEqual(0);
    }
    const final = await compactMapLog(db.prisma, map.id);
    expect(final.folded).toBeGreaterThanOrEqual(0);
    expect(await countPendingMapUpdates(db.prisma, map.id)).toBe(0);
    expect(await db.prisma.mapUpdate.count({ where: { mapId: map.id } })).toBe(0);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadMapState(map.id, db.prisma));
    expect(doc.getArray<number>("n").toArray().sort((a, b) => a - b)).toEqual(Array.from({ length: next }, (_, i) => i));
    // Nothing to fold: no snapshot rewrite.
    expect((await compactMapLog(db.prisma, map.id)).folded).toBe(0);
  });

  it("appends more rows at once than one statement can bind, in order", async () => {
    const maps = await Promise.all([0, 1].map((i) => db.prisma.map.create({ data: { title: `bulk ${i}`, question: "?" } })));
    // 3 bind parameters per row: 22,000 rows would be 66,000 parameters in one statement (PostgreSQL allows 65,535).
    const rows = Array.from({ length: 22_000 }, (_, i) => {
      const doc = new Y.Doc();
      // Distinct client ids: two docs of one map with the same random 32-bit id write the same
      // item id, so a key vanishes; with 11,000 docs per map that happened about once in 36 runs.
      doc.clientID = i + 1;
      doc.getMap<number>("n").set(`k${i}`, i);
      return { mapId: maps[i % 2].id, update: Y.encodeStateAsUpdate(doc) };
    });
    await appendUpdatesOfMaps(db, rows);
    for (const [m, map] of maps.entries()) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await loadMapState(map.id, db.prisma));
      expect(doc.getMap("n").size).toBe(11_000);
      const ids = await db.prisma.mapUpdate.findMany({ where: { mapId: map.id }, orderBy: { id: "asc" }, select: { update: true } });
      // Ids follow the input order: the first row of this map is k0 or k1, the last k21998 or k21999.
      const first = new Y.Doc();
      Y.applyUpdate(first, ids[0].update);
      expect([...first.getMap("n").keys()]).toEqual([`k${m}`]);
    }
  }, 120_000);

  it.runIf(kind === "postgresql")("an append waits for a running compaction before it draws a row id", async () => {
    const map = await db.prisma.map.create({ data: { title: "lock order test", question: "?" } });
    const compactor = new pg.Client({ connectionString: testDb.env.DATABASE_URL });
    await compactor.connect();
    const lastId = async () => BigInt((await compactor.query(`select last_value from "MapUpdate_id_seq"`)).rows[0].last_value);
    try {
      await compactor.query("begin");
      await compactor.query("select pg_advisory_xact_lock(hashtext($1))", [map.id]);
      const before = await lastId();
      let appended = false;
      const append = appendMapUpdates(db, map.id, [new Uint8Array([0, 0])]).then(() => (appended = true));
      await new Promise((r) => setTimeout(r, 300));
      // Still blocked on the lock, and no id taken yet: an id drawn now could land below the
      // snapshot's lastUpdateId and be skipped by every later load.
      expect(appended).toBe(false);
      expect(await lastId()).toBe(before);
      await compactor.query("commit");
      await append;
      expect(await lastId()).toBeGreaterThan(before);
    } finally {
      await compactor.end();
    }
  });

  it.runIf(kind === "postgresql")("never folds past an append that took its id earlier but commits later", async () => {
    const map = await db.prisma.map.create({ data: { title: "gap test", question: "?" } });
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on("update", (u: Uint8Array) => updates.push(u));
    writer.getArray<string>("n").push(["slow"]);
    writer.getArray<string>("n").push(["fast"]);
    // Another instance, following the same protocol, allocated an id and has not committed yet.
    const other = new pg.Client({ connectionString: testDb.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select pg_advisory_xact_lock_shared(hashtext($1))", [map.id]);
      await other.query(`insert into "MapUpdate" ("mapId", "update") values ($1, $2)`, [map.id, Buffer.from(updates[0])]);
      // Meanwhile a later id commits, and compaction starts.
      await appendMapUpdates(db, map.id, [updates[1]]);
      let compactionDone = false;
      const compaction = compactMapLog(db.prisma, map.id).then((r) => ((compactionDone = true), r));
      await new Promise((r) => setTimeout(r, 300));
      // The shared lock held by the open append keeps compaction waiting.
      expect(compactionDone).toBe(false);
      await other.query("commit");
      expect((await compaction).folded).toBe(2);
    } finally {
      await other.end();
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadMapState(map.id, db.prisma));
    expect(doc.getArray<string>("n").toArray()).toEqual(["slow", "fast"]);
  });
});
