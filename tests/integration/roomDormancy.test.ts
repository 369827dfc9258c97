import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { updateMessage } from "../../server/collab/syncMessages";
import { addClaim, readAllClaims, setClaimText } from "../../lib/argument";
import { projectMap } from "../../lib/argument/mapProjection";
import { loadMapDoc } from "../../lib/db/mapState";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, crashServer, openRawSocket, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, mapFingerprint, signedIn, sleep, waitFor, withDatabase } from "../support/collabClient";

logSkipReasonOnce();

// A loaded room drops its doc and keeps the state encoded (room.ts, encodedMapState.ts):
// clients' edits are taken as bytes, projection refreshes and joins build a doc for the
// moment, and only an update the encoded state cannot vouch for wakes the room (for 300 ms
// here). Every path must keep the map intact.
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

  /** Starts the server and syncs two clients to the demo account's first map. */
  const twoClients = async (env: Record<string, string> = {}) => {
    server = await startServer({ ...db.env, ...SERVER_ENV, ...env });
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const [a, b] = [0, 1].map(() => new CollabClient(server.url, mapId, demo.cookieHeader()));
    clients.push(a, b);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = readAllClaims(a.doc).find((c) => c.parentId === null)!.id;
    return { demo, mapId, a, b, root };
  };

  /** Stops the server; it must have woken a room and put it to sleep again, and stored `expected`. */
  const stopExpectingAWake = async (mapId: string, expected: string) => {
    await server.stop();
    const stats = statsOf(server.output());
    expect(stats?.roomsWoken).toBeGreaterThanOrEqual(1);
    expect(stats?.roomsHibernated).toBeGreaterThanOrEqual(2);
    const stored = await withDatabase(db, () => loadMapDoc(mapId));
    expect(mapFingerprint(stored)).toBe(expected);
  };

  it("a room without its doc takes edits, answers joins and refreshes the projection without losing anything", async () => {
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
    await sleep(1500); // projection refreshed (from a doc built for it), log flushed

    addClaim(b.doc, { kind: "position", parentId: root, text: "then b", authorId: null });
    await waitFor(() => readAllClaims(a.doc).length === initial + 2, 10_000, "a sees b's claim");

    // A client joining gets the full state: the encoded state with the edits folded in.
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
    expect(stats?.roomsHibernated).toBeGreaterThanOrEqual(1);
    expect(stats?.dormantUpdates).toBeGreaterThanOrEqual(3);
    expect(stats?.transientDocs).toBeGreaterThanOrEqual(1);
    // Clients that synced first send only updates that continue the server's state.
    expect(stats?.roomsWoken).toBe(0);

    const stored = await withDatabase(db, () => loadMapDoc(mapId));
    expect(mapFingerprint(stored)).toBe(expected);
    const texts = projectMap(stored).claims.map((x) => x.text);
    expect(texts).toEqual(expect.arrayContaining(["before the nap", "then b", "after the join"]));
    const projected = await withDatabase(db, (handle) => handle.prisma.claim.findMany({ where: { mapId }, select: { text: true } }));
    expect(projected.map((x) => x.text)).toEqual(expect.arrayContaining(["before the nap", "then b", "after the join"]));
  });

  it("an edit to a room without its doc survives a crash", async () => {
    const { mapId, a, b, root } = await twoClients();
    await sleep(1500);
    const before = readAllClaims(b.doc).length;
    addClaim(a.doc, { kind: "position", parentId: root, text: "typed into a dormant room", authorId: null });
    // b receiving it proves the room accepted it; the log write follows within 100 ms.
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

  it("an update that arrives before the one it follows wakes the room, and both land", async () => {
    server = await startServer({ ...db.env, ...SERVER_ENV });
    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const a = new CollabClient(server.url, mapId, demo.cookieHeader());
    clients.push(a);
    await a.whenSynced();
    const root = readAllClaims(a.doc).find((c) => c.parentId === null)!.id;
    const before = readAllClaims(a.doc).length;
    // A second writer's two edits, sent out of order over a bare socket.
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(a.doc));
    const edit = (text: string) => {
      const sv = Y.encodeStateVector(writer);
      addClaim(writer, { kind: "position", parentId: root, text, authorId: null });
      return Y.encodeStateAsUpdate(writer, sv);
    };
    const first = edit("sent second");
    const second = edit("sent first");
    const raw = await openRawSocket(server.url, mapId, demo.cookieHeader());
    await waitFor(() => raw.messages.length >= 2, 5_000, "the raw socket's initial messages");
    raw.ws.send(updateMessage(second));
    await sleep(200);
    expect(readAllClaims(a.doc).length).toBe(before); // held back by the server's doc until its gap fills
    raw.ws.send(updateMessage(first));
    await waitFor(() => readAllClaims(a.doc).length === before + 2, 10_000, "a sees both claims");
    const expected = mapFingerprint(a.doc);
    await sleep(1000); // asleep again, log written
    raw.ws.close();
    await stopExpectingAWake(mapId, expected);
  });

  it("a room being typed in keeps its doc, and drops it once the typing stops", async () => {
    // Refreshes at most 100 ms apart while typing: the second one within 300 ms wakes the room.
    const { mapId, a, b, root } = await twoClients({ COLLAB_PROJECTION_MAX_DELAY_MS: "100" });
    const id = addClaim(a.doc, { kind: "position", parentId: root, text: "", authorId: null });
    for (let i = 1; i <= 40; i++) {
      setClaimText(a.doc, id, "typed".repeat(i));
      await sleep(25);
    }
    await waitFor(() => mapFingerprint(b.doc) === mapFingerprint(a.doc), 10_000, "b has all the typing");
    const expected = mapFingerprint(a.doc);
    await sleep(1500); // asleep again
    await stopExpectingAWake(mapId, expected);
    const projected = await withDatabase(db, (handle) => handle.prisma.claim.findUnique({ where: { mapId_id: { mapId, id } }, select: { text: true } }));
    expect(projected?.text).toBe("typed".repeat(40));
  });
});
