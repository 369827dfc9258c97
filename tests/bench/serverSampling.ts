// Starting the two servers under test and sampling them from outside: CPU and RSS from
// /proc, event-loop responsiveness as WebSocket ping → pong round trips (both servers use
// `ws`, which answers pings from the event loop, so a blocked loop shows up as a late pong).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { freePort } from "../support/serverProcess";
import { Histogram } from "./benchClient";

const root = path.resolve(import.meta.dirname, "..", "..");
const CLK_TCK = 100;

export interface RefServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** The reference: @y/websocket-server's own bin script (no auth, no persistence), in its own process. */
export async function startReference(): Promise<RefServer> {
  const port = await freePort();
  const script = path.join(root, "node_modules", "@y", "websocket-server", "src", "server.js");
  // Diagnosis: BENCH_REF_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof-ref" profiles the reference.
  const gcOnSignal = ["--expose-gc", "--require", path.join(import.meta.dirname, "gcOnSignal.cjs")];
  const nodeArgs = [...gcOnSignal, ...(process.env.BENCH_REF_NODE_ARGS?.split(" ").filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, script], { cwd: root, env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`reference server exited:\n${output}`);
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`reference server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function procTree(pid: number): number[] {
  const kids = new Map<number, number[]>();
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const s = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(s.slice(s.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(e)]);
    } catch {
      // gone
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(kids.get(out[i]) ?? []));
  return out;
}

/** CPU seconds (user + system) and RSS bytes of a process and its descendants. */
export function readProc(pid: number): { cpuSec: number; rssBytes: number } {
  let cpu = 0;
  let rss = 0;
  for (const p of procTree(pid)) {
    try {
      const s = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      cpu += (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime, stime (fields 14, 15)
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return { cpuSec: cpu, rssBytes: rss };
}

export interface Sampler {
  /** Starts the measured window: CPU baseline, RSS and loop round trips from now on. */
  start(): void;
  stop(): { cpuPercent: number; rssStartBytes: number; rssMaxBytes: number; rssEndBytes: number; loopRttP99Ms: number | null; loopRttP50Ms: number | null };
}

/**
 * Connects the probe socket to `probeUrl` now, so that its upgrade (for ours: session check
 * and the probe map's load) happens before the measured window rather than at its first
 * instant; `start()` then samples CPU/RSS every 250 ms and pings the server every 20 ms.
 */
export async function openSampler(pid: number, probeUrl: string, cookie: string | null): Promise<Sampler> {
  const ws = new WebSocket(probeUrl, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
  ws.on("error", () => {});
  await new Promise<void>((resolve) => {
    ws.once("open", () => resolve());
    ws.once("error", () => resolve());
    ws.once("unexpected-response", () => resolve());
  });
  let t0 = 0;
  let first = { cpuSec: 0, rssBytes: 0 };
  let rssMax = 0;
  let timer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;
  const rtt = new Histogram();
  return {
    start() {
      t0 = performance.now();
      first = readProc(pid);
      rssMax = first.rssBytes;
      timer = setInterval(() => (rssMax = Math.max(rssMax, readProc(pid).rssBytes)), 250);
      if (ws.readyState !== WebSocket.OPEN) return;
      let sentAt = 0;
      let waiting = false;
      ws.on("pong", () => {
        waiting = false;
        rtt.record(performance.now() - sentAt);
      });
      pingTimer = setInterval(() => {
        if (waiting) return; // one outstanding ping at a time: a stalled loop is one long sample
        waiting = true;
        sentAt = performance.now();
        ws.ping();
      }, 20);
    },
    stop() {
      if (timer) clearInterval(timer);
      if (pingTimer) clearInterval(pingTimer);
      ws.terminate();
      const end = readProc(pid);
      rssMax = Math.max(rssMax, end.rssBytes);
      const secs = (performance.now() - t0) / 1000;
      return {
        // A process of the tree that exited takes its CPU time with it: report n/a rather than a negative figure.
        cpuPercent: end.cpuSec >= first.cpuSec ? ((end.cpuSec - first.cpuSec) / secs) * 100 : NaN,
        rssStartBytes: first.rssBytes,
        rssMaxBytes: rssMax,
        rssEndBytes: end.rssBytes,
        loopRttP99Ms: rtt.percentile(99),
        loopRttP50Ms: rtt.percentile(50),
      };
    },
  };
}
