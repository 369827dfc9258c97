import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "../../lib/db/client";
import { resolveDatabaseConfig } from "../../lib/db/databaseConfig";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { freshDatabase } from "./testDatabases";

/**
 * A fresh, migrated database of `kind` for the enclosing `describe`: created and opened before
 * its tests, closed and dropped after them. Read `.db` inside a test (it is set by then).
 */
export function migratedDatabase(kind: "pglite" | "postgresql"): { readonly db: Database; readonly env: Record<string, string> } {
  let db: Database | undefined;
  let env: Record<string, string> | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const testDb = await freshDatabase(kind);
    drop = () => testDb.drop();
    env = testDb.env;
    db = await openDatabase(resolveDatabaseConfig({ ...testDb.env } as NodeJS.ProcessEnv));
    await applyPendingMigrations(db);
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });
  return {
    get db() {
      if (!db) throw new Error("migratedDatabase: read .db inside a test, after beforeAll");
      return db;
    },
    /** Its DATABASE_URL (and the rest of the server's environment for it). */
    get env() {
      if (!env) throw new Error("migratedDatabase: read .env inside a test, after beforeAll");
      return env;
    },
  };
}
