// One load-generating child process. It owns whole maps: every client of a map lives here,
// so writers' scheduled times and readers' arrival times come from the same clock.
// Protocol over IPC: setup → ready, start → result, close → exit.
import * as Y from "yjs";
import { claimsMap, setClaimText } from "../../lib/argument";
import { BenchClient, Histogram, REMOTE, type HistogramData } from "./benchClient";

export interface WorkerMap {
  mapId: string;
  /** One URL per client slot (clients round-robin over them: two instances for the Redis scenario). */
  urls: string[];
  clients: number;
}

export interface WorkerSetup {
  type: "setup";
  maps: WorkerMap[];
  cookie: string | null;
  /** Updates per second per client (every client writes and reads). */
  rate: number;
  /** Applied by each map's first client after sync (a no-op where the server already has it). */
  seedState: string | null;
  /**
   * Each write also retypes the text of one of the map's claims (writer i takes claim
   * i mod n), in the same transaction as its timing key: edits that change the relational
   * projection, as real typing does, so the server's projection refresh is part of the load.
   */
  claimEdits?: boolean;
}

export interface WorkerResult {
  type: "result";
  hist: HistogramData;
  /** Deliveries whose writer and reader are on different instances (several server URLs only). */
  crossHist: HistogramData;
  sent: number;
  sentMeasured: number;
  expectedDeliveries: number;
  deliveries: number;
  lateSends: number;
  maxSendLagMs: number;
  mapsConverged: number;
  mapsDiverged: string[];
  closedClients: number;
  closeCodes: number[];
}

interface MapState {
  spec: WorkerMap;
  clients: BenchClient[];
  written: number;
  /** Light clients' received keys by client index (client 0 applies updates to its doc instead). */
  lightKeys: Set<string>[];
}

const BENCH_KEY = /^\d+:\d+$/;
const send = (msg: unknown) => process.send!(msg);
let maps: MapState[] = [];
let setup: WorkerSetup;
const hist = new Histogram();
const crossHist = new Histogram();
// Diagnosis: BENCH_SLOW_LOG_MS=4 prints each delivery that took ≥ 4 ms (scheduled epoch ms, latency) to stderr at the end.
const SLOW_LOG_MS = Number(process.env.BENCH_SLOW_LOG_MS || Infinity);
const slowLog: string[] = [];

async function onSetup(msg: WorkerSetup): Promise<void> {
  setup = msg;
  const seed = msg.seedState ? new Uint8Array(Buffer.from(msg.seedState, "base64")) : null;
  maps = msg.maps.map((spec) => ({ spec, clients: [], written: 0, lightKeys: [] }));
  const failures: string[] = [];
  // Connect in modest parallel batches so the upgrade + auth path is not a thundering herd.
  const all: { m: MapState; i: number }[] = [];
  for (const m of maps) for (let i = 0; i < m.spec.clients; i++) all.push({ m, i });
  const BATCH = 50;
  for (let b = 0; b < all.length; b += BATCH) {
    await Promise.all(
      all.slice(b, b + BATCH).map(async ({ m, i }) => {
        const c = new BenchClient(`${m.spec.urls[i % m.spec.urls.length]}/${m.spec.mapId}`, msg.cookie);
        m.clients[i] = c;
        try {
          await c.connect();
        } catch (e) {
          failures.push(`${m.spec.mapId}#${i}: ${(e as Error).message}`);
        }
      }),
    );
  }
  if (seed) for (const m of maps) m.clients[0]?.synced && Y.applyUpdate(m.clients[0].doc, seed);
  // Every reader times arrivals of keys other clients wrote: key = "<writer>:<seq>", value =
  // scheduled time. Each map's client 0 applies every update to its doc (a real client, and the
  // reference for the state-vector check); the others are light (benchClient.ts): they decode
  // the update, time it and remember its keys, which is what the convergence check compares.
  for (const m of maps) {
    m.clients.forEach((c, idx) => {
      const own = `${idx}:`;
      const instances = m.spec.urls.length;
      const arrived = (now: number, key: string, t: number | undefined) => {
        if (t === undefined || key.startsWith(own)) return;
        deliveries++;
        if (t < measureFrom) return;
        hist.record(now - t);
        // Client i connects to urls[i % n] (above): the writer's index opens its key.
        if (instances > 1 && Number(key.slice(0, key.indexOf(":"))) % instances !== idx % instances) crossHist.record(now - t);
        if (now - t >= SLOW_LOG_MS) slowLog.push(`${(performance.timeOrigin + t).toFixed(1)} ${(now - t).toFixed(2)}`);
      };
      if (idx === 0) {
        c.doc.getMap<number>("bench").observe((event) => {
          if (event.transaction.origin !== REMOTE || !measuring) return;
          const now = performance.now();
          for (const key of event.keysChanged) arrived(now, key, event.target.get(key) as number | undefined);
        });
        return;
      }
      const keys = new Set<string>();
      m.lightKeys[idx] = keys;
      c.onRemoteUpdate = (update) => {
        const now = performance.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          // Only bench keys ("<writer>:<seq>"): the seed's own map entries arrive here too.
          if (!(struct instanceof Y.Item) || struct.parentSub === null || !BENCH_KEY.test(struct.parentSub) || keys.has(struct.parentSub)) continue;
          keys.add(struct.parentSub);
          if (measuring) arrived(now, struct.parentSub, (struct.content as Y.ContentAny).arr?.[0] as number | undefined);
        }
      };
    });
  }
  send({ type: "ready", failures });
}

let measuring = false;
let measureFrom = Infinity;
let deliveries = 0;

async function onStart(msg: { startEpochMs: number; warmupMs: number; durationMs: number; drainMs: number }): Promise<void> {
  const start = msg.startEpochMs - performance.timeOrigin;
  measureFrom = start + msg.warmupMs;
  const end = start + msg.warmupMs + msg.durationMs;
  const period = 1000 / setup.rate;
  // Writers: each client has its own fixed schedule, phases spread evenly across the period.
  interface Writer { m: MapState; idx: number; next: number; seq: number }
  const writers: Writer[] = [];
  let k = 0;
  const totalClients = maps.reduce((s, m) => s + m.clients.length, 0);
  for (const m of maps) m.clients.forEach((_, idx) => writers.push({ m, idx, seq: 0, next: start + (period * k++) / totalClients }));
  let sent = 0;
  let sentMeasured = 0;
  let lateSends = 0;
  let maxSendLagMs = 0;
  measuring = true;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      let nextDue = Infinity;
      for (const w of writers) {
        while (w.next <= now && w.next < end) {
          // Latency is measured from the scheduled time, so a late timer shows up as latency
          // instead of silently stretching the schedule (no coordinated omission).
          const c = w.m.clients[w.idx];
          if (c.synced && !c.closed) {
            const key = `${w.idx}:${w.seq++}`;
            c.doc.transact(() => {
              c.doc.getMap<number>("bench").set(key, w.next);
              if (setup.claimEdits) {
                const ids = [...claimsMap(c.doc).keys()].sort();
                if (ids.length > 0) setClaimText(c.doc, ids[w.idx % ids.length], `typed by writer ${w.idx}, edit ${w.seq}`);
              }
            });
            w.m.lightKeys[w.idx]?.add(key);
            w.m.written++;
            sent++;
            if (w.next >= measureFrom) sentMeasured++;
          }
          const lag = now - w.next;
          if (lag > 5) lateSends++;
          if (lag > maxSendLagMs) maxSendLagMs = lag;
          w.next += period;
        }
        if (w.next < end && w.next < nextDue) nextDue = w.next;
      }
      if (nextDue === Infinity) return resolve();
      setTimeout(tick, Math.max(0, nextDue - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  // Drain: wait until every reader has every key (or give up: what is missing counts as dropped).
  const expectedFor = (m: MapState) => m.written;
  const keysHeld = (m: MapState, idx: number) => m.lightKeys[idx]?.size ?? m.clients[idx].doc.getMap("bench").size;
  const complete = () => maps.every((m) => m.clients.every((c, idx) => c.closed || keysHeld(m, idx) >= expectedFor(m)));
  const drainUntil = performance.now() + msg.drainMs;
  while (!complete() && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  measuring = false;
  let expectedDeliveries = 0;
  let mapsConverged = 0;
  const mapsDiverged: string[] = [];
  const closeCodes: number[] = [];
  let closedClients = 0;
  for (const m of maps) {
    const perWriter = new Map<number, number>();
    for (const key of m.clients[0].doc.getMap("bench").keys()) {
      const w = Number(key.split(":")[0]);
      perWriter.set(w, (perWriter.get(w) ?? 0) + 1);
    }
    for (let i = 0; i < m.clients.length; i++) expectedDeliveries += m.written - (perWriter.get(i) ?? 0);
    // Client 0 must hold exactly what was written (its state vector names every writer's last
    // clock); every light client must have received every key.
    const reference = m.clients[0].doc;
    const everyWriterSeen = m.clients.every((c) => {
      return Y.getState(reference.store, c.doc.clientID) === Y.getState(c.doc.store, c.doc.clientID);
    });
    const sizes = m.clients.map((_, idx) => keysHeld(m, idx));
    const ok = everyWriterSeen && sizes.every((s) => s === m.written);
    if (ok) mapsConverged++;
    else mapsDiverged.push(m.spec.mapId);
    for (const c of m.clients) if (c.closed) (closedClients++, closeCodes.push(c.closeCode ?? 0));
  }
  if (slowLog.length > 0) process.stderr.write(`bench-slow ${process.pid} ${slowLog.join(",")}\n`);
  const result: WorkerResult = {
    type: "result",
    hist: hist.data(),
    crossHist: crossHist.data(),
    sent,
    sentMeasured,
    expectedDeliveries,
    deliveries,
    lateSends,
    maxSendLagMs,
    mapsConverged,
    mapsDiverged,
    closedClients,
    closeCodes: [...new Set(closeCodes)],
  };
  send(result);
}

process.on("message", (msg: { type: string }) => {
  const fail = (e: Error) => {
    send({ type: "error", message: e.stack ?? e.message });
  };
  if (msg.type === "setup") onSetup(msg as WorkerSetup).catch(fail);
  else if (msg.type === "start") onStart(msg as never).catch(fail);
  else if (msg.type === "close") {
    for (const m of maps) for (const c of m.clients) c?.close();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
