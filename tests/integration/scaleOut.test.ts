import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Redis } from "ioredis";
import { addClaim, buildMapTree, claimBodyFragment, claimPlainText, moveClaim, readAllClaims, setClaimText } from "../../lib/argument";
import { loadMapDoc } from "../../lib/db/mapState";
import { startServer, type ServerProcess } from "../support/serverProcess";
import type { HttpSession } from "../support/httpSession";
import { CollabClient, collabUrl, crashServer, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, mapFingerprint, signedIn, sleep, waitFor, withDatabase } from "../support/collabClient";
import { logTwoInstancesSkip, REDIS_URL, twoInstancesEnabled, useTwoInstances } from "../support/twoInstances";

// Two real server processes on one PostgreSQL database and one Redis (DESIGN.md "Scale-out").

logTwoInstancesSkip("the scale-out test");

const textOf = (doc: Y.Doc, id: string) => {
  const f = claimBodyFragment(doc, id);
  return f ? claimPlainText(f) : null;
};
const stateVector = (c: CollabClient) => Buffer.from(Y.encodeStateVector(c.doc));
/** Every client synced, with identical state vectors and identical repaired trees. */
const allConverged = (cs: CollabClient[]) =>
  cs.every((c) => c.synced) &&
  cs.every((c) => stateVector(c).equals(stateVector(cs[0])) && mapFingerprint(c.doc) === mapFingerprint(cs[0].doc));
/** What a load balancer does when an instance dies: the same client, the same doc, another address. */
const moveTo = (c: CollabClient, server: ServerProcess) => {
  c.provider.serverUrl = collabUrl(server.url);
};

describe.skipIf(!twoInstancesEnabled)("scale-out: two instances on PostgreSQL and Redis", () => {
  const cluster = useTwoInstances({
    // The widest group-commit window, so the crash below can catch unflushed edits.
    COLLAB_FLUSH_DELAY_MS: "100",
    COLLAB_REDIS_CONFIRM_MS: "1000",
  });
  const { clients } = cluster;
  let demo: HttpSession;
  let mapId: string;
  const client = (server: ServerProcess) => {
    const c = new CollabClient(server.url, mapId, demo.cookieHeader());
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    demo = await signedIn(cluster.a.url, DEMO_EMAIL, DEMO_PASSWORD);
    mapId = await firstMapId(demo);
  });

  it("clients split across the instances converge under concurrent edits and moves, with presence", async () => {
    const a1 = client(cluster.a);
    const a2 = client(cluster.a);
    const b1 = client(cluster.b);
    const b2 = client(cluster.b);
    const all = [a1, a2, b1, b2];
    await Promise.all(all.map((c) => c.whenSynced()));
    expect(cluster.a.output()).toContain("connected to Redis");
    expect(cluster.b.output()).toContain("connected to Redis");
    expect(mapFingerprint(b1.doc)).toBe(mapFingerprint(a1.doc));

    // Set-up: two claims both sides know.
    const root = buildMapTree(a1.doc).root!.claim.id;
    const x = addClaim(a1.doc, { kind: "position", parentId: root, text: "X", authorId: null });
    const y = addClaim(b1.doc, { kind: "position", parentId: root, text: "Y", authorId: null });
    await waitFor(() => allConverged(all), 5_000, "set-up");

    // Concurrent, on both instances at once: a cycle of moves, edits of one text, new claims.
    moveClaim(a1.doc, x, y);
    moveClaim(b1.doc, y, x);
    setClaimText(a2.doc, x, "X edited on A");
    setClaimText(b2.doc, x, "X edited on B");
    const added: string[] = [];
    for (let i = 0; i < 20; i++) {
      added.push(addClaim(all[i % 4].doc, { kind: "claim", stance: i % 2 ? "pro" : "con", parentId: i % 3 ? x : y, text: `claim ${i}`, authorId: null }));
    }
    await waitFor(() => allConverged(all), 10_000, "convergence across instances");
    expect(new Set(all.map((c) => mapFingerprint(c.doc))).size).toBe(1);
    for (const [i, id] of added.entries()) expect(textOf(b2.doc, id)).toBe(`claim ${i}`);
    // (The fingerprint holds the repaired tree: the X/Y cycle was broken the same way everywhere.)

    // Presence crosses instances too.
    // (The server sets `user` from the session where the socket is: it arrives rewritten.)
    a1.provider.awareness.setLocalState({ user: { id: "someone else", name: "not me" }, editing: "on A" });
    await waitFor(
      () => (b1.provider.awareness.getStates().get(a1.doc.clientID) as { editing?: string } | undefined)?.editing === "on A",
      5_000,
      "awareness from A on B",
    );
    expect((b1.provider.awareness.getStates().get(a1.doc.clientID) as { user?: { id?: string } }).user?.id).toBe(a1.sessions[0].userId);
    // …and leaves with its socket.
    const a1Id = a1.doc.clientID;
    a1.provider.awareness.setLocalState(null);
    await waitFor(() => !b1.provider.awareness.getStates().has(a1Id), 5_000, "awareness removal on B");

    // Every update each instance published was confirmed durable within COLLAB_REDIS_CONFIRM_MS
    // (durable frames, coalesced per room): neither had to write the other's edits itself.
    await sleep(1_500);
    for (const server of [cluster.a, cluster.b]) expect(server.output()).not.toContain("were not confirmed durable");
  });

  it("keeps serving and resynchronises when the Redis subscriptions are dropped", async () => {
    const [a1, , b1] = clients;
    const before = readAllClaims(a1.doc).length;
    const killer = new Redis(REDIS_URL!);
    try {
      const list = (await killer.client("LIST")) as string;
      const ids = list
        .split("\n")
        .filter((line) => / name=claimboard-sub-/.test(line))
        .map((line) => /(?:^| )id=(\d+)/.exec(line)?.[1])
        .filter(Boolean) as string[];
      expect(ids.length).toBeGreaterThanOrEqual(2);
      for (const id of ids) await killer.client("KILL", "ID", id);
    } finally {
      killer.disconnect();
    }
    // While the subscribers are away, both sides edit; neither sees the other's edit live.
    const onA = addClaim(a1.doc, { kind: "position", parentId: buildMapTree(a1.doc).root!.claim.id, text: "during the outage, A", authorId: null });
    const onB = addClaim(b1.doc, { kind: "position", parentId: buildMapTree(b1.doc).root!.claim.id, text: "during the outage, B", authorId: null });
    await waitFor(() => allConverged(clients), 10_000, "convergence after Redis reconnect");
    expect(readAllClaims(b1.doc)).toHaveLength(before + 2);
    expect(textOf(b1.doc, onA)).toBe("during the outage, A");
    expect(textOf(a1.doc, onB)).toBe("during the outage, B");
    for (const s of [cluster.a, cluster.b]) {
      expect(s.output()).toContain("is unavailable");
      expect(s.output()).toContain("Redis is back");
      // Loud, but once per outage — not once per dropped message.
      expect(s.output().split("is unavailable").length - 1).toBeLessThanOrEqual(2);
    }
  });

  it("loses nothing when an instance is killed and its clients move to the other", async () => {
    const [a1, a2, b1, b2] = clients;
    const root = buildMapTree(a1.doc).root!.claim.id;
    // An edit A accepted and fanned out, killed before its 100 ms group commit is certain.
    const last = addClaim(a1.doc, { kind: "position", parentId: root, text: "just before the kill", authorId: null });
    await waitFor(() => textOf(b1.doc, last) === "just before the kill", 5_000, "edit via A reached B");
    await crashServer(cluster.a);
    // The load balancer sends A's clients to B; meanwhile everyone keeps editing.
    const offline = addClaim(a2.doc, { kind: "position", parentId: root, text: "while A is dead", authorId: null });
    const onB = addClaim(b2.doc, { kind: "position", parentId: root, text: "on B after the kill", authorId: null });
    moveTo(a1, cluster.b);
    moveTo(a2, cluster.b);
    await waitFor(() => allConverged(clients), 15_000, "convergence after the kill");
    expect(textOf(b1.doc, offline)).toBe("while A is dead");
    expect(textOf(a1.doc, onB)).toBe("on B after the kill");
    const ids = readAllClaims(b1.doc).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Durable without A: what A accepted but may not have logged yet, B writes once A fails to
    // confirm it (COLLAB_REDIS_CONFIRM_MS); A's reconnected clients cannot resend it, B has it.
    await sleep(2_000);
    const withoutA = await withDatabase(cluster.db, () => loadMapDoc(mapId));
    expect(textOf(withoutA, last)).toBe("just before the kill");

    // A comes back: a fresh client there gets everything (from the database plus its peer B).
    cluster.a = await startServer(cluster.env, { port: cluster.a.port });
    const freshA = client(cluster.a);
    const freshB = client(cluster.b);
    await waitFor(() => allConverged([...clients]), 15_000, "fresh clients on both instances");
    const expected = mapFingerprint(b1.doc);
    expect(mapFingerprint(freshA.doc)).toBe(expected);

    // After everything settles, the database has it all, and the projection has each claim once.
    await sleep(300);
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all([cluster.a.stop(), cluster.b.stop()]);
    const stored = await withDatabase(cluster.db, () => loadMapDoc(mapId));
    expect(mapFingerprint(stored)).toBe(expected);
    expect(textOf(stored, last)).toBe("just before the kill");
    const projected = await withDatabase(cluster.db, (h) => h.prisma.claim.findMany({ where: { mapId }, select: { id: true } }));
    expect(projected.map((p) => p.id).sort()).toEqual(readAllClaims(stored).map((c) => c.id).sort());

    // The surviving instance, restarted, serves the same doc from the database alone.
    cluster.b = await startServer(cluster.env, { port: cluster.b.port });
    const again = client(cluster.b);
    await again.whenSynced();
    expect(mapFingerprint(again.doc)).toBe(expected);
  });
});
