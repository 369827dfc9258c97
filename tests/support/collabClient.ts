import fs from "node:fs";
import WebSocket from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import { MessageType } from "../../lib/collab/messageTypes";
import { projectMap } from "../../lib/argument";
import { closeDatabase, openDatabase, setDatabase, type Database } from "../../lib/db/client";
import { resolveDatabaseConfig } from "../../lib/db/databaseConfig";
import type { TestDatabase } from "./testDatabases";
import { HttpSession } from "./httpSession";
import type { ServerProcess } from "./serverProcess";

// Real y-websocket providers in Node, authenticated like a browser: the session cookie
// travels on the upgrade request.

export interface SessionMessage {
  role: string;
  readOnly: boolean;
  userId: string;
}

/** A `ws` WebSocket class that sends the given Cookie header (y-websocket's WebSocketPolyfill). */
export function cookieWebSocket(cookie: string): typeof globalThis.WebSocket {
  const CookieWebSocket = class extends WebSocket {
    constructor(url: string | URL | null, protocols?: string | string[]) {
      super(url as string | URL, protocols, { headers: cookie ? { cookie } : {} });
    }
  };
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

export function collabUrl(baseUrl: string): string {
  return baseUrl.replace(/^http/, "ws") + "/collab";
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export class CollabClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly sessions: SessionMessage[] = [];
  readonly closeCodes: number[] = [];

  constructor(baseUrl: string, mapId: string, cookie: string, options: { connect?: boolean } = {}) {
    this.provider = new WebsocketProvider(collabUrl(baseUrl), mapId, this.doc, {
      WebSocketPolyfill: cookieWebSocket(cookie),
      // Providers of one process would otherwise sync through BroadcastChannel, bypassing the server.
      disableBc: true,
      connect: options.connect ?? true,
      maxBackoffTime: 500,
    });
    this.provider.messageHandlers[MessageType.session] = (_encoder, decoder) => {
      this.sessions.push(JSON.parse(decoding.readVarString(decoder)) as SessionMessage);
    };
    this.provider.on("connection-close", (event) => {
      if (event) this.closeCodes.push(event.code);
    });
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  async whenSynced(timeoutMs = 15_000): Promise<void> {
    await waitFor(() => this.provider.synced, timeoutMs, "provider sync");
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Opens a connection and reports the HTTP status of a refused upgrade (or 101 when it opened). */
export function upgradeStatus(baseUrl: string, mapId: string, cookie: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${collabUrl(baseUrl)}/${mapId}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", (e) => reject(e));
  });
}

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/**
 * A bare `ws` socket for sending hand-made frames. `autoPong: false`: a client that never
 * answers the server's pings (a dead peer, as the server sees it).
 */
export async function openRawSocket(baseUrl: string, mapId: string, cookie: string, options: { autoPong?: boolean } = {}): Promise<RawSocket> {
  const ws = new WebSocket(`${collabUrl(baseUrl)}/${mapId}`, { headers: { cookie }, autoPong: options.autoPong ?? true });
  const messages: Uint8Array[] = [];
  ws.on("message", (data) => messages.push(new Uint8Array(data as Buffer)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return { ws, messages, closed };
}

// Fixtures shared by the collaboration tests and the bench.

export const DEMO_EMAIL = "demo@claimboard.local";
export const DEMO_PASSWORD = "demo-secret-1";

/** A comparable summary of a map doc: the repaired tree with texts, as every client must show it. */
export function mapFingerprint(doc: Y.Doc): string {
  const p = projectMap(doc);
  return JSON.stringify({
    meta: p.meta,
    claims: p.claims.map((c) => [c.id, c.treeParentId, c.detached, c.order, c.stance, c.text]),
    citations: p.citations.map((c) => c.id).sort(),
  });
}

export async function signedIn(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const s = new HttpSession(baseUrl);
  if (!(await s.signIn(email, password))) throw new Error(`sign-in failed for ${email}`);
  return s;
}

export async function signedUp(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const s = new HttpSession(baseUrl);
  const res = await s.signUp(email, password);
  if (res.status !== 201) throw new Error(`sign-up failed for ${email}: ${res.status}`);
  return signedIn(baseUrl, email, password);
}

export async function firstMapId(session: HttpSession): Promise<string> {
  const maps = (await (await session.fetch("/api/maps")).json()) as { id: string }[];
  return maps[0].id;
}

/**
 * Opens the test database in this process (the server must be stopped for PGlite, which
 * allows one process) as the app's global handle, runs `fn`, and closes it again.
 */
export async function withDatabase<T>(db: TestDatabase, fn: (handle: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase(resolveDatabaseConfig({ ...db.env } as NodeJS.ProcessEnv));
  setDatabase(handle);
  try {
    return await fn(handle);
  } finally {
    await closeDatabase();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so split after ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

function descendants(pid: number): number[] {
  const all: number[] = [];
  const stack = childPids(pid);
  while (stack.length > 0) {
    const p = stack.pop()!;
    all.push(p);
    stack.push(...childPids(p));
  }
  return all;
}

function exited(server: ServerProcess): Promise<void> {
  const child = server.child;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** A graceful stop: SIGTERM to the server process, which flushes pending writes first. */
export async function stopServerGracefully(server: ServerProcess): Promise<void> {
  await server.stop();
}

/** A real crash of the server: SIGKILL, nothing flushed. */
export async function crashServer(server: ServerProcess): Promise<void> {
  const pid = server.child.pid;
  if (pid === undefined) return;
  const all = [pid, ...descendants(pid)];
  for (const p of [...all].reverse()) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await exited(server);
  // The port and the database are free once the server process itself is gone.
  const deadline = Date.now() + 5_000;
  for (;;) {
    const alive = all.some((p) => {
      try {
        return !fs.readFileSync(`/proc/${p}/stat`, "utf8").includes(") Z ");
      } catch {
        return false;
      }
    });
    if (!alive) return;
    if (Date.now() > deadline) throw new Error("server process survived SIGKILL");
    await sleep(20);
  }
}
