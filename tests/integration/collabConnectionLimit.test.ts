import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RawSocket } from "../support/collabClient";
import { DEMO_EMAIL, DEMO_PASSWORD, firstMapId, openRawSocket, signedIn, signedUp, upgradeStatus, waitFor } from "../support/collabClient";
import { freshDatabase, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";

// Message floods (4529) are covered by collabSync.test.ts; this covers the other half of the
// socket limits: how many sockets one account may hold open on an instance.

const LIMIT = 3;

describe("per-user WebSocket connection limit", () => {
  let db: TestDatabase;
  let server: ServerProcess;
  const sockets: RawSocket[] = [];

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startServer({ ...db.env, DEMO_PASSWORD, COLLAB_MAX_CONNECTIONS_PER_USER: String(LIMIT) }, { timeoutMs: 180_000 });
  });
  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    await server?.stop();
    await db?.drop();
  });

  it("refuses the upgrade over the limit with 429, per account, and frees the slot on close", async () => {
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const demoMap = await firstMapId(demo);
    const other = await signedUp(server.url, "other@example.com", "other password");
    const otherMap = await firstMapId(other);

    // other shares their map with demo, so demo may open it: only the limit stands in the way.
    const shared = await other.fetch(`/api/maps/${otherMap}/members`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO_EMAIL, role: "viewer" }),
    });
    expect(shared.status).toBe(200);

    for (let i = 0; i < LIMIT; i++) sockets.push(await openRawSocket(server.url, demoMap, demo.cookieHeader()));
    expect(await upgradeStatus(server.url, demoMap, demo.cookieHeader())).toBe(429);
    // The limit is per account across all maps…
    expect(await upgradeStatus(server.url, otherMap, demo.cookieHeader())).toBe(429);
    // …and another account is unaffected.
    expect(await upgradeStatus(server.url, otherMap, other.cookieHeader())).toBe(101);

    // Closing a socket frees its slot; a parallel burst then gets exactly that one slot, not more
    // (slots are reserved before the handshakes finish).
    sockets.pop()!.ws.close();
    let opened: RawSocket[] = [];
    let refusals: string[] = [];
    for (let attempt = 0; attempt < 40 && opened.length === 0; attempt++) {
      await new Promise((r) => setTimeout(r, 50));
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => openRawSocket(server.url, demoMap, demo.cookieHeader())));
      opened = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      refusals = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
      sockets.push(...opened);
      expect(opened.length, `burst ${attempt}`).toBeLessThanOrEqual(1);
      expect(refusals.every((m) => m.includes("429")), refusals.join("; ")).toBe(true);
    }
    expect(opened).toHaveLength(1);
    expect(refusals).toHaveLength(9);

    // The sockets within the limit were never disturbed.
    for (const s of sockets) expect(s.ws.readyState).toBe(s.ws.OPEN);
    expect(server.output()).toContain("upgrade refused");
  });
});
