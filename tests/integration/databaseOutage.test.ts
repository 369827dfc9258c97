import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, buildMapTree, claimBodyFragment, claimPlainText } from "../../lib/argument";
import { openDatabase, type Database } from "../../lib/db/client";
import { resolveDatabaseConfig } from "../../lib/db/databaseConfig";
import { loadMapState } from "../../lib/db/mapState";
import { freshDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/testDatabases";
import { freePort, startServer, type ServerProcess } from "../support/serverProcess";
import { TcpProxyProcess } from "../support/tcpProxyProcess";
import { CollabClient, crashServer, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, sleep, waitFor } from "../support/collabClient";

if (!TEST_DATABASE_URL) console.log("skip: TEST_DATABASE_URL is not set, so the PostgreSQL outage test is skipped.");

const textOf = (doc: Y.Doc, id: string) => {
  const f = claimBodyFragment(doc, id);
  return f ? claimPlainText(f) : null;
};

async function healthOf(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function waitForAsync(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

// PostgreSQL goes away (here: the TCP path to it, cut by killing a proxy process between the
// server and the database) while a client edits. The server keeps serving the socket, reports
// the outage on /api/health, retries its log writes, and after the path is back every
// accepted edit is in the database — proven by a kill -9 and a fresh start.
describe.runIf(!!TEST_DATABASE_URL)("a PostgreSQL outage while a client edits", () => {
  let db: TestDatabase;
  let direct: Database;
  let proxy: TcpProxyProcess;
  let server: ServerProcess | null = null;
  let serverEnv: Record<string, string>;

  beforeAll(async () => {
    db = await freshDatabase("postgresql");
    const target = new URL(db.env.DATABASE_URL);
    proxy = new TcpProxyProcess(await freePort(), target.hostname, Number(target.port || 5432));
    await proxy.restore();
    const viaProxy = new URL(db.env.DATABASE_URL);
    viaProxy.port = String(proxy.port);
    serverEnv = { ...db.env, DATABASE_URL: viaProxy.toString(), DEMO_PASSWORD, REDIS_URL: "", COLLAB_FLUSH_RETRY_MAX_MS: "2000" };
    server = await startServer(serverEnv);
    direct = await openDatabase(resolveDatabaseConfig({ ...db.env } as NodeJS.ProcessEnv));
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.cut();
    await direct?.close();
    await db?.drop();
  });

  it("keeps serving, reports 503 meanwhile, retries, and loses no accepted edit", async () => {
    const demo = await signedIn(server!.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const writer = new CollabClient(server!.url, mapId, demo.cookieHeader());
    const reader = new CollabClient(server!.url, mapId, demo.cookieHeader());
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    expect((await healthOf(server!.url)).body).toMatchObject({ status: "ok", db: "postgresql", redis: "off" });
    const root = buildMapTree(writer.doc).root!.claim.id;
    const edits: { id: string; text: string }[] = [];
    const edit = async (text: string) => {
      const id = addClaim(writer.doc, { kind: "position", parentId: root, text, authorId: null });
      edits.push({ id, text });
      // The other client receiving it proves the server accepted it.
      await waitFor(() => textOf(reader.doc, id) === text, 5_000, `"${text}" at the server`);
    };
    await edit("before the outage");

    await proxy.cut();
    const cutAt = Date.now();
    // The socket keeps working: edits during the outage still reach the other client.
    for (let i = 0; i < 8; i++) {
      await edit(`during the outage ${i}`);
      await sleep(250);
    }
    await waitForAsync(async () => {
      const h = await healthOf(server!.url);
      return h.status === 503 && h.body.status === "degraded" && h.body.db === "down";
    }, 15_000, "/api/health to report the outage");
    // Keep it down a few seconds in all.
    await sleep(Math.max(0, 3000 - (Date.now() - cutAt)));
    await edit("just before the database is back");

    await proxy.restore();
    await waitForAsync(async () => (await healthOf(server!.url)).status === 200, 20_000, "/api/health to recover");
    await edit("after the outage");
    expect(server!.output()).toMatch(/writing \d+ update\(s\) failed .*retrying in \d+ ms/);
    // The pool's idle connections broke with the path: the operator is told once, not per connection.
    expect(server!.output()).toMatch(/database: an idle PostgreSQL connection failed/);

    // Every accepted edit reaches the log by the server's own retries (nobody resends: the
    // clients are gone before the crash, and the restarted server has only the database).
    const stored = async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await loadMapState(mapId, direct.prisma));
      return doc;
    };
    await waitForAsync(async () => {
      const doc = await stored();
      return edits.every((e) => textOf(doc, e.id) === e.text);
    }, 30_000, "every edit in the database");
    writer.destroy();
    reader.destroy();
    await crashServer(server!);
    server = await startServer(serverEnv, { port: server!.port });
    const fresh = new CollabClient(server.url, mapId, demo.cookieHeader());
    try {
      await fresh.whenSynced();
      for (const e of edits) expect(textOf(fresh.doc, e.id)).toBe(e.text);
    } finally {
      fresh.destroy();
    }
    expect(edits.length).toBe(11);
  }, 180_000);
});
