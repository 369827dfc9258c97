import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaim, readAllClaims } from "../../lib/argument";
import { projectMap } from "../../lib/argument/mapProjection";
import { loadMapDoc } from "../../lib/db/mapState";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, crashServer, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, mapFingerprint, signedIn, sleep, waitFor, withDatabase } from "../support/collabClient";

logSkipReasonOnce();

// Rooms go dormant after 300 ms without an edit (room.ts): the doc is dropped, the encoded
// state kept. Every path that needs the doc must bring it back intact.
const SERVER_ENV = { DEMO_PASSWORD, COLLAB_HIBERNATE_MS: "300", COLLAB_PROJECTION_IDLE_MS: "50" };

const statsOf = (output: string) => {
  const line = output.split("\n").find((l) => l.startsWith("collab: stopped; stats "));
  return line ? (JSON.parse(line.slice("collab: stopped; stats ".length)) as Record<string, number>) : null;
};

describe.each(DATABASE_KINDS)("dormant rooms on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("an idle room drops its doc and wakes for edits, joins and reloads without losing anything", async () => {
    server = await startServer({ ...db.env, ...SERVER_ENV });
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const client = () => {
      const c = new CollabClient(server.url, mapId, demo.cookieHeader());
      clients.push(c);
      return c;
    };
    const a = client();
    const b = client();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const initial = readAllClaims(a.doc).length;
    const root = readAllClaims(a.doc).find((c) => c.parentId === null)!.id;

    addClaim(a.doc, { kind: "position", parentId: root, text: "before the nap", authorId: null });
    await waitFor(() => readAllClaims(b.doc).length === initial + 1, 10_000, "b sees a's claim");
    await sleep(1500); // dormant now (projection written, log flushed, 300 ms quiet)

    // An edit wakes the room and still reaches the other socket.
    addClaim(b.doc, { kind: "position", parentId: root, text: "woken by b", authorId: null });
    await waitFor(() => readAllClaims(a.doc).length === initial + 2, 10_000, "a sees b's claim after the wake");
    await sleep(1500);

    // A client joining a dormant room gets the full state (answered from the encoded state).
    const c = client();
    await c.whenSynced();
    expect(mapFingerprint(c.doc)).toBe(mapFingerprint(a.doc));
    await sleep(1500);

    // The last edit, then a crash: the log (written within 100 ms) must hold it.
    addClaim(c.doc, { kind: "position", parentId: root, text: "after the join", authorId: null });
    await waitFor(() => readAllClaims(a.doc).length === initial + 3 && readAllClaims(b.doc).length === initial + 3, 10_000, "everyone sees c's claim");
    const expected = mapFingerprint(a.doc);
    await sleep(1500);
    const stopped = server.stop();
    await stopped;
    const stats = statsOf(server.output());
    expect(stats?.roomsHibernated).toBeGreaterThanOrEqual(3);
    expect(stats?.roomsWoken).toBeGreaterThanOrEqual(2);

    const stored = await withDatabase(db, () => loadMapDoc(mapId));
    expect(mapFingerprint(stored)).toBe(expected);
    const texts = projectMap(stored).claims.map((x) => x.text);
    expect(texts).toEqual(expect.arrayContaining(["before the nap", "woken by b", "after the join"]));
  });

  it("an edit to a room that went dormant survives a crash", async () => {
    server = await startServer({ ...db.env, ...SERVER_ENV });
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const [a, b] = [0, 1].map(() => new CollabClient(server.url, mapId, demo.cookieHeader()));
    clients.push(a, b);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = readAllClaims(a.doc).find((c) => c.parentId === null)!.id;
    await sleep(1500);
    const before = readAllClaims(b.doc).length;
    addClaim(a.doc, { kind: "position", parentId: root, text: "typed into a dormant room", authorId: null });
    // b receiving it proves the woken room accepted it; the log write follows within 100 ms.
    await waitFor(() => readAllClaims(b.doc).length === before + 1, 10_000, "b sees the edit");
    const expected = mapFingerprint(a.doc);
    // The group commit writes within 100 ms, unless a projection refresh of this room is
    // still running on a loaded machine (one database job per room at a time).
    await sleep(1000);
    await crashServer(server);
    a.destroy();
    b.destroy();
    const stored = await withDatabase(db, () => loadMapDoc(mapId));
    if (mapFingerprint(stored) !== expected) console.log(server.output());
    expect(mapFingerprint(stored)).toBe(expected);
  });
});
