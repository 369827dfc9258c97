// The machine's floor for one message between two processes, measured before the scenarios:
// a WebSocket hop (what every delivery pays twice: writer → server → reader) and a Redis
// pub/sub hop (publisher → Redis → subscriber: what a delivery that crosses instances pays on
// top). On the VMs this runs on a process wake-up from idle is slow, and the targets (S1 p99
// 5 ms, "+0.5 ms at p50 through Redis") only mean something next to these numbers.
//
// Run as a child (`fork`) with a role argument it is the receiving end; imported, it drives.
import { fork } from "node:child_process";
import { Redis } from "ioredis";
import { WebSocket, WebSocketServer } from "ws";
import { Histogram, type HistogramData } from "./benchClient";

export interface HopFigures {
  p50: number | null;
  p99: number | null;
  samples: number;
}
export interface HopFloor {
  /** Messages per second sent during each measurement (the hop is timed at S2-redis's per-instance publish rate). */
  rate: number;
  ws: HopFigures;
  /** Null without REDIS_URL. */
  redis: HopFigures | null;
}

const CHANNEL = "claimboard:bench:hop";
// Both processes read one clock: performance.timeOrigin is wall time at process start.
const now = () => performance.timeOrigin + performance.now();

async function receive(role: string, messages: number): Promise<void> {
  const hist = new Histogram();
  const done = () => {
    process.send!(hist.data(), () => process.exit(0));
  };
  const take = (data: Buffer) => {
    hist.record(now() - Number(data.toString()));
    if (hist.n === messages) done();
  };
  if (role === "redis") {
    const sub = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    sub.on("error", () => {}); // the driving side reports the failure, once
    await sub.connect().catch(() => process.exit(1));
    await sub.subscribe(CHANNEL);
    sub.on("messageBuffer", (_channel: Buffer, message: Buffer) => take(message));
    process.send!({ ready: 0 });
  } else {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise((r) => wss.once("listening", r));
    wss.on("connection", (socket) => socket.on("message", (data) => take(data as Buffer)));
    process.send!({ ready: (wss.address() as { port: number }).port });
  }
}

async function hop(role: "ws" | "redis", messages: number, rate: number): Promise<HopFigures> {
  const child = fork(import.meta.filename, [role, String(messages)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once("message", (m) => resolve((m as { ready: number }).ready));
      child.once("exit", (code) => reject(new Error(`hop receiver exited (${code})`)));
    });
    let send: () => void;
    let close: () => void;
    if (role === "redis") {
      const pub = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      pub.on("error", () => {});
      await pub.connect();
      send = () => void pub.publish(CHANNEL, String(now()));
      close = () => pub.disconnect();
    } else {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`);
      await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
      send = () => ws.send(String(now()));
      close = () => ws.close();
    }
    const result = new Promise<HopFigures>((resolve) =>
      child.once("message", (m) => {
        const hist = new Histogram();
        hist.merge(m as HistogramData);
        resolve({ p50: hist.percentile(50), p99: hist.percentile(99), samples: hist.n });
      }),
    );
    // A fixed schedule, like the load workers': each message leaves an idle process.
    for (let i = 0; i < messages; i++) {
      send();
      await new Promise((r) => setTimeout(r, 1000 / rate));
    }
    const figures = await Promise.race([result, new Promise<HopFigures>((_, reject) => setTimeout(() => reject(new Error("hop receiver did not report")), 10_000))]);
    close();
    return figures;
  } finally {
    child.kill();
    await exited;
  }
}

export async function measureHopFloor(messages: number, rate = 100): Promise<HopFloor> {
  const ws = await hop("ws", messages, rate);
  let redis: HopFigures | null = null;
  if (process.env.REDIS_URL) {
    // An unreachable Redis leaves the Redis scenario to report it; the floor just goes without.
    redis = await hop("redis", messages, rate).catch((error: Error) => {
      console.log(`hop floor: no Redis hop measured (${error.message})`);
      return null;
    });
  }
  return { rate, ws, redis };
}

if (process.argv[2] === "ws" || process.argv[2] === "redis") await receive(process.argv[2], Number(process.argv[3]));
