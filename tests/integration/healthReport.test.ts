import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { freePort, startServer, type ServerProcess } from "../support/serverProcess";

// /api/health names the Redis state. A REDIS_URL nobody listens on is Redis down: the
// instance still starts and serves (200), reporting itself degraded.
describe("/api/health with Redis unreachable", () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` }, { timeoutMs: 120_000 });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("answers 200 with status degraded and redis down", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "degraded", db: "pglite", redis: "down" });
  });
});
