// Extra latency of the Redis hop: two y-websocket clients, 300 edits, once with both on one
// instance and once split across two instances (same PostgreSQL database, same Redis).
// Run: NEXT_DIST_DIR=.next-scale TEST_DATABASE_URL=postgresql://… REDIS_URL=redis://… npx tsx tests/support/measureScaleOutLatency.ts
import { randomBytes } from "node:crypto";
import { metaMap } from "../../lib/argument";
import { freshPostgresDatabase } from "./testDatabases";
import { startServer, type ServerProcess } from "./serverProcess";
import { CollabClient, DEMO_EMAIL, DEMO_PASSWORD, firstMapId, signedIn, sleep } from "./collabClient";

const EDITS = Number(process.env.EDITS ?? 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One edit at a time: the writer sets a counter, the timer stops when the reader's doc has it. */
async function measure(writer: CollabClient, reader: CollabClient): Promise<number[]> {
  const meta = metaMap(reader.doc);
  const out: number[] = [];
  for (let i = 0; i < EDITS + 20; i++) {
    const key = `bench-${Date.now()}-${i}`;
    const seen = new Promise<void>((resolve) => {
      const check = () => {
        if (meta.get("bench") === key) {
          meta.unobserve(check);
          resolve();
        }
      };
      meta.observe(check);
    });
    const started = performance.now();
    metaMap(writer.doc).set("bench", key);
    await seen;
    if (i >= 20) out.push(performance.now() - started); // the first 20 warm up
    await sleep(2);
  }
  return out.sort((a, b) => a - b);
}

async function main() {
  if (!process.env.TEST_DATABASE_URL || !process.env.REDIS_URL) throw new Error("set TEST_DATABASE_URL and REDIS_URL");
  const db = await freshPostgresDatabase();
  const env = { ...db.env, DEMO_PASSWORD, REDIS_URL: process.env.REDIS_URL, NEXTAUTH_SECRET: randomBytes(32).toString("hex") };
  const servers: ServerProcess[] = [];
  const clients: CollabClient[] = [];
  try {
    const a = await startServer(env);
    servers.push(a);
    const b = await startServer(env);
    servers.push(b);
    const demo = await signedIn(a.url, DEMO_EMAIL, DEMO_PASSWORD);
    const mapId = await firstMapId(demo);
    const open = async (s: ServerProcess) => {
      const c = new CollabClient(s.url, mapId, demo.cookieHeader());
      clients.push(c);
      await c.whenSynced();
      return c;
    };
    const a1 = await open(a);
    const a2 = await open(a);
    const b1 = await open(b);
    const report = (name: string, ms: number[]) =>
      console.log(`${name.padEnd(34)} p50 ${percentile(ms, 50).toFixed(2)} ms  p95 ${percentile(ms, 95).toFixed(2)} ms  p99 ${percentile(ms, 99).toFixed(2)} ms  (n=${ms.length})`);
    // Alternated so both runs see the same machine load.
    const same = await measure(a1, a2);
    const across = await measure(a1, b1);
    const same2 = await measure(a2, a1);
    const across2 = await measure(b1, a2);
    const one = [...same, ...same2].sort((x, y) => x - y);
    const two = [...across, ...across2].sort((x, y) => x - y);
    report("one instance (A -> A)", one);
    report("two instances via Redis (A <-> B)", two);
    console.log(`extra latency of the Redis hop at p50: ${(percentile(two, 50) - percentile(one, 50)).toFixed(2)} ms`);
  } finally {
    for (const c of clients) c.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
