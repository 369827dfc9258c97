import { randomInt } from "node:crypto";
import * as awarenessProtocol from "y-protocols/awareness";
import { BusKind, type BusFrame } from "./busMessages";
import type { ChannelHandler, CollabBus, MapChannel } from "./collabBus";
import type { CollabConfig } from "./collabConfig";
import { withoutClients } from "./awarenessIdentity";

/**
 * Transaction origin of an update that came from another instance. `seq` is the sender's
 * sequence number for a live update (the sender persists it and later says so with a
 * "durable" frame); null for a sync-step-2 answer, whose durability nobody vouches for, so
 * the receiving room appends it to the log itself (a duplicate row is harmless: Yjs
 * updates are idempotent and compaction folds them).
 */
export class RemoteUpdateOrigin {
  constructor(
    readonly sender: string,
    readonly seq: number | null,
  ) {}
}

/** Awareness origin for states relayed from other instances: shown locally, never re-published. */
export const REMOTE_AWARENESS = Symbol("awareness from another instance");

/** What the link needs from its room. */
export interface LinkedRoom {
  readonly mapId: string;
  /** Takes an update from another instance (room.ts: a dormant room may take it without its doc). */
  applyUpdate(update: Uint8Array, origin: RemoteUpdateOrigin): void;
  stateVector(): Uint8Array;
  updateSince(stateVector: Uint8Array): Uint8Array;
  readonly awareness: awarenessProtocol.Awareness;
  /** Awareness ids announced by this instance's own sockets. */
  localAwarenessIds(): number[];
  /** Appends an update to this instance's update log (see RoomPersistence.append). */
  persist(update: Uint8Array): void;
}

/** At most one durable frame per room this often (see RoomBusLink.flushed). */
const DURABLE_EVERY_MS = 250;

// One counter per process: (instance id, seq) identifies a published update even across
// reloads of the same room.
let lastSeq = 0;

/**
 * One room's side of the Redis fan-out: publishes what the room's own sockets send, applies
 * what other instances publish, and runs the sync-step-1/2 exchange with them on load and
 * after every Redis reconnect.
 *
 * Durability across a crash: the instance that accepted an update from its client writes
 * it to the log (within 100 ms) and then publishes a "durable" frame. Receivers hold remote
 * updates until that frame arrives; an update still unconfirmed after `redisConfirmMs` (its
 * sender died or Redis dropped the frame) is appended by the receiver, so an edit that
 * reached any surviving instance is never lost with a killed one.
 */
export class RoomBusLink implements ChannelHandler {
  private channel: MapChannel | null = null;
  /** Frames that arrived before the room's stored state was in the doc; replayed after. */
  private buffered: BusFrame[] | null = [];
  private lastPublished = 0;
  private lastDurableSent = 0;
  /** The newest flushed mark, and when a durable frame last went out (see `flushed`). */
  private durableMark = 0;
  private lastDurableAt = -Infinity;
  private durableTimer: NodeJS.Timeout | null = null;
  private readonly unconfirmed = new Map<string, { seq: number; update: Uint8Array; at: number }[]>();
  private unconfirmedCount = 0;
  private confirmTimer: NodeJS.Timeout | null = null;
  private readonly requests = new Map<number, { expected: number; got: number; done: () => void }>();
  private closed = false;

  constructor(
    private readonly room: LinkedRoom,
    private readonly bus: CollabBus,
    private readonly config: CollabConfig,
    private readonly log: (line: string) => void,
  ) {}

  /** Subscribes before the room reads the database, so nothing published meanwhile is missed. */
  async open(): Promise<void> {
    const channel = await this.bus.join(this.room.mapId, this);
    if (this.closed) channel.leave();
    else this.channel = channel;
  }

  /** Called once the stored state is in the doc: replays what arrived meanwhile, then asks the peers for what the database lacks. */
  async afterLoad(): Promise<void> {
    const frames = this.buffered ?? [];
    this.buffered = null;
    for (const frame of frames) this.handle(frame);
    await this.syncWithPeers();
  }

  get hasUnconfirmed(): boolean {
    return this.unconfirmedCount > 0;
  }

  /** Publishes sync step 1 and waits (bounded) for every peer holding the room to answer. */
  async syncWithPeers(): Promise<void> {
    if (!this.channel || this.closed) return;
    const wait = this.config.redisSyncWaitMs;
    const peers = await this.channel.peerCount(wait);
    if (peers === 0 || this.closed) return;
    const requestId = randomInt(1, 2 ** 31);
    const started = performance.now();
    const answered = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.requests.delete(requestId);
        resolve(false);
      }, wait);
      this.requests.set(requestId, {
        expected: peers,
        got: 0,
        done: () => {
          clearTimeout(timer);
          this.requests.delete(requestId);
          resolve(true);
        },
      });
      this.channel!.publish({
        kind: BusKind.sync1,
        requestId,
        stateVector: this.room.stateVector(),
        awareness: this.localAwareness(),
      });
    });
    if (!answered) this.log(`collab bus: map ${this.room.mapId}: not every peer answered the sync request within ${wait} ms (${Math.round(performance.now() - started)} ms); later edits still arrive live`);
  }

  onFrame(frame: BusFrame): void {
    if (this.closed) return;
    if (this.buffered) {
      this.buffered.push(frame);
      return;
    }
    this.handle(frame);
  }

  onReconnect(): void {
    // A room still loading runs the exchange when it finishes.
    if (this.closed || this.buffered) return;
    void this.syncWithPeers();
  }

  private handle(frame: BusFrame): void {
    const { sender, message } = frame;
    switch (message.kind) {
      case BusKind.update:
        this.room.applyUpdate(message.update, new RemoteUpdateOrigin(sender, message.seq));
        return;
      case BusKind.durable:
        this.confirm(sender, message.seq);
        return;
      case BusKind.awareness:
        this.applyRemoteAwareness(message.update);
        return;
      case BusKind.sync1:
        this.applyRemoteAwareness(message.awareness);
        this.channel?.publish({
          kind: BusKind.sync2,
          target: sender,
          requestId: message.requestId,
          update: this.room.updateSince(message.stateVector),
          stateVector: this.room.stateVector(),
          awareness: this.localAwareness(),
        });
        return;
      case BusKind.sync2: {
        if (message.target !== this.bus.instanceId) return;
        this.room.applyUpdate(message.update, new RemoteUpdateOrigin(sender, null));
        this.applyRemoteAwareness(message.awareness);
        if (message.requestId === 0) return;
        // The third leg: what the responder lacks (both sides may have diverged while Redis
        // was away). Sent even when state vectors match, since deletions do not show in them.
        this.channel?.publish({
          kind: BusKind.sync2,
          target: sender,
          requestId: 0,
          update: this.room.updateSince(message.stateVector),
          stateVector: new Uint8Array(0),
          awareness: new Uint8Array(0),
        });
        const request = this.requests.get(message.requestId);
        if (request && ++request.got >= request.expected) request.done();
        return;
      }
      case BusKind.event:
        return; // delivered by the bus itself
    }
  }

  /**
   * States other instances relay were bound to their users at the instance that accepted
   * them (awarenessIdentity.ts, the only place that rewrites them); what is checked here is
   * that they do not touch the ids this instance's own sockets hold.
   */
  private applyRemoteAwareness(update: Uint8Array): void {
    if (update.byteLength === 0) return;
    let kept: Uint8Array | null;
    try {
      kept = withoutClients(update, new Set(this.room.localAwarenessIds()));
    } catch (error) {
      this.log(`collab bus: map ${this.room.mapId}: dropped an undecodable awareness frame (${(error as Error).message})`);
      return;
    }
    if (kept) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, kept, REMOTE_AWARENESS);
  }

  /** A live update this room accepted from its own sockets. */
  publishUpdate(update: Uint8Array): void {
    if (!this.channel || this.closed) return;
    const seq = ++lastSeq;
    this.lastPublished = seq;
    this.channel.publish({ kind: BusKind.update, seq, update });
  }

  publishAwareness(ids: number[]): void {
    if (!this.channel || this.closed || ids.length === 0) return;
    this.channel.publish({ kind: BusKind.awareness, update: awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids) });
  }

  // RoomPersistence's durability hook: a log write covers every update published before it began.
  capture(): number {
    return this.lastPublished;
  }

  /**
   * Tells the peers, at most once per `durableEveryMs`, that what we published up to the
   * latest flushed mark is in the log. Under steady typing a room's log is written every
   * 100 ms, and a durable frame per write was as many Redis messages as the updates
   * themselves (each delivered to every instance holding the map, ours included); peers
   * adopt an unconfirmed update only after `redisConfirmMs` (2 s), so confirming every
   * 250 ms instead changes nothing for them. A write after a quiet spell is confirmed at once.
   */
  flushed(mark: number): void {
    if (mark <= this.lastDurableSent || !this.channel || this.closed) return;
    this.durableMark = Math.max(this.durableMark, mark);
    if (this.durableTimer) return;
    const wait = this.lastDurableAt + this.durableEveryMs - performance.now();
    if (wait <= 0) return this.sendDurable();
    this.durableTimer = setTimeout(() => {
      this.durableTimer = null;
      this.sendDurable();
    }, wait);
  }

  private get durableEveryMs(): number {
    return Math.min(DURABLE_EVERY_MS, this.config.redisConfirmMs / 4);
  }

  private sendDurable(): void {
    if (this.durableMark <= this.lastDurableSent || !this.channel || this.closed) return;
    this.lastDurableSent = this.durableMark;
    this.lastDurableAt = performance.now();
    this.channel.publish({ kind: BusKind.durable, seq: this.durableMark });
  }

  /** Holds a remote live update until its sender confirms it is in the log. */
  track(origin: RemoteUpdateOrigin, update: Uint8Array): void {
    if (origin.seq === null) return;
    let list = this.unconfirmed.get(origin.sender);
    if (!list) this.unconfirmed.set(origin.sender, (list = []));
    list.push({ seq: origin.seq, update, at: Date.now() });
    this.unconfirmedCount++;
    if (!this.confirmTimer) {
      this.confirmTimer = setInterval(this.adoptExpired, Math.max(50, Math.floor(this.config.redisConfirmMs / 2)));
      this.confirmTimer.unref();
    }
  }

  private confirm(sender: string, seq: number): void {
    const list = this.unconfirmed.get(sender);
    if (!list) return;
    let n = 0;
    while (n < list.length && list[n].seq <= seq) n++;
    list.splice(0, n);
    this.unconfirmedCount -= n;
    if (list.length === 0) this.unconfirmed.delete(sender);
    this.stopTimerIfIdle();
  }

  private adoptExpired = () => {
    const cutoff = Date.now() - this.config.redisConfirmMs;
    let adopted = 0;
    for (const [sender, list] of this.unconfirmed) {
      let n = 0;
      while (n < list.length && list[n].at <= cutoff) this.room.persist(list[n++].update);
      list.splice(0, n);
      adopted += n;
      if (list.length === 0) this.unconfirmed.delete(sender);
    }
    this.unconfirmedCount -= adopted;
    if (adopted > 0) this.log(`collab bus: map ${this.room.mapId}: ${adopted} update(s) from other instances were not confirmed durable in ${this.config.redisConfirmMs} ms; writing them here`);
    this.stopTimerIfIdle();
  };

  /** Before a drain (unload, shutdown): whatever is unconfirmed goes to our own log. */
  adoptAll(): void {
    for (const list of this.unconfirmed.values()) for (const entry of list) this.room.persist(entry.update);
    this.unconfirmed.clear();
    this.unconfirmedCount = 0;
    this.stopTimerIfIdle();
  }

  private stopTimerIfIdle(): void {
    if (this.unconfirmedCount > 0 || !this.confirmTimer) return;
    clearInterval(this.confirmTimer);
    this.confirmTimer = null;
  }

  private localAwareness(): Uint8Array {
    const ids = this.room.localAwarenessIds().filter((id) => this.room.awareness.meta.has(id));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, ids) : new Uint8Array(0);
  }

  close(): void {
    if (this.closed) return;
    // A confirmation still waiting for its turn goes out now: the room's last writes are done.
    if (this.durableTimer) clearTimeout(this.durableTimer);
    this.durableTimer = null;
    this.sendDurable();
    this.closed = true;
    this.buffered = null;
    if (this.confirmTimer) clearInterval(this.confirmTimer);
    this.confirmTimer = null;
    for (const request of [...this.requests.values()]) request.done();
    this.channel?.leave();
    this.channel = null;
  }
}
