import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { addClaim, buildMapTree, readClaim } from "../../lib/argument";
import { loadMapDoc } from "../../lib/db/mapState";
import { MessageType } from "../../lib/collab/messageTypes";
import { DATABASE_KINDS, freshDatabase, logSkipReasonOnce, type TestDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import type { HttpSession } from "../support/httpSession";
import {
  CollabClient,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  firstMapId,
  mapFingerprint,
  openRawSocket,
  signedIn,
  signedUp,
  sleep,
  waitFor,
  withDatabase,
  type RawSocket,
} from "../support/collabClient";

// Hostile traffic against the real server process, while honest clients keep editing:
// the attackers may only ever lose their own sockets. Bounded in time (COLLAB_FUZZ_SECONDS,
// split across the database kinds) and reproducible (COLLAB_FUZZ_SEED; the seed is printed).

logSkipReasonOnce();

const TOTAL_SECONDS = Number(process.env.COLLAB_FUZZ_SECONDS ?? 40);
const SECONDS_PER_KIND = Math.max(1, Math.min(60, TOTAL_SECONDS) / DATABASE_KINDS.length);
const SEED = Number(process.env.COLLAB_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ATTACKERS = 4;
/** How long an honest edit may take to reach the other honest client. */
const MAX_GAP_MS = 2_000;
const HONEST_EDIT_EVERY_MS = 100;
/** Close codes an attacker may see: malformed, too large, rate limited, its own close, a reset. */
const EXPECTED_ATTACKER_CLOSES = new Set([4400, 4413, 4529, 1000, 1005, 1006]);

/** mulberry32: small, fast and seedable, so a failing run can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  return { next, int, bytes, pick: <T>(xs: readonly T[]) => xs[int(xs.length)] };
}
type Rng = ReturnType<typeof prng>;

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** Flips, cuts, duplicates or extends a valid payload so it is almost, but not quite, right. */
function corrupt(rng: Rng, data: Uint8Array): Uint8Array {
  const out = Array.from(data);
  const edits = 1 + rng.int(4);
  for (let i = 0; i < edits; i++) {
    const how = rng.int(5);
    if (how === 0 && out.length > 0) out[rng.int(out.length)] = rng.int(256);
    else if (how === 1) out.length = rng.int(out.length + 1);
    else if (how === 2) out.splice(rng.int(out.length + 1), 0, ...rng.bytes(1 + rng.int(8)));
    else if (how === 3 && out.length > 0) out[rng.int(out.length)] ^= 1 << rng.int(8);
    else out.push(0xff, 0xff, 0xff, 0xff, 0xff);
  }
  return Uint8Array.from(out);
}

/** A Yjs update that is valid but ignores the map schema: odd roots, wrong value types, junk keys. */
function schemaJunkUpdate(rng: Rng, base: Y.Doc): Uint8Array {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(scratch);
  const junk = () => rng.pick<unknown>([rng.int(1e9), "<script>x</script>", null, true, { nested: [1, "a"] }, new Uint8Array(rng.bytes(4))]);
  const how = rng.int(4);
  if (how === 0) scratch.getMap(`junk-${rng.int(5)}`).set(`k${rng.int(100)}`, junk());
  else if (how === 1) scratch.getMap("claims").set(`fuzz${rng.int(1000)}`, junk());
  else if (how === 2) {
    const m = new Y.Map<unknown>();
    m.set("kind", rng.pick(["position", "claim", "nonsense", 7]));
    m.set("parentId", rng.pick([null, "missing", `fuzz${rng.int(1000)}`]));
    m.set("body", junk());
    scratch.getMap("claims").set(`fuzz${rng.int(1000)}`, m);
  } else scratch.getArray(`list-${rng.int(3)}`).push([junk()]);
  return Y.encodeStateAsUpdate(scratch, sv);
}

const ATTACKS = [
  "randomBytes",
  "garbledVarint",
  "corruptStep1",
  "corruptStep2",
  "corruptUpdate",
  "unknownType",
  "serverOnlyType",
  "awarenessGarbage",
  "awarenessSpoof",
  "awarenessOversized",
  "schemaJunk",
  "oversized",
  "flood",
] as const;
type Attack = (typeof ATTACKS)[number];

/** An awareness message (type 1) with well-formed entries of any client id, clock and state. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId);
      encoding.writeVarUint(e, entry.clock);
      encoding.writeVarString(e, JSON.stringify(entry.state));
    }
  });
  return frame((e) => (encoding.writeVarUint(e, MessageType.awareness), encoding.writeVarUint8Array(e, inner)));
}

/** Honest identities an attacker may try to take over: their awareness client ids and user id. */
interface Victims {
  clientIds: number[];
  userId: string;
}

function attackFrames(rng: Rng, attack: Attack, base: Y.Doc, maxBytes: number, victims: Victims): (Uint8Array | string)[] {
  const update = () => {
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(base));
    const sv = Y.encodeStateVector(scratch);
    const root = buildMapTree(scratch).root?.claim.id;
    if (root) addClaim(scratch, { kind: "position", parentId: root, text: "fuzz " + rng.int(1e6), authorId: null });
    return Y.encodeStateAsUpdate(scratch, sv);
  };
  switch (attack) {
    case "randomBytes":
      return [rng.int(10) === 0 ? "text frame " + rng.int(100) : rng.bytes(1 + rng.int(300))];
    case "garbledVarint":
      // Continuation bits that never end, or a length prefix promising more than follows.
      return [rng.pick([Uint8Array.from(Array(12 + rng.int(20)).fill(0xff)), Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0x7f, 1]), Uint8Array.from([0, 0x80]), Uint8Array.from([1, 0x90, 0x80])])];
    case "corruptStep1":
      return [frame((e) => (encoding.writeVarUint(e, MessageType.sync), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, corrupt(rng, Y.encodeStateVector(base)))))];
    case "corruptStep2":
    case "corruptUpdate":
      return [frame((e) => (encoding.writeVarUint(e, MessageType.sync), encoding.writeVarUint(e, attack === "corruptStep2" ? 1 : 2), encoding.writeVarUint8Array(e, corrupt(rng, update()))))];
    case "unknownType":
      return [frame((e) => (encoding.writeVarUint(e, rng.pick([4, 5, 9, 100, 103, 200, 65535, 2 ** 31])), encoding.writeUint8Array(e, rng.bytes(rng.int(50)))))];
    case "serverOnlyType":
      return [frame((e) => (encoding.writeVarUint(e, rng.pick([MessageType.session, MessageType.appEvent])), encoding.writeVarString(e, rng.pick(['{"role":"owner","readOnly":false}', '{"type":"access-changed"}', "not json"]))))];
    case "awarenessGarbage": {
      const inner = frame((e) => {
        const n = rng.int(3) + 1;
        encoding.writeVarUint(e, n);
        for (let i = 0; i < n; i++) {
          encoding.writeVarUint(e, rng.pick([rng.int(2 ** 30), 0, 2 ** 53 - 1]));
          encoding.writeVarUint(e, rng.int(2 ** 20));
          encoding.writeVarString(e, rng.pick(["{", "null", '{"user":{"name":"<img src=x onerror=alert(1)>"}}', "[]", "x".repeat(rng.int(2000))]));
        }
      });
      return [frame((e) => (encoding.writeVarUint(e, MessageType.awareness), encoding.writeVarUint8Array(e, rng.int(2) ? inner : corrupt(rng, inner))))];
    }
    case "awarenessSpoof": {
      // Well-formed, but someone else's: the honest clients' ids (overwritten or removed), the
      // owner's user id and name, or a flood of ids.
      const victim = rng.pick(victims.clientIds);
      const spoofed = { user: { id: victims.userId, name: "Demo owner", color: "#000000" }, editing: "spoofed" };
      const clock = 1_000_000 + rng.int(1_000_000);
      return [
        rng.pick([
          awarenessFrame([{ clientId: victim, clock, state: spoofed }]),
          awarenessFrame([{ clientId: victim, clock, state: null }]),
          awarenessFrame([{ clientId: rng.int(2 ** 30), clock: 1, state: spoofed }, { clientId: victim, clock, state: null }]),
          awarenessFrame(Array.from({ length: 200 + rng.int(800) }, () => ({ clientId: rng.int(2 ** 30), clock: 1, state: spoofed }))),
        ]),
      ];
    }
    case "awarenessOversized":
      return [awarenessFrame([{ clientId: rng.int(2 ** 30), clock: 1 + rng.int(10), state: { user: { id: victims.userId }, junk: "x".repeat(4096 + rng.int(100_000)) } }])];
    case "schemaJunk":
      return [frame((e) => (encoding.writeVarUint(e, MessageType.sync), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, schemaJunkUpdate(rng, base))))];
    case "oversized":
      return [new Uint8Array(maxBytes + 1 + rng.int(1024))];
    case "flood":
      return Array.from({ length: 500 + rng.int(700) }, () => Uint8Array.from([MessageType.queryAwareness]));
  }
}

/** Two honest clients of one map taking turns to add a claim; every edit must reach the other side. */
class HonestPair {
  readonly a: CollabClient;
  readonly b: CollabClient;
  sent = 0;
  maxLatencyMs = 0;
  private readonly pending = new Map<string, { sentAt: number; to: CollabClient }>();
  private timer: NodeJS.Timeout | null = null;
  private late: string[] = [];

  constructor(url: string, mapId: string, cookie: string) {
    this.a = new CollabClient(url, mapId, cookie);
    this.b = new CollabClient(url, mapId, cookie);
    for (const client of [this.a, this.b]) client.doc.on("update", () => this.check(client));
  }

  private check(client: CollabClient): void {
    for (const [id, p] of this.pending) {
      if (p.to !== client || !readClaim(client.doc, id)) continue;
      const latency = performance.now() - p.sentAt;
      this.maxLatencyMs = Math.max(this.maxLatencyMs, latency);
      if (latency > MAX_GAP_MS) this.late.push(`${id}: ${Math.round(latency)} ms`);
      this.pending.delete(id);
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      const [from, to] = this.sent % 2 === 0 ? [this.a, this.b] : [this.b, this.a];
      const root = buildMapTree(from.doc).root!.claim.id;
      const id = addClaim(from.doc, { kind: "position", parentId: root, text: `honest ${this.sent}`, authorId: null });
      this.pending.set(id, { sentAt: performance.now(), to });
      this.sent++;
    }, HONEST_EDIT_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Edits still in flight for longer than the allowed gap, plus those that arrived late. */
  problems(): string[] {
    const now = performance.now();
    const overdue = [...this.pending].filter(([, p]) => now - p.sentAt > MAX_GAP_MS).map(([id, p]) => `${id}: not arrived after ${Math.round(now - p.sentAt)} ms`);
    return [...this.late, ...overdue];
  }

  get inFlight(): number {
    return this.pending.size;
  }

  destroy(): void {
    this.stop();
    this.a.destroy();
    this.b.destroy();
  }
}

describe.each(DATABASE_KINDS)("WebSocket fuzzing on %s", (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    // A generous start-up bound: this runs on busy 2-core CI machines.
    server = await startServer({ ...db.env, DEMO_PASSWORD }, { timeoutMs: 180_000 });
  });
  afterAll(async () => {
    for (const c of cleanup) c();
    await server?.stop();
    await db?.drop();
  });

  it(`survives ${SECONDS_PER_KIND} s of hostile frames without disturbing anyone else`, { timeout: SECONDS_PER_KIND * 1000 + 120_000 }, async () => {
    const seed = SEED + DATABASE_KINDS.indexOf(kind);
    console.log(`collabFuzz(${kind}): seed ${seed} (replay with COLLAB_FUZZ_SEED=${SEED}), ${SECONDS_PER_KIND} s`);
    const rng = prng(seed);

    const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapA = await firstMapId(demo);
    const honest: HttpSession = await signedUp(server.url, "honest@example.com", "honest password");
    const mapB = await firstMapId(honest);
    const attacker = await signedUp(server.url, "attacker@example.com", "attacker password");
    const attackerMap = await firstMapId(attacker);
    // An editor: the strongest position a hostile collaborator can hold without owning the map.
    const shared = await demo.fetch(`/api/maps/${mapA}/members`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "attacker@example.com", role: "editor" }),
    });
    expect(shared.status).toBe(200);

    const pairA = new HonestPair(server.url, mapA, demo.cookieHeader());
    const pairB = new HonestPair(server.url, mapB, honest.cookieHeader());
    cleanup.push(() => pairA.destroy(), () => pairB.destroy());
    await Promise.all([pairA.a, pairA.b, pairB.a, pairB.b].map((c) => c.whenSynced()));

    // Presence as the app publishes it; attackers try to overwrite, remove and drown it.
    const demoUserId = pairA.a.sessions[0].userId;
    const attackerUserId = (await openRawSocket(server.url, attackerMap, attacker.cookieHeader()).then(async (raw) => {
      await waitFor(() => raw.messages.length >= 1, 5_000, "attacker's session message");
      raw.ws.close();
      return new TextDecoder().decode(raw.messages[0]).match(/"userId":"([^"]+)"/)![1];
    }));
    for (const c of [pairA.a, pairA.b]) c.provider.awareness.setLocalState({ user: { id: demoUserId, name: "Demo" }, editing: null });
    const victims: Victims = { clientIds: [pairA.a.doc.clientID, pairA.b.doc.clientID], userId: demoUserId };
    let honestPresenceRemoved = 0;
    pairA.b.provider.awareness.on("change", ({ removed }: { removed: number[] }) => {
      if (removed.includes(pairA.a.doc.clientID)) honestPresenceRemoved++;
    });

    // Map A works before the attack.
    pairA.start();
    pairB.start();
    await sleep(1_000);
    await waitFor(() => pairA.inFlight === 0, MAX_GAP_MS, "map A edits before the fuzz");
    expect(pairA.problems()).toEqual([]);

    const sentByAttack = new Map<Attack, number>();
    const closes = new Map<number, number>();
    let framesSent = 0;
    let socketsOpened = 0;
    const refusedUpgrades: string[] = [];
    const end = Date.now() + SECONDS_PER_KIND * 1000;
    const maxBytes = 2 * 1024 * 1024;

    const attackLoop = async () => {
      while (Date.now() < end) {
        let raw: RawSocket;
        try {
          raw = await openRawSocket(server.url, mapA, attacker.cookieHeader());
        } catch (error) {
          refusedUpgrades.push((error as Error).message);
          await sleep(50);
          continue;
        }
        socketsOpened++;
        let closed: number | null = null;
        void raw.closed.then((c) => (closed = c.code));
        // Mostly attack a loaded room; sometimes strike before it answered (the pre-load queue).
        if (rng.int(5) > 0) await waitFor(() => raw.messages.length >= 2 || closed !== null, 5_000, "attacker's initial messages").catch(() => {});
        for (let i = 0; i < 30 && closed === null && Date.now() < end; i++) {
          const attack = rng.pick(ATTACKS);
          for (const f of attackFrames(rng, attack, pairA.a.doc, maxBytes, victims)) {
            if (raw.ws.readyState !== raw.ws.OPEN) break;
            raw.ws.send(f);
            framesSent++;
            sentByAttack.set(attack, (sentByAttack.get(attack) ?? 0) + 1);
          }
          // Give the server a moment to answer, so each close is the verdict on the frame just sent.
          await Promise.race([raw.closed, sleep(5 + rng.int(20))]);
        }
        if (closed === null) raw.ws.close(1000);
        const result = await Promise.race([raw.closed, sleep(5_000).then(() => ({ code: -1, reason: "no close within 5 s" }))]);
        if (result.code === -1) raw.ws.terminate();
        closes.set(result.code, (closes.get(result.code) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: ATTACKERS }, attackLoop));

    // Let the last honest edits land, then stop editing.
    await sleep(MAX_GAP_MS);
    pairA.stop();
    pairB.stop();
    await waitFor(() => pairB.inFlight === 0 && pairA.inFlight === 0, MAX_GAP_MS, "last honest edits").catch((error: Error) => {
      // Say which edits are missing, how late, and whether an honest socket was closed.
      const detail = { mapA: pairA.problems(), mapB: pairB.problems(), closes: [pairA.a, pairA.b, pairB.a, pairB.b].map((c) => c.closeCodes) };
      throw new Error(`${error.message}: ${JSON.stringify(detail)}`);
    });

    const crashes = server.child.exitCode !== null || server.child.signalCode !== null ? 1 : 0;
    const report = {
      kind,
      seed,
      seconds: SECONDS_PER_KIND,
      framesSent,
      socketsOpened,
      sentByAttack: Object.fromEntries(sentByAttack),
      closesByCode: Object.fromEntries(closes),
      refusedUpgrades: refusedUpgrades.length,
      honestEdits: { mapA: pairA.sent, mapB: pairB.sent, maxLatencyMsA: Math.round(pairA.maxLatencyMs), maxLatencyMsB: Math.round(pairB.maxLatencyMs) },
      crashes,
    };
    console.log(`collabFuzz result: ${JSON.stringify(report)}`);

    // The server is alive and answers.
    expect(crashes).toBe(0);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(framesSent).toBeGreaterThan(100);
    for (const code of closes.keys()) expect(EXPECTED_ATTACKER_CLOSES, `unexpected attacker close code ${code}`).toContain(code);
    // Every attack kind ran and the server closed attackers for each reason it has.
    for (const attack of ATTACKS) expect(sentByAttack.get(attack) ?? 0, attack).toBeGreaterThan(0);
    for (const code of [4400, 4413, 4529]) expect(closes.get(code) ?? 0, `closes with ${code}`).toBeGreaterThan(0);
    expect(refusedUpgrades).toEqual([]);

    // Presence stayed bound to the socket's user: the honest client's state was never removed
    // nor renamed, and with every attacker socket closed no attacker state is left.
    type Presence = { user?: { id?: string; name?: string } } | undefined;
    const presence = pairA.b.provider.awareness.getStates() as Map<number, Presence>;
    await waitFor(() => [...presence.values()].every((p) => p?.user?.id !== attackerUserId), 5_000, "attacker states removed");
    expect(honestPresenceRemoved).toBe(0);
    expect(presence.get(pairA.a.doc.clientID)?.user?.id).toBe(demoUserId);
    expect(presence.get(pairA.a.doc.clientID)?.user?.name).not.toBe("Demo owner");
    for (const [clientId, p] of presence) expect(p?.user?.id, `state of client ${clientId}`).toBe(demoUserId);
    expect(presence.size).toBeLessThanOrEqual(2);

    // The other room never saw a hiccup; map A's honest clients kept their sockets too.
    expect(pairB.problems()).toEqual([]);
    for (const c of [pairA.a, pairA.b, pairB.a, pairB.b]) expect(c.closeCodes).toEqual([]);
    expect(pairB.maxLatencyMs).toBeLessThanOrEqual(MAX_GAP_MS);

    // The honest clients converged.
    const sameState = (x: CollabClient, y: CollabClient) => Buffer.from(Y.encodeStateVector(x.doc)).equals(Buffer.from(Y.encodeStateVector(y.doc)));
    await waitFor(() => sameState(pairA.a, pairA.b) && sameState(pairB.a, pairB.b), 10_000, "honest clients to converge");
    const expected = new Map([
      [mapA, mapFingerprint(pairA.a.doc)],
      [mapB, mapFingerprint(pairB.a.doc)],
    ]);
    expect(mapFingerprint(pairA.b.doc)).toBe(expected.get(mapA));
    expect(mapFingerprint(pairB.b.doc)).toBe(expected.get(mapB));

    // Every map still loads over a fresh socket…
    for (const [mapId, session] of [[mapA, demo], [mapB, honest], [attackerMap, attacker]] as const) {
      const fresh = new CollabClient(server.url, mapId, session.cookieHeader());
      cleanup.push(() => fresh.destroy());
      await fresh.whenSynced();
      const fingerprint = mapFingerprint(fresh.doc);
      if (expected.has(mapId)) expect(fingerprint).toBe(expected.get(mapId));
      else expected.set(mapId, fingerprint);
    }

    // …and from the database after a graceful stop, which exits cleanly.
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    const log = server.output();
    expect(log).not.toMatch(/uncaught|unhandled ?rejection|FATAL|Request failed/i);
    expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    const stored = await withDatabase(db, async (h) => {
      const ids = (await h.prisma.map.findMany({ select: { id: true } })).map((m) => m.id);
      return Promise.all(ids.map(async (id) => [id, mapFingerprint(await loadMapDoc(id))] as const));
    });
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const [id, fingerprint] of stored) if (expected.has(id)) expect(fingerprint, `stored state of ${id}`).toBe(expected.get(id));
    console.log(`collabFuzz(${kind}): ${stored.length} stored maps load; crashes: ${crashes}`);
  });
});
