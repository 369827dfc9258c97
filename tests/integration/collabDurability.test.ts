import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCitation, addClaim, buildMapTree, readCitations, claimBodyFragment, claimPlainText, readAllClaims, setClaimText } from "../../lib/argument";
import { loadMapDoc } from "../../lib/db/mapState";
import { CloseCode } from "../../lib/collab/closeCodes";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import type { HttpSession } from "../support/httpSession";
import { CollabClient, crashServer, stopServerGracefully, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, mapFingerprint, signedIn, sleep, waitFor, withDatabase } from "../support/collabClient";

logSkipReasonOnce();

const SERVER_ENV = { DEMO_PASSWORD };

const textOf = (doc: Y.Doc, id: string) => {
  const f = claimBodyFragment(doc, id);
  return f ? claimPlainText(f) : null;
};

describe.each(DATABASE_KINDS)("collaboration durability on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let demo: HttpSession;
  let mapId: string;
  const clients: CollabClient[] = [];
  const client = () => {
    const c = new CollabClient(server.url, mapId, demo.cookieHeader());
    clients.push(c);
    return c;
  };
  const restart = async () => {
    server = await startServer({ ...db.env, ...SERVER_ENV }, { port: server.port });
  };
  const converged = (a: CollabClient, b: CollabClient) =>
    a.synced && b.synced && Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))) && mapFingerprint(a.doc) === mapFingerprint(b.doc);

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

  it("keeps an edit that reached the server 250 ms before kill -9, with every client gone", async () => {
    const a = client();
    const b = client();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = buildMapTree(a.doc).root!.claim.id;
    const id = addClaim(a.doc, { kind: "position", parentId: root, text: "survives the crash", authorId: null });
    // b receiving it proves the server accepted it.
    await waitFor(() => textOf(b.doc, id) === "survives the crash", 5_000, "edit at the server");
    const reachedAt = Date.now();
    for (const c of clients.splice(0)) c.destroy();
    await sleep(250 - (Date.now() - reachedAt));
    await crashServer(server);

    const stored = await withDatabase(db, () => loadMapDoc(mapId));
    expect(textOf(stored, id)).toBe("survives the crash");

    await restart();
    const c = client();
    await c.whenSynced();
    expect(textOf(c.doc, id)).toBe("survives the crash");
  });

  // Issue 21: kill -9 during continuous typing lost keystrokes sent up to 133–229 ms before
  // the kill, although the log is written within ~100 ms (logGroupCommit.ts). The bound is
  // the durability promise: no keystroke older than 100 ms at the kill is lost.
  it("loses no keystroke older than 100 ms to a kill -9 during continuous typing", { timeout: 120_000 }, async () => {
    const windows: number[] = [];
    for (let round = 0; round < 2; round++) {
      const a = client();
      await a.whenSynced();
      const root = buildMapTree(a.doc).root!.claim.id;
      const id = addClaim(a.doc, { kind: "position", parentId: root, text: "k", authorId: null });
      await sleep(300);
      const sentAt: number[] = [];
      const typeOne = () => {
        const fragment = claimBodyFragment(a.doc, id)!;
        const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(text.length, "x");
        sentAt.push(performance.now());
      };
      const timer = setInterval(typeOne, 15);
      await sleep(1_500 + round * 337);
      const killedAt = performance.now();
      await crashServer(server);
      clearInterval(timer);
      // Gone before it could resend: what survives is what the server had written.
      for (const c of clients.splice(0)) c.destroy();
      const stored = textOf(await withDatabase(db, () => loadMapDoc(mapId)), id) ?? "";
      // Keystrokes of one client apply in order: the stored text is a prefix of what was typed.
      const kept = Math.max(0, stored.length - 1);
      const oldestLostAgeMs = kept < sentAt.length && sentAt[kept] < killedAt ? killedAt - sentAt[kept] : 0;
      windows.push(Math.round(oldestLostAgeMs));
      console.log(`durability window (${kind}, round ${round}): ${sentAt.filter((t) => t < killedAt).length} keystrokes before the kill, ${kept} stored, oldest lost ${Math.round(oldestLostAgeMs)} ms old`);
      await restart();
    }
    expect(Math.max(...windows)).toBeLessThanOrEqual(100);
  });

  it("clients reconnect by themselves across a graceful restart and a kill -9, without duplicates", async () => {
    const a = client();
    const b = client();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const root = buildMapTree(a.doc).root!.claim.id;
    const baseline = readAllClaims(a.doc).length;
    const added: string[] = [];

    // Graceful: the server flushes, then closes every socket with "restarting" (transient).
    added.push(addClaim(a.doc, { kind: "position", parentId: root, text: "before SIGTERM", authorId: null }));
    await waitFor(() => converged(a, b), 5_000, "first edit");
    await stopServerGracefully(server);
    await waitFor(() => a.closeCodes.length > 0 && b.closeCodes.length > 0, 5_000, "close events");
    expect(a.closeCodes, server.output()).toContain(CloseCode.serverRestarting);
    expect(b.closeCodes).toContain(CloseCode.serverRestarting);
    // Both keep editing while the server is away.
    added.push(addClaim(a.doc, { kind: "position", parentId: root, text: "a while down", authorId: null }));
    added.push(addClaim(b.doc, { kind: "position", parentId: root, text: "b while down", authorId: null }));
    setClaimText(b.doc, added[0], "before SIGTERM, edited by b while down");
    await restart();
    await waitFor(() => converged(a, b), 20_000, "convergence after the graceful restart");

    // Crash: nothing flushed on purpose; what was not in the log yet, the clients resend.
    added.push(addClaim(b.doc, { kind: "position", parentId: root, text: "just before the crash", authorId: null }));
    await waitFor(() => converged(a, b), 5_000, "edit before the crash");
    await crashServer(server);
    added.push(addClaim(a.doc, { kind: "position", parentId: root, text: "a after the crash", authorId: null }));
    await restart();
    await waitFor(() => converged(a, b), 20_000, "convergence after kill -9");

    // Nothing lost, nothing doubled: every claim once, texts as written.
    const claims = readAllClaims(a.doc);
    expect(claims).toHaveLength(baseline + added.length);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    expect(added.map((id) => textOf(a.doc, id))).toEqual([
      "before SIGTERM, edited by b while down",
      "a while down",
      "b while down",
      "just before the crash",
      "a after the crash",
    ]);
    // A fresh client and the database agree with them.
    const c = client();
    await c.whenSynced();
    await waitFor(() => converged(a, c), 10_000, "fresh client");
    // Two citations copied from a stored one: one faithful, one whose quote was altered.
    const model = readCitations(a.doc)[0];
    const { id: _id, createdAt: _at, ...fields } = model;
    const faithful = addCitation(a.doc, { ...fields, note: "copy" });
    const forged = addCitation(a.doc, { ...fields, exact: fields.exact.replace(/\w+/, "forged") });
    await waitFor(() => converged(a, c), 10_000, "citations");
    const expected = mapFingerprint(a.doc);
    for (const x of clients.splice(0)) x.destroy();
    await stopServerGracefully(server);
    expect(mapFingerprint(await withDatabase(db, () => loadMapDoc(mapId)))).toBe(expected);
    // The projection leaves out the citation whose quote is not the source's text.
    const citationIds = await withDatabase(db, (h) => h.prisma.citation.findMany({ where: { mapId }, select: { id: true } }));
    expect(citationIds.map((r) => r.id)).toContain(faithful);
    expect(citationIds.map((r) => r.id)).not.toContain(forged);
    expect(server.output()).toContain(`citation ${forged} left out of the projection`);
    // The relational projection was refreshed from the doc on shutdown.
    const projected = await withDatabase(db, (h) => h.prisma.claim.findMany({ where: { mapId }, select: { id: true, text: true } }));
    expect(projected).toHaveLength(baseline + added.length);
    expect(projected.find((p) => p.id === added[0])?.text).toBe("before SIGTERM, edited by b while down");
  });
});
