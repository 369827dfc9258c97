// Keystroke latency and database write rate of the collaboration server.
//   npx tsx tests/bench/keystrokeLatency.ts                 (PGlite)
//   TEST_DATABASE_URL=postgresql://… npx tsx tests/bench/keystrokeLatency.ts postgresql
// Needs the production build (scripts/ensureBuild.mjs). Two real y-websocket clients in this
// process talk to a real server process over loopback.
import * as Y from "yjs";
import { addClaim, buildMapTree, claimBodyFragment } from "../../lib/argument";
import { freshDatabase } from "../support/testDatabases";
import { startServer, type ServerProcess } from "../support/serverProcess";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, sleep, stopServerGracefully, waitFor } from "../support/collabClient";

const kind = (process.argv[2] === "postgresql" ? "postgresql" : "pglite") as "pglite" | "postgresql";
const EDITS = Number(process.env.BENCH_EDITS ?? 500);
const TYPING_SECONDS = Number(process.env.BENCH_TYPING_SECONDS ?? 30);
const KEYS_PER_SECOND = 10;

/** One keystroke as TipTap makes it: a character inserted into the claim's paragraph text. */
function typeChar(doc: Y.Doc, claimId: string, ch: string): void {
  const paragraph = claimBodyFragment(doc, claimId)!.get(0) as Y.XmlElement;
  doc.transact(() => {
    let text = paragraph.get(0) as Y.XmlText | undefined;
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
    }
    text.insert(text.length, ch);
  });
}

async function setup() {
  const db = await freshDatabase(kind);
  const server = await startServer({ ...db.env, DEMO_PASSWORD });
  const demo = await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD);
  const mapId = await firstMapId(demo);
  const a = new CollabClient(server.url, mapId, demo.cookieHeader());
  const b = new CollabClient(server.url, mapId, demo.cookieHeader());
  await Promise.all([a.whenSynced(), b.whenSynced()]);
  const root = buildMapTree(a.doc).root!.claim.id;
  const claimId = addClaim(a.doc, { kind: "position", parentId: root, text: "typed: ", authorId: null });
  await waitFor(() => claimBodyFragment(b.doc, claimId) !== null, 5_000, "claim at b");
  return { db, server, a, b, claimId };
}

function stats(server: ServerProcess): Record<string, number> {
  const line = server.output().split("\n").find((l) => l.startsWith("collab: stopped; stats "));
  return line ? JSON.parse(line.slice("collab: stopped; stats ".length)) : {};
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function latency() {
  const { db, server, a, b, claimId } = await setup();
  try {
    const samples: number[] = [];
    let arrived: (() => void) | null = null;
    b.doc.on("update", () => arrived?.());
    for (let i = 0; i < EDITS + 20; i++) {
      const got = new Promise<void>((resolve) => (arrived = resolve));
      const t0 = performance.now();
      typeChar(a.doc, claimId, "abcdefghij"[i % 10]);
      await got;
      // The first 20 warm up the JIT and the server's code paths.
      if (i >= 20) samples.push(performance.now() - t0);
      await sleep(2);
    }
    samples.sort((x, y) => x - y);
    return { median: percentile(samples, 50), p99: percentile(samples, 99), max: samples[samples.length - 1], n: samples.length };
  } finally {
    a.destroy();
    b.destroy();
    await stopServerGracefully(server);
    await db.drop();
  }
}

async function typing() {
  const { db, server, a, b, claimId } = await setup();
  try {
    const start = performance.now();
    for (let i = 0; i < TYPING_SECONDS * KEYS_PER_SECOND; i++) {
      typeChar(a.doc, claimId, "lorem ipsum "[i % 12]);
      const next = start + ((i + 1) * 1000) / KEYS_PER_SECOND;
      await sleep(Math.max(0, next - performance.now()));
    }
  } finally {
    a.destroy();
    b.destroy();
    await stopServerGracefully(server);
    await db.drop();
  }
  return stats(server);
}

const lat = await latency();
console.log(`${kind}: keystroke latency over ${lat.n} edits (client A → server → client B, loopback): median ${lat.median.toFixed(2)} ms, p99 ${lat.p99.toFixed(2)} ms, max ${lat.max.toFixed(2)} ms`);
const s = await typing();
const perMinute = (n: number) => ((n ?? 0) * 60) / TYPING_SECONDS;
console.log(
  `${kind}: ${TYPING_SECONDS} s of typing at ${KEYS_PER_SECOND} keys/s (${s.updatesAccepted} updates accepted, incl. the setup edit): ` +
    `${s.logRowsWritten} MapUpdate rows in ${s.logFlushes} group commits, ${s.snapshotsWritten} snapshot writes (compactions folding ${s.logRowsCompacted} rows), ` +
    `${s.projectionsWritten} projection refreshes; the counts include the flush on shutdown.`,
);
console.log(
  `${kind}: ≈ ${perMinute(s.logRowsWritten).toFixed(0)} MapUpdate rows + ${perMinute(s.snapshotsWritten).toFixed(1)} snapshot writes per minute of typing ` +
    `(+ ${perMinute(s.projectionsWritten).toFixed(1)} projection rewrites/min); log rows deleted by compaction ≈ ${perMinute(s.logRowsCompacted).toFixed(0)}/min`,
);
