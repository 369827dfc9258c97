import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../lib/db/client";
import { applyPendingMigrations, diffSchemaAgainstMigrations, readMigrationDirectories } from "../../lib/db/migrations";

const migrationsDir = path.resolve("prisma", "migrations");

async function expectedMigrationNames(): Promise<string[]> {
  return (await readMigrationDirectories(migrationsDir)).migrationDirectories.map((d) => d.path);
}

describe("migration history", () => {
  it("matches prisma/schema.prisma (run `npm run db:migration -- <name>` after editing the schema)", async () => {
    const diff = await diffSchemaAgainstMigrations();
    expect(diff.inSync, `prisma/migrations lags behind schema.prisma; missing SQL:\n${diff.sql}`).toBe(true);
  });
});

// The same checks for every backend: fresh database, apply all, re-apply nothing, use it.
function describeMigrationsOn(open: () => Promise<Database>) {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("applies every migration once and records it like prisma migrate deploy", async () => {
    const expected = await expectedMigrationNames();
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyPendingMigrations(db, { migrationsDir })).toEqual(expected);
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished: boolean; rolled_back: boolean; applied_steps_count: number }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count
      FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    for (const row of rows) expect(row).toMatchObject({ finished: true, rolled_back: false, applied_steps_count: 1 });

    expect(await applyPendingMigrations(db, { migrationsDir })).toEqual([]);
  });

  it("leaves a schema Prisma Client can use", async () => {
    const email = `migrations-${randomBytes(4).toString("hex")}@example.test`;
    const created = await db.prisma.user.create({ data: { email, name: "Migrated", passwordHash: "x" } });
    const found = await db.prisma.user.findUnique({ where: { email } });
    expect(found).toMatchObject({ id: created.id, name: "Migrated" });
  });
}

describe("migrations on PGlite", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimboard-migrations-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  describeMigrationsOn(() => openDatabase({ kind: "pglite", dataDir }));
});

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) console.log("Skipping migrations on PostgreSQL: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to run them.");

describe.skipIf(!adminUrl)("migrations on PostgreSQL", () => {
  const database = `claimboard_migrations_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const withDatabase = (name: string) => {
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE "${database}"`));
  });
  // Registered before describeMigrationsOn's afterAll, so it runs after the pool is closed.
  afterAll(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  });

  // Built lazily: skipIf still runs this body when TEST_DATABASE_URL is unset.
  describeMigrationsOn(() => openDatabase({ kind: "postgresql", url: withDatabase(database) }));

  // Instances start against one database; the schema engine takes a session advisory lock and
  // never releases it (schemaEngine.ts), so one left on a connection that stays open would make
  // every later start time out ("Timed out trying to acquire a postgres advisory lock").
  it("lets another instance migrate while the first stays open", async () => {
    const first = await openDatabase({ kind: "postgresql", url: withDatabase(database) });
    const second = await openDatabase({ kind: "postgresql", url: withDatabase(database) });
    try {
      expect(await applyPendingMigrations(first, { migrationsDir })).toEqual([]);
      await first.prisma.user.count(); // the app's own queries on the first instance's pool
      // Prisma's migration lock key; nobody may still hold it once the migration is done.
      const held = await admin((c) => c.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 72707369`));
      expect(held.rows[0].n).toBe(0);
      expect(await applyPendingMigrations(second, { migrationsDir })).toEqual([]);
    } finally {
      await second.close();
      await first.close();
    }
  }, 30_000);
});
