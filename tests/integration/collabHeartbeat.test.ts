import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL, DEMO_PASSWORD, firstMapId, openRawSocket, signedIn } from "../support/collabClient";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";

// The heartbeat pings a slice of the sockets per tick (server/collab/heartbeat.ts); this checks
// the whole loop on a real server: a peer that stops answering is dropped, a live one is kept.

const HEARTBEAT_MS = 1000;

describe("collab heartbeat", () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, DEMO_PASSWORD, COLLAB_HEARTBEAT_MS: String(HEARTBEAT_MS) }, { timeoutMs: 180_000 });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("drops a socket that answers no ping within two intervals and keeps the ones that do", async () => {
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const live = await Promise.all(Array.from({ length: 5 }, () => openRawSocket(server.url, mapId, demo.cookieHeader())));
    const mute = await openRawSocket(server.url, mapId, demo.cookieHeader(), { autoPong: false });
    let pings = 0;
    live[0].ws.on("ping", () => pings++);

    const started = Date.now();
    const closed = await Promise.race([mute.closed, new Promise<null>((r) => setTimeout(() => r(null), 5 * HEARTBEAT_MS))]);
    expect(closed, "the silent socket was not dropped").not.toBeNull();
    // Terminated (no close frame: the peer is presumed gone), after one unanswered ping.
    expect(closed!.code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(2 * HEARTBEAT_MS + 1000);
    expect(server.output()).toContain("no pong, dropping the socket");

    await new Promise((r) => setTimeout(r, 2 * HEARTBEAT_MS));
    expect(live.every((s) => s.ws.readyState === s.ws.OPEN)).toBe(true);
    expect(pings).toBeGreaterThanOrEqual(2);
    for (const s of live) s.ws.close();
  });
});
