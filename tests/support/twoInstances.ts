import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { freshPostgresDatabase, TEST_DATABASE_URL, type TestDatabase } from "./testDatabases";
import { startServer, type ServerProcess } from "./serverProcess";
import { DEMO_PASSWORD, type CollabClient } from "./collabClient";

// Scale-out tests (DESIGN.md "Scale-out"): two real server processes on one fresh PostgreSQL
// database and one Redis, as two instances behind a load balancer.

export const REDIS_URL = process.env.REDIS_URL;
export const twoInstancesEnabled = Boolean(TEST_DATABASE_URL && REDIS_URL);

/** Says once per file why `what` is skipped; call at module level next to `describe.skipIf(!twoInstancesEnabled)`. */
export function logTwoInstancesSkip(what: string): void {
  if (twoInstancesEnabled) return;
  const missing = [!TEST_DATABASE_URL && "TEST_DATABASE_URL", !REDIS_URL && "REDIS_URL"].filter(Boolean).join(", ");
  console.log(`skip: ${what} needs both TEST_DATABASE_URL and REDIS_URL (missing: ${missing}).`);
}

export interface TwoInstances {
  db: TestDatabase;
  /** What both instances were started with, for restarting one (`startServer(env, { port })`). */
  env: Record<string, string>;
  /** Reassign after a restart: teardown stops whatever a and b are then. */
  a: ServerProcess;
  b: ServerProcess;
  /** Clients registered here are destroyed before the instances stop. */
  clients: CollabClient[];
}

/**
 * Registers beforeAll/afterAll in the calling describe: a fresh database, then instance A,
 * then B (one after the other: the first applies the migrations and seeds), both on REDIS_URL
 * with one NEXTAUTH_SECRET so each accepts the other's session cookies. The returned object is
 * filled in by beforeAll. SCALE_DEBUG=1 prints what the instances logged.
 */
export function useTwoInstances(extraEnv: Record<string, string> = {}): TwoInstances {
  const cluster = { clients: [] as CollabClient[] } as TwoInstances;
  beforeAll(async () => {
    cluster.db = await freshPostgresDatabase();
    cluster.env = { ...cluster.db.env, DEMO_PASSWORD, REDIS_URL: REDIS_URL!, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), ...extraEnv };
    cluster.a = await startServer(cluster.env, { timeoutMs: 180_000 });
    cluster.b = await startServer(cluster.env, { timeoutMs: 180_000 });
  }, 400_000);
  afterAll(async () => {
    if (process.env.SCALE_DEBUG) console.log(`A:\n${cluster.a?.output()}\nB:\n${cluster.b?.output()}`);
    for (const c of cluster.clients.splice(0)) c.destroy();
    await Promise.all([cluster.a?.stop(), cluster.b?.stop()]);
    await cluster.db?.drop();
  });
  return cluster;
}
