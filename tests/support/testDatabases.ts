import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** The database kinds integration tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export function logSkipReasonOnce(): void {
  const g = globalThis as { __pgSkipLogged?: boolean };
  if (!TEST_DATABASE_URL && !g.__pgSkipLogged) {
    g.__pgSkipLogged = true;
    console.log("skip: TEST_DATABASE_URL is not set, so the PostgreSQL variants of the integration tests are skipped.");
  }
}

export interface TestDatabase {
  kind: "pglite" | "postgresql";
  /** Environment for a server process or openDatabase(): DATABASE_URL or CLAIMBOARD_DATA_DIR. */
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, empty embedded database directory. */
export function freshPgliteDatabase(): TestDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimboard-test-"));
  return {
    kind: "pglite",
    dataDir,
    env: { CLAIMBOARD_DATA_DIR: dataDir, DATABASE_URL: "" },
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL database created on the TEST_DATABASE_URL server and dropped afterwards. */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `claimboard_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimboard-test-"));
  return {
    kind: "postgresql",
    dataDir,
    env: { DATABASE_URL: url.toString(), CLAIMBOARD_DATA_DIR: dataDir },
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function freshDatabase(kind: "pglite" | "postgresql"): Promise<TestDatabase> {
  return kind === "pglite" ? freshPgliteDatabase() : freshPostgresDatabase();
}

/** The kinds to run a suite on, for `describe.each`. */
export const DATABASE_KINDS: ("pglite" | "postgresql")[] = TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
