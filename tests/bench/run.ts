// Claimboard collaboration benchmark: our server vs the reference @y/websocket-server under the
// same load in the same run.   npm run bench [-- --quick] [-- --pg]
// See bench-results/README.md. Writes bench-results/{results,quick}.{json,md,svg}.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as Y from "yjs";
import { BenchClient, Histogram } from "./benchClient";
import type { WorkerMap, WorkerResult } from "./loadWorker";
import { measureHopFloor } from "./hopFloor";
import { measureClientCompute } from "./clientCompute";
import { measureSearch } from "./searchBench";
import { openSampler, readProc, startReference } from "./serverSampling";
import { writeReports, type BenchReport, type LoadFigures, type ScenarioReport } from "./benchReport";

const root = path.resolve(import.meta.dirname, "..", "..");
const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const PG = args.includes("--pg") || !!process.env.TEST_DATABASE_URL;
if (PG) process.env.TEST_DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
process.env.NEXT_DIST_DIR ||= ".next-bench";

// Imported after the env is settled (testDatabases reads TEST_DATABASE_URL at load).
const { freshDatabase } = await import("../support/testDatabases");
const { startServer } = await import("../support/serverProcess");
const { signedIn, DEMO_EMAIL, DEMO_PASSWORD, sleep } = await import("../support/collabClient");
const { openDatabase } = await import("../../lib/db/client");
const { resolveDatabaseConfig } = await import("../../lib/db/databaseConfig");
const { applyPendingMigrations } = await import("../../lib/db/migrations");
const { seedDatabase } = await import("../../prisma/seed/seedDatabase");
const { loadMapState } = await import("../../lib/db/mapState");
const { projectionRows } = await import("../../lib/db/projectionStore");
const { projectMap } = await import("../../lib/argument");

interface Scenario {
  id: string;
  title: string;
  maps: number;
  clientsPerMap: number;
  rate: number;
  targetP99Ms: number;
  redis?: boolean;
  /** Writers also retype claim text (loadWorker.ts): the projection refresh runs under load. */
  claimEdits?: boolean;
}

const SCENARIOS: Scenario[] = QUICK
  ? [
      { id: "S1", title: "10 clients, 1 map, 10 upd/s each", maps: 1, clientsPerMap: 10, rate: 10, targetP99Ms: 5 },
      { id: "S2", title: "100 clients, 10 maps, 2 upd/s each", maps: 10, clientsPerMap: 10, rate: 2, targetP99Ms: 10 },
      { id: "S3", title: "100 clients, 50 maps, 0.5 upd/s each (reduced)", maps: 50, clientsPerMap: 2, rate: 0.5, targetP99Ms: 25 },
      { id: "busy", title: "50 clients, 1 map, 1 upd/s each (reduced)", maps: 1, clientsPerMap: 50, rate: 1, targetP99Ms: 50 },
      { id: "S2-redis", title: "S2 split over two instances via Redis", maps: 10, clientsPerMap: 10, rate: 2, targetP99Ms: 10, redis: true },
    ]
  : [
      { id: "S1", title: "10 clients, 1 map, 10 upd/s each", maps: 1, clientsPerMap: 10, rate: 10, targetP99Ms: 5 },
      { id: "S2", title: "100 clients, 10 maps, 2 upd/s each", maps: 10, clientsPerMap: 10, rate: 2, targetP99Ms: 10 },
      { id: "S3", title: "1,000 clients, 500 maps, 0.5 upd/s each", maps: 500, clientsPerMap: 2, rate: 0.5, targetP99Ms: 25 },
      { id: "busy", title: "200 clients, 1 map, 1 upd/s each", maps: 1, clientsPerMap: 200, rate: 1, targetP99Ms: 50 },
      { id: "S2-redis", title: "S2 split over two instances via Redis", maps: 10, clientsPerMap: 10, rate: 2, targetP99Ms: 10, redis: true },
      // Not one of the issue's scenarios: S3 where every write also retypes a claim (the other
      // scenarios' writes touch no projected part of the doc, so no projection refresh runs).
      { id: "S3-typing", title: "S3 with every write retyping a claim", maps: 500, clientsPerMap: 2, rate: 0.5, targetP99Ms: 25, claimEdits: true },
    ];
const WARMUP_MS = QUICK ? 1000 : 3000;
const DURATION_MS = QUICK ? 4000 : 20_000;
const DRAIN_MS = 5000;
const IDLE_MAPS = QUICK ? 50 : 200;
const LOAD_SIZES = [
  { id: "small", bytes: 0 },
  { id: "160KB", bytes: 160 * 1024 },
  ...(QUICK ? [] : [{ id: "16MB", bytes: 16 * 1024 * 1024 }]),
];
const WORKERS = 2;
const HIBERNATE_MS = 4000;
// Server start-up waits this long: on a shared 2-core machine under other jobs' builds a
// start can take well over the default minute.
// Diagnosis: BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles our server only.
const GC_ON_SIGNAL = ["--expose-gc", "--require", path.join(import.meta.dirname, "gcOnSignal.cjs")];
const START = { timeoutMs: 240_000, nodeArgs: [...GC_ON_SIGNAL, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])] };
// --ref-first: each scenario's reference run before ours (see where it is used).
const REF_FIRST = args.includes("--ref-first");
// --only S1,S3: run just those scenarios (diagnosis); "idle" names the memory/load phase.
const ONLY = (() => {
  const i = args.indexOf("--only");
  return i >= 0 ? new Set(args[i + 1].split(",")) : null;
})();

const mapIds = (s: Scenario) => Array.from({ length: s.maps }, (_, i) => `b-${s.id.toLowerCase()}-${i}`);
const idleIds = Array.from({ length: IDLE_MAPS }, (_, i) => `b-idle-${i}`);
const loadIds = ["small", "160KB", "16MB"].map((l) => `b-load-${l.toLowerCase()}`);
const PROBE_MAP = "b-probe";

function log(line: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function redisScaleOutPresent(): boolean {
  const dir = path.join(root, "server", "collab");
  return fs.readdirSync(dir).some((f) => /redis|pubsub|scale/i.test(f) && fs.readFileSync(path.join(dir, f), "utf8").includes("REDIS_URL"))
    || fs.readdirSync(dir).some((f) => f.endsWith(".ts") && fs.readFileSync(path.join(dir, f), "utf8").includes("REDIS_URL"));
}

// ---------- database preparation (before our server starts: PGlite allows one process) ----------

async function prepareDatabase(env: Record<string, string>): Promise<{ sampleState: Uint8Array }> {
  const db = await openDatabase(resolveDatabaseConfig({ ...process.env, ...env } as NodeJS.ProcessEnv));
  try {
    await applyPendingMigrations(db);
    const seed = await seedDatabase(db, { demo: true, demoPassword: DEMO_PASSWORD });
    const sampleState = await loadMapState(seed.sampleMapId, db.prisma);
    const ids = [...SCENARIOS.flatMap(mapIds), ...idleIds, ...loadIds, PROBE_MAP];
    const ids2 = [...new Set(ids)];
    const sampleDoc = new Y.Doc();
    Y.applyUpdate(sampleDoc, sampleState);
    const projection = projectMap(sampleDoc);
    // The row's title and question are the doc's (as the app keeps them), so no refresh rewrites them.
    await db.prisma.map.createMany({ data: ids2.map((id) => ({ id, title: projection.meta.title, question: projection.meta.question })) });
    await db.prisma.mapMember.createMany({ data: ids2.map((mapId) => ({ mapId, userId: seed.demoUserId!, role: "owner" as const })) });
    // Every bench map starts as the sample map (a realistic small doc), except the large-doc ones.
    const small = ids2.filter((id) => !/^b-load-(160kb|16mb)$/.test(id));
    for (let i = 0; i < small.length; i += 100) {
      await db.prisma.mapSnapshot.createMany({ data: small.slice(i, i + 100).map((mapId) => ({ mapId, state: new Uint8Array(sampleState) })) });
    }
    // ...with its relational projection, as every real map has (the seed and map copies write
    // it): otherwise each room's first refresh would write 50 rows, which no real room does.
    for (let i = 0; i < small.length; i += 40) {
      const rows = small.slice(i, i + 40).map((mapId) => projectionRows(mapId, projection));
      await db.prisma.claim.createMany({ data: rows.flatMap((r) => r.claims) });
      await db.prisma.citation.createMany({ data: rows.flatMap((r) => r.citations) });
    }
    return { sampleState };
  } finally {
    await db.close();
  }
}

async function dbFigures(env: Record<string, string>): Promise<Record<string, { maps: number; logRows: number; logBytes: number; snapshotBytes: number }>> {
  const db = await openDatabase(resolveDatabaseConfig({ ...process.env, ...env } as NodeJS.ProcessEnv));
  try {
    const out: Record<string, { maps: number; logRows: number; logBytes: number; snapshotBytes: number }> = {};

    for (const s of SCENARIOS) {
      const prefix = `^b-${s.id.toLowerCase()}-[0-9]+$`;
      const [u] = await db.prisma.$queryRawUnsafe<{ rows: bigint; bytes: bigint | null }[]>(
        `select count(*)::bigint as rows, sum(octet_length("update"))::bigint as bytes from "MapUpdate" where "mapId" ~ $1`, prefix);
      const [sn] = await db.prisma.$queryRawUnsafe<{ bytes: bigint | null }[]>(
        `select sum(octet_length("state"))::bigint as bytes from "MapSnapshot" where "mapId" ~ $1`, prefix);
      out[s.id] = { maps: s.maps, logRows: Number(u.rows), logBytes: Number(u.bytes ?? 0), snapshotBytes: Number(sn.bytes ?? 0) };
    }
    return out;
  } finally {
    await db.close();
  }
}

// ---------- load runs ----------

interface Target {
  name: "ours" | "reference";
  /** ws base for /collab/<mapId> (the reference takes any path as the doc name). */
  wsBases: string[];
  pid: number;
  cookie: string | null;
  /** Everything the server printed so far (the idle phase reads its bench-gc lines). */
  output: () => string;
}

function forkWorker(): ChildProcess {
  return fork(path.join(import.meta.dirname, "loadWorker.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (m: { type: string; message?: string }) => {
      if (m.type === type) (cleanup(), resolve(m as T));
      else if (m.type === "error") (cleanup(), reject(new Error(`worker: ${m.message}`)));
    };
    const onExit = (code: number | null) => (cleanup(), reject(new Error(`worker exited with ${code}`)));
    const cleanup = () => (child.off("message", onMsg), child.off("exit", onExit));
    child.on("message", onMsg);
    child.on("exit", onExit);
  });
}

// Diagnosis of order effects: BENCH_PAUSE_MS=30000 lets the machine rest before every load run.
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS || 0);

async function runLoad(target: Target, s: Scenario, sampleState: Uint8Array): Promise<LoadFigures> {
  if (PAUSE_MS > 0) await sleep(PAUSE_MS);
  const ids = mapIds(s);
  const nWorkers = Math.min(WORKERS, ids.length);
  const assignment: WorkerMap[][] = Array.from({ length: nWorkers }, () => []);
  ids.forEach((mapId, i) => assignment[i % nWorkers].push({ mapId, clients: s.clientsPerMap, urls: target.wsBases }));
  const workers = assignment.map(() => forkWorker());
  try {
    const connectStart = performance.now();
    const readies = await Promise.all(
      workers.map((w, i) => {
        const p = nextMessage<{ failures: string[] }>(w, "ready");
        w.send({ type: "setup", maps: assignment[i], cookie: target.cookie, rate: s.rate, seedState: Buffer.from(sampleState).toString("base64"), claimEdits: !!s.claimEdits });
        return p;
      }),
    );
    const connectMs = performance.now() - connectStart;
    const failures = readies.flatMap((r) => r.failures);
    const startEpochMs = performance.timeOrigin + performance.now() + 500;
    const results = Promise.all(workers.map((w) => nextMessage<WorkerResult>(w, "result")));
    for (const w of workers) w.send({ type: "start", startEpochMs, warmupMs: WARMUP_MS, durationMs: DURATION_MS, drainMs: DRAIN_MS });
    // With the slow-delivery log (diagnosis), the window's epoch bounds, to line it up with server-side traces.
    if (process.env.BENCH_SLOW_LOG_MS) log(`${target.name} ${s.id}: measured window ${startEpochMs + WARMUP_MS} ${startEpochMs + WARMUP_MS + DURATION_MS}`);
    // Server-side figures over the measured window only (warm-up excluded); the probe socket
    // connects during warm-up (until 29 Nov it connected at the window's first instant, so our
    // server's session check and probe-map load, which the reference does not have, fell inside it).
    const sampler = await openSampler(target.pid, `${target.wsBases[0]}/${PROBE_MAP}`, target.cookie);
    await sleep(startEpochMs - performance.timeOrigin - performance.now() + WARMUP_MS);
    sampler.start();
    await sleep(DURATION_MS);
    const server = sampler.stop();
    const rs = await results;
    const hist = new Histogram();
    for (const r of rs) hist.merge(r.hist);
    const cross = new Histogram();
    for (const r of rs) cross.merge(r.crossHist);
    const sum = (f: (r: WorkerResult) => number) => rs.reduce((a, r) => a + f(r), 0);
    const diverged = rs.flatMap((r) => r.mapsDiverged);
    const closed = sum((r) => r.closedClients);
    const expected = sum((r) => r.expectedDeliveries);
    const delivered = sum((r) => r.deliveries);
    return {
      clients: s.maps * s.clientsPerMap,
      connectFailures: failures.length,
      connectFailureSample: failures.slice(0, 3),
      connectMs,
      p50: hist.percentile(50),
      p95: hist.percentile(95),
      p99: hist.percentile(99),
      max: hist.n ? hist.max : null,
      samples: hist.n,
      cross: cross.n ? { p50: cross.percentile(50), p99: cross.percentile(99), samples: cross.n } : null,
      updatesPerSec: sum((r) => r.sentMeasured) / (DURATION_MS / 1000),
      deliveriesPerSec: hist.n / (DURATION_MS / 1000),
      drops: expected - delivered,
      lateSends: sum((r) => r.lateSends),
      maxSendLagMs: Math.max(...rs.map((r) => r.maxSendLagMs)),
      mapsConverged: sum((r) => r.mapsConverged),
      mapsDiverged: diverged.length,
      closedClients: closed,
      closeCodes: [...new Set(rs.flatMap((r) => r.closeCodes))],
      converged: diverged.length === 0 && failures.length === 0 && closed === 0,
      cpuPercent: server.cpuPercent,
      rssMaxMB: server.rssMaxBytes / 2 ** 20,
      rssStartMB: server.rssStartBytes / 2 ** 20,
      loopRttP50Ms: server.loopRttP50Ms,
      loopRttP99Ms: server.loopRttP99Ms,
      hostLoadAvg1m: (await import("node:os")).loadavg()[0],
    };
  } finally {
    for (const w of workers) {
      if (w.connected) w.send({ type: "close" });
    }
    await Promise.all(workers.map((w) => (w.exitCode !== null ? null : new Promise((r) => w.once("exit", r)))));
  }
}

// ---------- idle memory and cold load (run from this process) ----------

interface IdleMemory {
  maps: number;
  /** Live memory per map after a full GC: V8 heap + external (Buffers, Uint8Arrays). */
  perMapKB: number;
  /** Resident set size per map (includes allocator slack and pages V8 has not returned). */
  rssPerMapKB: number;
  rssDeltaMB: number;
}

/** Full GC in the server (gcOnSignal.cjs), then its live memory as it reports it. */
async function liveMemory(target: Target): Promise<{ live: number; rss: number }> {
  const lines = () => target.output().split("\n").filter((l) => l.startsWith("bench-gc "));
  const seen = lines().length;
  process.kill(target.pid, "SIGUSR2");
  const deadline = Date.now() + 10_000;
  while (lines().length <= seen) {
    if (Date.now() > deadline) throw new Error(`${target.name}: no bench-gc report (started without gcOnSignal.cjs?)`);
    await sleep(50);
  }
  const m = JSON.parse(lines().at(-1)!.slice("bench-gc ".length)) as { heapUsed: number; external: number; rss: number };
  return { live: m.heapUsed + m.external, rss: m.rss };
}

async function idleMemory(target: Target, sampleState: Uint8Array): Promise<IdleMemory> {
  // Warm the paths first (the first socket loads modules and caches), so the delta is the maps'.
  const warm = new BenchClient(`${target.wsBases[0]}/${PROBE_MAP}`, target.cookie);
  await warm.connect();
  warm.close();
  await sleep(500);
  const before = await liveMemory(target);
  const clients: BenchClient[] = [];
  for (let i = 0; i < idleIds.length; i += 25) {
    const batch = idleIds.slice(i, i + 25).map((id) => new BenchClient(`${target.wsBases[0]}/${id}`, target.cookie));
    await Promise.all(batch.map((c) => c.connect()));
    for (const c of batch) Y.applyUpdate(c.doc, sampleState); // the reference starts empty; ours already has it
    clients.push(...batch);
  }
  // Idle = no edit for longer than the dormancy delay (ours; the reference keeps every doc).
  await sleep(HIBERNATE_MS + 2000);
  const after = await liveMemory(target);
  for (const c of clients) c.close();
  const n = idleIds.length;
  return { maps: n, perMapKB: (after.live - before.live) / 1024 / n, rssPerMapKB: (after.rss - before.rss) / 1024 / n, rssDeltaMB: (after.rss - before.rss) / 2 ** 20 };
}

async function timedLoad(url: string, cookie: string | null, expectLen: number): Promise<number> {
  const c = new BenchClient(url, cookie);
  try {
    await c.connect(120_000);
    const len = c.doc.getText("blob").length;
    if (len !== expectLen) throw new Error(`loaded ${len} chars, expected ${expectLen}`);
    return c.syncedAt - c.openedAt;
  } finally {
    c.close();
  }
}

async function coldLoads(target: Target, sampleState: Uint8Array, waitForUnload: (() => Promise<void>) | null) {
  const out: Record<string, { inMemoryMs: number | null; fromDbMs: number | null; error?: string }> = {};
  for (const [i, size] of LOAD_SIZES.entries()) {
    const url = `${target.wsBases[0]}/${loadIds[i]}`;
    const writer = new BenchClient(url, target.cookie);
    out[size.id] = { inMemoryMs: null, fromDbMs: null };
    try {
      await writer.connect(120_000);
      if (size.bytes === 0) Y.applyUpdate(writer.doc, sampleState);
      const CHUNK = 512 * 1024;
      for (let done = 0; done < size.bytes; done += CHUNK) {
        writer.doc.getText("blob").insert(done, "x".repeat(Math.min(CHUNK, size.bytes - done)));
        while (writer.ws.bufferedAmount > 0) await sleep(5);
        await sleep(10); // stay well under the per-socket message rate limit
      }
      await sleep(300);
      await timedLoad(url, target.cookie, size.bytes); // verifies the server has it all, warms the path
      const runs: number[] = [];
      for (let r = 0; r < (size.bytes > 1e6 || QUICK ? 3 : 7); r++) runs.push(await timedLoad(url, target.cookie, size.bytes));
      runs.sort((a, b) => a - b);
      out[size.id].inMemoryMs = runs[Math.floor(runs.length / 2)];
    } catch (e) {
      out[size.id].error = (e as Error).message;
    } finally {
      writer.close();
    }
    if (waitForUnload) {
      // Every socket of the map is closed: the room flushes, compacts and unloads; then a fresh client loads it from the database.
      await waitForUnload();
      try {
        out[size.id].fromDbMs = await timedLoad(url, target.cookie, size.bytes);
      } catch (e) {
        out[size.id].error = [out[size.id].error, `from database: ${(e as Error).message}`].filter(Boolean).join("; ");
      }
    }
  }
  return out;
}

/** Starts servers in parallel; if any fails, stops the ones that did start before rethrowing (no orphans). */
async function startAll<T extends readonly Promise<{ stop(): Promise<void> }>[]>(starts: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(settled.map((r) => (r.status === "fulfilled" ? r.value.stop() : null)));
    throw failed.reason;
  }
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

// ---------- main ----------

async function main(): Promise<number> {
  const began = performance.now();
  const distDir = path.join(root, process.env.NEXT_DIST_DIR!);
  // Builds only when the build is missing or older than the sources (a stale build would
  // measure old code).
  const { ensureBuild } = await import("../../scripts/ensureBuild.mjs" as string);
  // BENCH_REUSE_BUILD=1 (diagnosis only): keep an existing build although other sources
  // changed; the collaboration server runs from source either way, only the Next routes
  // (sign-in, health) come from the build.
  if (process.env.BENCH_REUSE_BUILD === "1" && fs.existsSync(path.join(distDir, "BUILD_ID"))) log("BENCH_REUSE_BUILD=1: using the existing build as it is");
  else ensureBuild();
  // The app build (when one was needed) is not part of the benchmark's own running time.
  const buildSeconds = (performance.now() - began) / 1000;
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`no production build in ${process.env.NEXT_DIST_DIR}`);
  const db = await freshDatabase(PG ? "postgresql" : "pglite");
  log(`database: ${db.kind}; mode: ${QUICK ? "quick" : "full"}; ${(await import("node:os")).cpus().length} CPUs, load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  const { sampleState } = await prepareDatabase(db.env);
  log(`prepared the database (sample doc ${sampleState.byteLength} bytes)`);
  // Before any server starts, so the floor is the machine's own. The full run only: --quick
  // (CI) checks completion and convergence and must stay under two minutes on slow machines.
  const hopFloor = QUICK ? undefined : await measureHopFloor(600);
  const hop = (x: { p50: number | null; p99: number | null } | null) => (x ? `${x.p50?.toFixed(2)}/${x.p99?.toFixed(2)} ms` : "n/a");
  if (hopFloor) log(`machine floor, p50/p99 of one hop between idle processes: WebSocket ${hop(hopFloor.ws)}, Redis pub/sub ${hop(hopFloor.redis)}`);
  // --quick measures the version import's re-anchoring only (a second or two).
  const clientCompute = await measureClientCompute({ quick: QUICK });
  // Search (issue 28) on its own fresh database of the same kind: 10,000 maps × 50 claims on
  // PostgreSQL, 1,000 (50,000 claims) on PGlite; --quick seeds 20 maps and checks it runs.
  const search = await measureSearch({ kind: PG ? "postgresql" : "pglite", maps: QUICK ? 20 : PG ? 10_000 : 1_000, rounds: QUICK ? 3 : 20, explain: !QUICK, log });
  for (const f of clientCompute) log(`client compute: ${f.label}: ${f.coldMs.toFixed(1)} ms cold, ${f.warmMs.toFixed(1)} ms warm (budget ${f.budgetMs})` + (f.reference ? `; ${f.reference.label} ${f.reference.warmMs.toFixed(1)} ms warm (${(f.warmMs / f.reference.warmMs).toFixed(2)}×)` : ""));
  // Every bench client signs in as the demo user: the per-account socket limit is off here.
  const loadEnv: Record<string, string> = {
    ...db.env,
    DEMO_PASSWORD,
    // On explicitly: NODE_ENV=production and DATABASE_URL turn the demo account off by default.
    SEED_DEMO: "true",
    COLLAB_IDLE_UNLOAD_MS: "1000",
    COLLAB_MAX_CONNECTIONS_PER_USER: "0",
    // One instance runs as one instance is deployed, without Redis (the reference has none
    // either); REDIS_URL in this process's environment is for the two-instance scenario only.
    // Inherited before 29 Nov, it made every single-instance update also a Redis publish plus
    // the echo from the instance's own subscription: ~30 % of our CPU under S3 (CPU profile).
    REDIS_URL: "",
  };
  // Rooms hold no Y.Doc once loaded (room.ts); a room woken (typed in, or by an update its
  // encoded state could not take) sleeps again after COLLAB_HIBERNATE_MS. The idle phase uses
  // 4 s so that it measures rooms without their docs whatever woke them; the load scenarios of
  // the full run keep the default 30 s, as deployed (with 4 s before 29 Nov, S3's rooms went
  // dormant during the connect phase and all 500 woke together when writing began, a storm a
  // deployment sees only after a 30 s lull). --quick shares one server for both, so it keeps 4 s.
  const serverEnv: Record<string, string> = { ...loadEnv, COLLAB_HIBERNATE_MS: String(HIBERNATE_MS) };
  const scenarios: ScenarioReport[] = [];
  let failed = false;
  const statsOf = (output: string) => {
    const line = output.split("\n").find((l) => l.startsWith("collab: stopped; stats "));
    return line ? (JSON.parse(line.slice("collab: stopped; stats ".length)) as Record<string, number>) : null;
  };
  const redisReady = PG && !!process.env.REDIS_URL && redisScaleOutPresent();
  // --quick shares one server process across scenarios (a start costs 7–10 s here); the full run restarts it per scenario.
  const [shared, sharedRef] = QUICK ? await startAll([startServer(serverEnv, START), startReference()] as const) : [null, null];

  try {
    const none: IdleMemory = { maps: 0, rssDeltaMB: NaN, perMapKB: NaN, rssPerMapKB: NaN };
    let idleOurs = none, idleRef = none;
    let loadOurs: Awaited<ReturnType<typeof coldLoads>> = {}, loadRef: Awaited<ReturnType<typeof coldLoads>> = {};
    if (!ONLY || ONLY.has("idle")) {
    // idle memory + cold load: ours (with the rooms unloading after 1 s idle) and the reference
    // First, on a freshly started server, so garbage from the load scenarios does not blur the RSS deltas.
    const server = shared ?? (await startServer(serverEnv, START));
    const cookie = (await signedIn(server.url, DEMO_EMAIL, DEMO_PASSWORD)).cookieHeader();
    const oursT: Target = { name: "ours", wsBases: [server.url.replace(/^http/, "ws") + "/collab"], pid: server.child.pid!, cookie, output: server.output };
    idleOurs = await idleMemory(oursT, sampleState);
    // Rooms unload after 1 s without sockets (COLLAB_IDLE_UNLOAD_MS) plus their last write.
    loadOurs = await coldLoads(oursT, sampleState, async () => void (await sleep(QUICK ? 2000 : 3000)));
    if (server !== shared) await server.stop();
    const ref = sharedRef ?? (await startReference());
    const refT: Target = { name: "reference", wsBases: [ref.url.replace(/^http/, "ws") + "/collab"], pid: ref.child.pid!, cookie: null, output: ref.output };
    idleRef = await idleMemory(refT, sampleState);
    loadRef = await coldLoads(refT, sampleState, null);
    if (ref !== sharedRef) await ref.stop();
    log(`idle: ours ${idleOurs.perMapKB.toFixed(1)} KB/map live (${idleOurs.rssPerMapKB.toFixed(1)} RSS), ref ${idleRef.perMapKB.toFixed(1)} (${idleRef.rssPerMapKB.toFixed(1)} RSS); load ${JSON.stringify(loadOurs)} vs ${JSON.stringify(loadRef)}`);
    }

    for (const s of SCENARIOS) {
      if (ONLY && !ONLY.has(s.id)) continue;
      if (s.redis && !redisReady) {
        const why = !PG ? "needs PostgreSQL (--pg)" : !process.env.REDIS_URL ? "REDIS_URL not set" : "not available yet (no Redis scale-out in server/collab)";
        scenarios.push({ id: s.id, title: s.title, targetP99Ms: s.targetP99Ms, skipped: why, ours: null, reference: null, db: null });
        log(`${s.id}: skipped — ${why}`);
        continue;
      }
      // ours: a fresh server process per scenario, so RSS and the write counts are this scenario's own.
      const runOurs = async () => {
        const instances = s.redis
          ? await startAll([startServer({ ...loadEnv, REDIS_URL: process.env.REDIS_URL! }, START), startServer({ ...loadEnv, REDIS_URL: process.env.REDIS_URL! }, START)])
          : [shared ?? (await startServer(loadEnv, START))];
        const cookie = (await signedIn(instances[0].url, DEMO_EMAIL, DEMO_PASSWORD)).cookieHeader();
        let ours: LoadFigures | null = null;
        let oursError: string | undefined;
        try {
          ours = await runLoad({ name: "ours", wsBases: instances.map((i) => i.url.replace(/^http/, "ws") + "/collab"), pid: instances[0].child.pid!, cookie, output: instances[0].output }, s, sampleState);
        } catch (e) {
          oursError = (e as Error).message;
        }
        let stats: Record<string, number> | null = null;
        if (instances[0] !== shared) {
          await Promise.all(instances.map((i) => i.stop()));
          stats = statsOf(instances[0].output());
        }
        return { instances, ours, oursError, stats };
      };
      // the reference under the same load
      const runReference = async () => {
        const ref = sharedRef ?? (await startReference());
        let reference: LoadFigures | null = null;
        try {
          reference = await runLoad({ name: "reference", wsBases: [ref.url.replace(/^http/, "ws") + "/collab"], pid: ref.child.pid!, cookie: null, output: ref.output }, s, sampleState);
        } catch (e) {
          log(`${s.id} reference failed: ${(e as Error).message}`);
        }
        if (ref !== sharedRef) await ref.stop();
        return reference;
      };
      // --ref-first: the reference's run first (diagnosis of order effects: the machine's state
      // after one run is the next run's weather; none was confirmed on 29 Nov, see bench-results/README.md).
      let reference: LoadFigures | null = null;
      if (REF_FIRST) reference = await runReference();
      const { instances, ours, oursError, stats } = await runOurs();
      if (!REF_FIRST) reference = await runReference();
      const secs = (WARMUP_MS + DURATION_MS) / 1000;
      const report: ScenarioReport = {
        id: s.id,
        title: s.title,
        targetP99Ms: s.targetP99Ms,
        ours,
        reference,
        error: oursError,
        db: stats
          ? {
              logRowsWritten: stats.logRowsWritten,
              logFlushes: stats.logFlushes,
              snapshotsWritten: stats.snapshotsWritten,
              projectionRefreshes: stats.projectionsWritten,
              projectionWrites: stats.projectionWrites,
              projectionRowsWritten: stats.projectionRowsWritten,
              updatesAccepted: stats.updatesAccepted,
              // Includes the final flush on shutdown; the load ran for warm-up + duration.
              // Projection refreshes that wrote are transactions too (the others only read, or not even that).
              writesPerMapPer100ms: (stats.logFlushes + stats.snapshotsWritten + (stats.projectionWrites ?? 0)) / s.maps / (secs * 10),
              logRowsAfterCompactionPerMap: null,
              logBytesLeft: null,
              snapshotBytes: null,
            }
          : null,
      };
      scenarios.push(report);
      if (!ours?.converged) {
        failed = true;
        const file = path.join((await import("node:os")).tmpdir(), `claimboard-bench-${s.id}-server.log`);
        fs.writeFileSync(file, instances[0].output());
        log(`${s.id}: ours did not converge; server output in ${file}`);
      }
      const f = (x: number | null | undefined) => (x == null ? "n/a" : x.toFixed(2));
      log(
        `${s.id}: ours p50/p95/p99 ${f(ours?.p50)}/${f(ours?.p95)}/${f(ours?.p99)} ms, ref ${f(reference?.p50)}/${f(reference?.p95)}/${f(reference?.p99)} ms; ` +
          `ours ${f(ours?.updatesPerSec)} upd/s, drops ${ours?.drops}, converged ${ours?.converged}${oursError ? `, ERROR ${oursError}` : ""}; ref converged ${reference?.converged}` +
          (ours?.cross ? `; ours across instances p50/p99 ${f(ours.cross.p50)}/${f(ours.cross.p99)} ms (${ours.cross.samples} of ${ours.samples})` : ""),
      );
    }


    if (shared) await shared.stop();
    const sharedStats = shared ? statsOf(shared.output()) : null;
    const rows = await dbFigures(db.env);
    for (const r of scenarios) {
      if (r.db && rows[r.id]) {
        r.db.logRowsAfterCompactionPerMap = rows[r.id].logRows / rows[r.id].maps;
        r.db.logBytesLeft = rows[r.id].logBytes;
        r.db.snapshotBytes = rows[r.id].snapshotBytes;
      }
    }
    const os = await import("node:os");
    const report: BenchReport = {
      mode: QUICK ? "quick" : "full",
      order: REF_FIRST ? "reference first" : "ours first",
      database: db.kind,
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", loadAverageAtEnd: os.loadavg() },
      node: process.version,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      scenarios,
      idleMemory: { ours: idleOurs, reference: idleRef },
      load: { ours: loadOurs, reference: loadRef },
      totalSeconds: (performance.now() - began) / 1000 - buildSeconds,
      buildSeconds,
      hopFloor,
      clientCompute,
      search,
      sharedServerDbTotals: sharedStats,
    };
    const files = writeReports(path.join(root, "bench-results"), (QUICK ? "quick" : "results") + (PG ? "-pg" : "") + (ONLY ? "-only" : "") + (REF_FIRST && !ONLY ? "-ref-first" : ""), report);
    log(`wrote ${files.join(", ")}: benchmark ${report.totalSeconds.toFixed(0)} s (+ ${buildSeconds.toFixed(0)} s building the app)`);
  } finally {
    await shared?.stop();
    await sharedRef?.stop();
    await db.drop();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
