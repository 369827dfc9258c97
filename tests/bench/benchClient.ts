// A minimal headless y-websocket client (sync protocol only, no awareness, no reconnects):
// cheap enough to hold hundreds per process, and it exposes exactly when it synced.
//
// A "light" client applies the initial sync to its doc like any client, but afterwards hands
// each incoming update to onRemoteUpdate instead of applying it. Applying costs ~30 µs per
// update on a doc with a few thousand keys, decoding ~2.5 µs: on the busy map (200 clients,
// 40,000 deliveries/s, one worker process) applying everywhere saturated the load generator,
// and the figures measured the harness instead of the server.
import WebSocket from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";

export const REMOTE = Symbol("remote");

export class BenchClient {
  readonly doc = new Y.Doc();
  ws!: WebSocket;
  synced = false;
  closed = false;
  closeCode: number | null = null;
  openedAt = 0;
  syncedAt = 0;
  private onSynced: (() => void) | null = null;
  /** Set for a light client: receives every update that arrives after the initial sync. */
  onRemoteUpdate: ((update: Uint8Array) => void) | null = null;

  constructor(
    readonly url: string,
    readonly cookie: string | null,
  ) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeUpdate(enc, update);
      this.send(encoding.toUint8Array(enc));
    });
  }

  /** Resolves once the server's sync step 2 has been applied (the doc is loaded). */
  connect(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sync timeout ${this.url}`)), timeoutMs);
      this.onSynced = () => {
        clearTimeout(timer);
        resolve();
      };
      const started = performance.now();
      this.ws = new WebSocket(this.url, {
        headers: this.cookie ? { cookie: this.cookie } : {},
        perMessageDeflate: false,
        maxPayload: 512 * 1024 * 1024,
      });
      this.ws.binaryType = "nodebuffer";
      this.ws.on("open", () => {
        this.openedAt = started;
        const enc = encoding.createEncoder();
        encoding.writeVarUint(enc, 0);
        syncProtocol.writeSyncStep1(enc, this.doc);
        this.send(encoding.toUint8Array(enc));
      });
      this.ws.on("message", (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      this.ws.on("unexpected-response", (_req, res) => {
        clearTimeout(timer);
        reject(new Error(`upgrade refused: ${res.statusCode}`));
      });
      this.ws.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      this.ws.on("close", (code) => {
        this.closed = true;
        this.closeCode = code;
        clearTimeout(timer);
        if (!this.synced) reject(new Error(`closed with ${code} before sync`));
      });
    });
  }

  private onMessage(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type !== 0) return; // awareness, session and app events are not part of the bench
    if (this.synced && this.onRemoteUpdate) {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsUpdate || step === syncProtocol.messageYjsSyncStep2) {
        this.onRemoteUpdate(decoding.readVarUint8Array(decoder));
        return;
      }
      decoder.pos = 1; // a sync step 1: answered from the doc below, as usual
    }
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, 0);
    const step = syncProtocol.readSyncMessage(decoder, enc, this.doc, REMOTE);
    if (encoding.length(enc) > 1) this.send(encoding.toUint8Array(enc));
    if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      this.syncedAt = performance.now();
      this.onSynced?.();
    }
  }

  send(message: Uint8Array): void {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  close(): void {
    try {
      this.ws?.terminate();
    } catch {
      // already gone
    }
    this.doc.destroy();
  }
}

/** HDR-like histogram: log buckets 1% wide over microseconds; mergeable, tiny to ship over IPC. */
/** A histogram's state as it crosses a process boundary (worker → harness). */
export interface HistogramData {
  counts: Record<number, number>;
  n: number;
  max: number;
}

export class Histogram {
  counts: Record<number, number> = {};
  n = 0;
  max = 0;
  private static readonly LOG = Math.log(1.01);

  record(ms: number): void {
    const us = Math.max(1, ms * 1000);
    const i = Math.ceil(Math.log(us) / Histogram.LOG);
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.n++;
    if (ms > this.max) this.max = ms;
  }

  data(): HistogramData {
    return { counts: this.counts, n: this.n, max: this.max };
  }

  merge(other: HistogramData): void {
    for (const [k, v] of Object.entries(other.counts)) this.counts[Number(k)] = (this.counts[Number(k)] ?? 0) + v;
    this.n += other.n;
    this.max = Math.max(this.max, other.max);
  }

  /** Upper bound of the bucket holding the p-th percentile, in ms (≤ 1% over the true value). */
  percentile(p: number): number | null {
    if (this.n === 0) return null;
    const target = Math.ceil((p / 100) * this.n);
    let seen = 0;
    for (const k of Object.keys(this.counts).map(Number).sort((a, b) => a - b)) {
      seen += this.counts[k];
      if (seen >= target) return Math.min(this.max, Math.exp(k * Histogram.LOG) / 1000);
    }
    return this.max;
  }
}
