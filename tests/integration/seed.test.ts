import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase, type Database } from "../../lib/db/client";
import { resolveDatabaseConfig } from "../../lib/db/databaseConfig";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { loadMapState } from "../../lib/db/mapState";
import { buildMapTree, readCitations } from "../../lib/argument";
import { seedDatabase, DEMO_EMAIL } from "../../prisma/seed/seedDatabase";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { runServerExpectingExit } from "../support/serverProcess";

logSkipReasonOnce();

describe.each(DATABASE_KINDS)("the seed on %s", (kind) => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await openDatabase(resolveDatabaseConfig({ ...process.env, ...testDb.env }));
    await applyPendingMigrations(db);
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it("writes the sample map, and every seeded citation quotes the article exactly", async () => {
    const first = await seedDatabase(db, { demo: true, demoPassword: "pw-for-tests" });
    expect(first.created).toBe(true);
    const again = await seedDatabase(db, { demo: true, demoPassword: "pw-for-tests" });
    expect(again).toEqual({ ...first, created: false });

    const { prisma } = db;
    const map = await prisma.map.findUniqueOrThrow({ where: { id: first.sampleMapId }, include: { members: { include: { user: true } } } });
    expect(map.question).toBe("How should the U.S. confront Mexican cartels?");
    expect(map.members.map((m) => [m.user.email, m.role])).toEqual([[DEMO_EMAIL, "owner"]]);

    const citations = await prisma.citation.findMany({ where: { mapId: map.id } });
    expect(citations.length).toBeGreaterThanOrEqual(12);
    const versions = await prisma.sourceVersion.findMany();
    const textOf = new Map(versions.map((v) => [`${v.sourceId}@${v.version}`, v.text]));
    const article = fs.readFileSync(path.resolve("prisma/seed/us-mexico-cartels.txt"), "utf8");
    for (const c of citations) {
      const text = textOf.get(`${c.sourceId}@${c.sourceVersion}`);
      expect(text, `citation ${c.id} names an existing source version`).toBe(article);
      expect(text!.slice(c.start, c.end), `citation ${c.id} (${c.tag})`).toBe(c.exact);
      expect(text!.slice(Math.max(0, c.start - c.prefix.length), c.start)).toBe(c.prefix);
      expect(text!.slice(c.end, c.end + c.suffix.length)).toBe(c.suffix);
    }

    // The Yjs state and the projection agree.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadMapState(map.id, db.prisma));
    expect(readCitations(doc).map((c) => c.id).sort()).toEqual(citations.map((c) => c.id).sort());
    const tree = buildMapTree(doc);
    const positions = tree.root!.children;
    expect(positions.map((p) => p.claim.kind)).toEqual(["position", "position"]);
    const claimRows = await prisma.claim.findMany({ where: { mapId: map.id } });
    expect(claimRows.length).toBe(tree.byId.size);
    for (const position of positions) {
      const count = (n: typeof position): number => n.children.reduce((sum, c) => sum + 1 + count(c), 0);
      expect(count(position)).toBeGreaterThanOrEqual(6);
    }
    const cited = new Set(citations.map((c) => c.claimId));
    for (const row of claimRows.filter((r) => r.kind === "claim")) expect(cited.has(row.id), `claim "${row.text}" has a citation`).toBe(true);
  });

  it("does not create the demo account when SEED_DEMO is off", async () => {
    const other = await freshDatabase(kind);
    const db2 = await openDatabase(resolveDatabaseConfig({ ...process.env, ...other.env }));
    try {
      await applyPendingMigrations(db2);
      const result = await seedDatabase(db2, { demo: false, demoPassword: "x" });
      expect(result.demoUserId).toBeNull();
      expect(await db2.prisma.user.count()).toBe(0);
      expect(await db2.prisma.map.count({ where: { isSample: true } })).toBe(1);
    } finally {
      await db2.close();
      await other.drop();
    }
  });
});

describe("start-up errors", () => {
  it("a corrupt embedded database gets a clear message, not a stack trace", async () => {
    const testDb = await freshDatabase("pglite");
    try {
      const dir = path.join(testDb.dataDir, "pglite");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "PG_VERSION"), "garbage\n");
      fs.writeFileSync(path.join(dir, "postgresql.conf"), "\0\0\0 not a config");
      const { code, output } = await runServerExpectingExit(testDb.env);
      expect(code).toBe(1);
      expect(output).toContain("Claimboard cannot start");
      expect(output).toMatch(/could not be opened/);
      expect(output).toMatch(/move that folder away/);
      expect(output).not.toMatch(/^\s+at /m);
    } finally {
      await testDb.drop();
    }
  });

  it("an unreachable PostgreSQL gets a clear message", async () => {
    const { code, output } = await runServerExpectingExit({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(output).toContain("Claimboard cannot start");
    expect(output).not.toMatch(/^\s+at /m);
  });
});
