import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { addClaim, buildMapTree, claimBodyFragment, claimPlainText, moveClaim, readAllClaims, setClaimText } from "../../lib/argument";
import { loadMapDoc } from "../../lib/db/mapState";
import { addMapMember } from "../../lib/db/mapMembers";
import { CloseCode } from "../../lib/collab/closeCodes";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import type { HttpSession } from "../support/httpSession";
import {
  CollabClient,
  stopServerGracefully,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  firstMapId,
  mapFingerprint,
  openRawSocket,
  signedIn,
  signedUp,
  sleep,
  upgradeStatus,
  waitFor,
  withDatabase,
} from "../support/collabClient";

logSkipReasonOnce();

const SERVER_ENV = { DEMO_PASSWORD, COLLAB_IDLE_UNLOAD_MS: "2000" };

/** An awareness message (type 1) with hand-made entries: any client id, clock and state. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, JSON.stringify(entry.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // awareness
  encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
  return encoding.toUint8Array(e);
}

type PresenceOf = { user?: { id?: string; name?: string; color?: string }; editing?: string | null } | undefined;

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

describe.each(DATABASE_KINDS)("collaboration sync on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let demo: HttpSession;
  let mapId: string;
  const clients: CollabClient[] = [];
  const client = (session: HttpSession, id = mapId) => {
    const c = new CollabClient(server.url, id, session.cookieHeader());
    clients.push(c);
    return c;
  };
  const converged = (a: CollabClient, b: CollabClient) =>
    Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))) && mapFingerprint(a.doc) === mapFingerprint(b.doc);

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startServer({ ...db.env, ...SERVER_ENV });
    demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    mapId = await firstMapId(demo);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it("refuses upgrades before the socket opens: 401, 403, 404, 400, foreign origin", async () => {
    const stranger = await signedUp(server.url, "stranger@example.com", "stranger password");
    expect(await upgradeStatus(server.url, mapId, "")).toBe(401);
    expect(await upgradeStatus(server.url, mapId, "next-auth.session-token=forged")).toBe(401);
    expect(await upgradeStatus(server.url, mapId, stranger.cookieHeader())).toBe(403);
    expect(await upgradeStatus(server.url, "no-such-map", demo.cookieHeader())).toBe(404);
    expect(await upgradeStatus(server.url, "bad%20id", demo.cookieHeader())).toBe(400);
    expect(await upgradeStatus(server.url, "x".repeat(65), demo.cookieHeader())).toBe(400);
    expect(await upgradeStatus(server.url, mapId, demo.cookieHeader(), { origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(server.url, mapId, demo.cookieHeader(), { origin: server.url })).toBe(101);
    // The stranger's own copy is theirs to open.
    expect(await upgradeStatus(server.url, await firstMapId(stranger), stranger.cookieHeader())).toBe(101);
  });

  it("sends the session, then the stored doc; two clients converge after interleaved and concurrent edits", async () => {
    const a = client(demo);
    const b = client(demo);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    expect(a.sessions[0]).toMatchObject({ role: "owner", readOnly: false });
    const initialClaims = readAllClaims(a.doc).length;
    expect(initialClaims).toBeGreaterThan(5);
    expect(mapFingerprint(a.doc)).toBe(mapFingerprint(b.doc));

    const root = buildMapTree(a.doc).root!.claim.id;
    const x = addClaim(a.doc, { kind: "position", parentId: root, text: "X", authorId: null });
    const y = addClaim(b.doc, { kind: "position", parentId: root, text: "Y", authorId: null });
    await waitFor(() => readAllClaims(a.doc).length === initialClaims + 2 && readAllClaims(b.doc).length === initialClaims + 2, 10_000, "both claims");
    // Interleaved edits with a little network time between some of them.
    for (let i = 0; i < 20; i++) {
      setClaimText(a.doc, x, `X edited by a ${i}`);
      if (i % 3 === 0) await sleep(5);
      setClaimText(b.doc, i % 2 ? x : y, `edited by b ${i}`);
      if (i % 4 === 0) await sleep(5);
    }
    // Concurrent moves in the same tick (neither side has seen the other's): a cycle to repair.
    moveClaim(a.doc, x, y);
    moveClaim(b.doc, y, x);
    await waitFor(() => converged(a, b), 10_000, "convergence");
    const tree = buildMapTree(a.doc);
    expect(tree.byId.size).toBe(initialClaims + 2);
    // A third client joining now gets exactly the same map.
    const c = client(demo);
    await c.whenSynced();
    await waitFor(() => converged(a, c), 10_000, "late joiner");
  });

  it("merges edits a client made offline", async () => {
    const a = client(demo);
    const b = client(demo);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = buildMapTree(a.doc).root!.claim.id;
    const before = readAllClaims(a.doc).length;
    a.provider.disconnect();
    const offline = addClaim(a.doc, { kind: "position", parentId: root, text: "written offline", authorId: null });
    const online = addClaim(b.doc, { kind: "position", parentId: root, text: "written online", authorId: null });
    await sleep(200);
    expect(readAllClaims(b.doc).some((c) => c.id === offline)).toBe(false);
    a.provider.connect();
    await waitFor(() => converged(a, b), 10_000, "offline merge");
    const ids = readAllClaims(b.doc).map((c) => c.id);
    expect(ids).toContain(offline);
    expect(ids).toContain(online);
    expect(ids).toHaveLength(before + 2);
  });

  it("relays awareness and drops a leaving user's state at once", async () => {
    const a = client(demo);
    const b = client(demo);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.provider.awareness.setLocalStateField("editing", "claim-of-ada");
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { editing?: string } | undefined)?.editing === "claim-of-ada", 5_000, "awareness at b");
    // A late joiner gets the current states with its first messages.
    const c = client(demo);
    await c.whenSynced();
    await waitFor(() => c.provider.awareness.getStates().has(a.doc.clientID), 5_000, "awareness at a late joiner");
    // Leaving without saying goodbye (socket dropped): the server removes the state for it.
    a.provider.shouldConnect = false;
    (a.provider.ws as unknown as import("ws").WebSocket).terminate();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5_000, "awareness removal");
  });

  it("closes only the socket that sends garbage, truncated updates, text, oversized frames or floods", async () => {
    const a = client(demo);
    const b = client(demo);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = buildMapTree(a.doc).root!.claim.id;

    // A valid update for this doc, cut in half and wrapped in a proper sync-update message.
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(a.doc));
    const sv = Y.encodeStateVector(scratch);
    addClaim(scratch, { kind: "position", parentId: root, text: "half of me must never arrive", authorId: null });
    const update = Y.encodeStateAsUpdate(scratch, sv);
    const truncated = syncUpdateFrame(update.slice(0, Math.floor(update.length / 2)));

    const cases: [string, (ws: import("ws").WebSocket) => void, number][] = [
      ["random bytes", (ws) => ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])), CloseCode.malformed],
      ["unknown message type", (ws) => ws.send(Buffer.from([7, 1, 2, 3])), CloseCode.malformed],
      ["unknown sync step", (ws) => ws.send(Buffer.from([0, 9, 0])), CloseCode.malformed],
      ["sync message cut short", (ws) => ws.send(Buffer.from([0, 2, 50, 1, 2])), CloseCode.malformed],
      ["truncated Yjs update", (ws) => ws.send(truncated), CloseCode.malformed],
      ["awareness with broken JSON", (ws) => ws.send(Buffer.from([1, 5, 1, 1, 1, 1, 0x7b])), CloseCode.malformed],
      ["text frame", (ws) => ws.send("hello"), CloseCode.malformed],
      ["oversized frame", (ws) => ws.send(Buffer.alloc(2 * 1024 * 1024 + 10)), CloseCode.tooLarge],
      ["flood", (ws) => { for (let i = 0; i < 1000; i++) ws.send(Buffer.from([3])); }, CloseCode.rateLimited],
    ];
    for (const [name, attack, code] of cases) {
      const raw = await openRawSocket(server.url, mapId, demo.cookieHeader());
      // Let the room answer first so the frame is processed against the loaded doc.
      await waitFor(() => raw.messages.length >= 2, 5_000, `${name}: initial messages`);
      attack(raw.ws);
      const closed = await raw.closed;
      expect(closed.code, name).toBe(code);
    }

    // The other sockets of the room are untouched and still sync.
    expect(a.closeCodes).toEqual([]);
    expect(b.closeCodes).toEqual([]);
    const after = addClaim(a.doc, { kind: "position", parentId: root, text: "still working", authorId: null });
    await waitFor(() => readAllClaims(b.doc).some((c) => c.id === after), 10_000, "edit after the attacks");
    expect(readAllClaims(b.doc).map((c) => c.id)).toHaveLength(readAllClaims(a.doc).length);
    expect(mapFingerprint(b.doc)).not.toContain("half of me");

    // The stored document still loads after a restart, without the bad update.
    for (const c of clients.splice(0)) c.destroy();
    const expected = mapFingerprint(a.doc);
    await stopServerGracefully(server);
    const stored = await withDatabase(db, () => loadMapDoc(mapId));
    expect(mapFingerprint(stored)).toBe(expected);

    server = await startServer({ ...db.env, ...SERVER_ENV }, { port: server.port });
    const fresh = client(demo);
    await fresh.whenSynced();
    expect(mapFingerprint(fresh.doc)).toBe(expected);
  });

  it("refuses an update deleting another client's clocks the map has not seen; that client's later edits still apply", async () => {
    const a = client(demo);
    const b = client(demo);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = buildMapTree(a.doc).root!.claim.id;
    const next = Y.getState(a.doc.store, a.doc.clientID);
    // An update (V1) with no structs and one delete range: a's next 1,000 clocks.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, a.doc.clientID);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, next);
    encoding.writeVarUint(e, 1000);
    const raw = await openRawSocket(server.url, mapId, demo.cookieHeader());
    await waitFor(() => raw.messages.length >= 2, 5_000, "initial messages");
    raw.ws.send(syncUpdateFrame(encoding.toUint8Array(e)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.malformed);
    expect(closed.reason).toMatch(/deletes content the map does not have/);
    const later = addClaim(a.doc, { kind: "position", parentId: root, text: "typed after the crafted delete", authorId: null });
    await waitFor(() => readAllClaims(b.doc).some((c) => c.id === later), 10_000, "a's later edit at b");
    await waitFor(() => claimPlainText(claimBodyFragment(b.doc, later)!) === "typed after the crafted delete", 5_000, "its text at b");
    expect(a.closeCodes).toEqual([]);
  });

  it("gives commenters and viewers the doc read-only: their edits are never applied", async () => {
    const viewer = await signedUp(server.url, "viewer@example.com", "viewer password");
    const commenter = await signedUp(server.url, "commenter@example.com", "commenter password");
    for (const c of clients.splice(0)) c.destroy();
    await stopServerGracefully(server);
    await withDatabase(db, async (handle) => {
      const users = await handle.prisma.user.findMany({ where: { email: { in: ["viewer@example.com", "commenter@example.com"] } } });
      for (const u of users) await addMapMember(mapId, u.id, u.email.startsWith("viewer") ? "viewer" : "commenter");
    });
    server = await startServer({ ...db.env, ...SERVER_ENV }, { port: server.port });

    const owner = client(demo);
    const v = client(viewer);
    const cm = client(commenter);
    await Promise.all([owner.whenSynced(), v.whenSynced(), cm.whenSynced()]);
    expect(v.sessions[0]).toMatchObject({ role: "viewer", readOnly: true });
    expect(cm.sessions[0]).toMatchObject({ role: "commenter", readOnly: true });
    expect(mapFingerprint(v.doc)).toBe(mapFingerprint(owner.doc));

    const root = buildMapTree(owner.doc).root!.claim.id;
    const sneaky = addClaim(v.doc, { kind: "position", parentId: root, text: "viewer was here", authorId: null });
    const sneaky2 = addClaim(cm.doc, { kind: "position", parentId: root, text: "commenter was here", authorId: null });
    // The owner's edits still reach the read-only clients.
    const legit = addClaim(owner.doc, { kind: "position", parentId: root, text: "owner edit", authorId: null });
    await waitFor(() => readAllClaims(v.doc).some((c) => c.id === legit) && readAllClaims(cm.doc).some((c) => c.id === legit), 10_000, "owner edit at viewers");
    await sleep(500);
    const ownerIds = readAllClaims(owner.doc).map((c) => c.id);
    expect(ownerIds).not.toContain(sneaky);
    expect(ownerIds).not.toContain(sneaky2);
    // Reconnecting (sync step 2 with the local edits) does not smuggle them in either.
    v.provider.disconnect();
    v.provider.connect();
    await v.whenSynced();
    await sleep(300);
    expect(readAllClaims(owner.doc).map((c) => c.id)).not.toContain(sneaky);

    for (const c of clients.splice(0)) c.destroy();
    await stopServerGracefully(server);
    const stored = readAllClaims(await withDatabase(db, () => loadMapDoc(mapId))).map((c) => c.id);
    expect(stored).toContain(legit);
    expect(stored).not.toContain(sneaky);
    expect(stored).not.toContain(sneaky2);
  });

  it("binds presence to the socket's user: no spoofed names, no removing or flooding others' states", async () => {
    server = await startServer({ ...db.env, ...SERVER_ENV }, { port: server.port });
    const viewer = await signedIn(server.url, "viewer@example.com", "viewer password");
    const names = async (s: HttpSession) => ((await (await s.fetch("/api/profile")).json()) as { name: string }).name;
    const [ownerName, viewerName] = [await names(demo), await names(viewer)];
    expect(ownerName).not.toBe(viewerName);
    const owner = client(demo);
    const watcher = client(demo);
    const v = client(viewer);
    await Promise.all([owner.whenSynced(), watcher.whenSynced(), v.whenSynced()]);
    const ownerId = owner.sessions[0].userId;
    const viewerId = v.sessions[0].userId;
    const seen = () => watcher.provider.awareness.getStates() as Map<number, PresenceOf>;
    owner.provider.awareness.setLocalState({ user: { id: ownerId, name: ownerName }, editing: null });
    await waitFor(() => seen().get(owner.doc.clientID)?.user?.id === ownerId, 5_000, "the owner's presence");
    let ownerRemoved = false;
    watcher.provider.awareness.on("change", ({ removed }: { removed: number[] }) => {
      if (removed.includes(owner.doc.clientID)) ownerRemoved = true;
    });

    // 1. The viewer claims to be the owner: the others see the viewer, with the viewer's name.
    v.provider.awareness.setLocalState({ user: { id: ownerId, name: ownerName, color: "#000000" }, editing: "spoofed" });
    await waitFor(() => seen().get(v.doc.clientID)?.editing === "spoofed", 5_000, "the viewer's presence");
    expect(seen().get(v.doc.clientID)?.user).toMatchObject({ id: viewerId, name: viewerName });
    expect(seen().get(v.doc.clientID)?.user?.color).not.toBe("#000000");

    // 2. A viewer socket writes to and removes the owner's client id, then floods 1,000 states;
    //    its own state (the first id it used) is the sentinel that everything before it was handled.
    const raw = await openRawSocket(server.url, mapId, viewer.cookieHeader());
    await waitFor(() => raw.messages.length >= 2, 5_000, "initial messages");
    const ownId = 0x7fff_0001;
    raw.ws.send(awarenessFrame([{ clientId: ownId, clock: 1, state: { user: { id: ownerId, name: ownerName }, editing: "raw-1" } }]));
    raw.ws.send(awarenessFrame([{ clientId: owner.doc.clientID, clock: 1_000_000, state: { user: { id: ownerId, name: "Mallory" }, editing: null } }]));
    raw.ws.send(awarenessFrame([{ clientId: owner.doc.clientID, clock: 1_000_001, state: null }]));
    raw.ws.send(awarenessFrame(Array.from({ length: 1000 }, (_, i) => ({ clientId: 0x7ffe_0000 + i, clock: 1, state: { user: { id: `fake-${i}`, name: `Fake ${i}` } } }))));
    raw.ws.send(awarenessFrame([{ clientId: ownId, clock: 2, state: { editing: "raw-2", junk: "x".repeat(5000) } }]));
    raw.ws.send(awarenessFrame([{ clientId: ownId, clock: 3, state: { editing: "raw-3" } }]));
    await waitFor(() => seen().get(ownId)?.editing === "raw-3", 5_000, "the raw socket's own state");
    expect(seen().get(ownId)?.user).toMatchObject({ id: viewerId, name: viewerName });
    expect(seen().get(owner.doc.clientID)?.user).toMatchObject({ id: ownerId, name: ownerName });
    expect(ownerRemoved).toBe(false);
    const fromRaw = (id: number) => id === ownId || (id >= 0x7ffe_0000 && id < 0x7ffe_0000 + 1000);
    expect([...seen().keys()].filter(fromRaw)).toEqual([ownId]);
    // A late joiner gets the same few states, not a flood.
    const late = client(demo);
    await late.whenSynced();
    await waitFor(() => late.provider.awareness.getStates().has(ownId), 5_000, "states at a late joiner");
    expect(late.provider.awareness.getStates().size).toBeLessThanOrEqual(5);

    // 3. Closing the socket removes its one state for everyone.
    raw.ws.close();
    await waitFor(() => !seen().has(ownId), 5_000, "the raw socket's state removed");
    expect(seen().get(owner.doc.clientID)?.user?.id).toBe(ownerId);
  });
});
