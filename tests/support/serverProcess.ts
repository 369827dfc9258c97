import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { SERVER_PROCESS_ENV, serverCommandArgs } from "../../scripts/serverCommand.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM, flushes pending writes). */
  stop(): Promise<void>;
  /** Crash: SIGKILL, nothing flushed. */
  kill(): Promise<void>;
}

/**
 * Starts the real server (server/index.ts, production build) as a separate process on a
 * free port and waits until it answers /api/health.
 */
export async function startServer(
  env: Record<string, string>,
  opts: { port?: number; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, serverCommandArgs(opts.nodeArgs), {
    cwd: root,
    // NODE_ENV=production turns the demo account off by default; the suites sign in with it.
    env: { ...SERVER_PROCESS_ENV, ...process.env, NODE_ENV: "production", SEED_DEMO: "true", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  // Diagnosis (e.g. V8's --trace-gc-nvp, which prints straight to fd 1): SERVER_LOG_FILE keeps it all.
  const logFile = process.env.SERVER_LOG_FILE;
  if (logFile) for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (d) => fs.appendFileSync(logFile, d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited during start-up:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Runs the server to completion and returns its exit code and output (for start-up errors). */
export async function runServerExpectingExit(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, serverCommandArgs(), {
    cwd: root,
    // NODE_ENV=production turns the demo account off by default; the suites sign in with it.
    env: { ...SERVER_PROCESS_ENV, ...process.env, NODE_ENV: "production", SEED_DEMO: "true", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}
