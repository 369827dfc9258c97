import * as Y from "yjs";
import { touchesProjection } from "./projectionTouch";
import * as awarenessProtocol from "y-protocols/awareness";
import type { Database } from "../../lib/db/client";
import { loadMapState } from "../../lib/db/mapState";
import { serverDoc } from "../../lib/db/serverDoc";
import { countPendingMapUpdates } from "../../lib/db/mapUpdateLog";
import type { CollabConfig } from "./collabConfig";
import { RoomPersistence, type PersistenceStats, type RoomDocReader } from "./roomPersistence";
import { EncodedMapState, type DecodedUpdate } from "./encodedMapState";
import { awarenessMessage, updateMessage } from "./syncMessages";
import type { CollabBus } from "./collabBus";
import { RemoteUpdateOrigin, RoomBusLink, type LinkedRoom } from "./roomBusLink";
import { DocumentBudget, countItems } from "./documentLimits";

/** What a room needs from a socket: a way to send, and an identity to exclude as origin. */
export interface RoomPeer {
  send(message: Uint8Array): void;
  /** Awareness client ids this peer announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
}

/** Transaction origin of the state loaded from the database: neither persisted nor broadcast. */
const LOADED = Symbol("loaded from the database");
/** Awareness origin of the removal of a socket's states when it leaves (published to other instances). */
const PEER_LEFT = Symbol("peer left");

/**
 * One map's live state: the Y.Doc every socket of the map syncs with, the awareness of its
 * users, and the fan-out between them. The doc is loaded once (all concurrent joins share
 * the load) and nothing reads or writes it before the load finished.
 *
 * Dormancy: a Y.Doc of the sample map takes ~350 KB of heap against ~26 KB encoded, so a
 * room holds its doc only while something needs it. Once loaded, a room keeps its state
 * encoded (encodedMapState.ts) and takes the edits that simply continue it as bytes: they are
 * fanned out and logged exactly as before. A projection refresh or a joining client with
 * edits pending builds a doc for that moment (~0.7 ms for such a map). The room wakes (rebuilds
 * the doc and keeps it) for an update the encoded state cannot vouch for (a gap, a duplicate,
 * an unknown reference), and when it is being edited where the projection reads: a refresh
 * that found no pause in the edits before its maximum delay, or a second refresh within
 * `hibernateAfterMs`. Building a doc per refresh cost 500 rooms under steady
 * typing (S3-typing) a third more CPU and doubled their p95, for 270 MB less resident memory;
 * a room typed in keeps its doc, a room read, idle, or edited now and then does not. A woken
 * room goes dormant again after `hibernateAfterMs` without edits to projected parts.
 * Sockets and awareness stay as they are throughout.
 */
export class Room implements LinkedRoom, RoomDocReader {
  /** The content doc while awake; null while dormant. */
  private liveDoc: Y.Doc | null;
  /** The full state while dormant. */
  private encoded: EncodedMapState | null = null;
  /** Set for a doc too big to rebuild often (hibernateMaxBytes): it stays awake. */
  private stayAwake = false;
  private hibernateTimer: NodeJS.Timeout | null = null;
  private lastTransientReadAt = -Infinity;
  private lastProjectedEditAt = -Infinity;
  /** Awareness uses its doc only for a client id: its own empty doc outlives the content doc's dormancy. */
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<RoomPeer>();
  readonly persistence: RoomPersistence;
  /** Resolves when the stored state is in the doc; rejects when loading failed. */
  readonly ready: Promise<void>;
  loaded = false;
  /** Set on shutdown: incoming edits are no longer accepted (clients keep and resend them). */
  frozen = false;
  unloadTimer: NodeJS.Timeout | null = null;
  private outgoing: { update: Uint8Array; origin: unknown }[] = [];
  private fanOutScheduled = false;
  private awarenessChanged = new Set<number>();
  /** Awareness ids of this instance's own sockets changed since the last publish to other instances. */
  private awarenessToPublish = new Set<number>();
  /** The Redis fan-out (DESIGN.md "Scale-out"); null without REDIS_URL. */
  private link: RoomBusLink | null = null;
  private awarenessTimer: NodeJS.Timeout | null = null;
  private lastAwarenessSent = 0;
  private destroyed = false;
  private readonly stats: PersistenceStats;
  /** The map's size against its limits; connections refuse growth past them. */
  readonly budget: DocumentBudget;

  constructor(
    readonly mapId: string,
    private readonly db: Database,
    private readonly config: CollabConfig,
    stats: PersistenceStats,
    private readonly log: (line: string) => void,
    onMapDeleted: (room: Room) => void,
    private readonly bus: CollabBus | null = null,
  ) {
    this.stats = stats;
    this.liveDoc = serverDoc(mapId);
    this.awareness = new awarenessProtocol.Awareness(serverDoc(mapId));
    // The server is not a user: it announces no awareness state of its own.
    this.awareness.setLocalState(null);
    this.persistence = new RoomPersistence(mapId, this, db, config, stats, log, () => onMapDeleted(this));
    this.budget = new DocumentBudget({ maxBytes: config.maxDocBytes, maxItems: config.maxDocItems });
    this.persistence.budget = this.budget;
    this.liveDoc!.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.ready = this.load();
    // Callers attach their own handlers; this one only keeps a failed load from being "unhandled".
    this.ready.catch(() => {});
  }

  private async load(): Promise<void> {
    const started = performance.now();
    if (this.bus?.enabled) {
      // Subscribed before reading the database: what other instances publish meanwhile is
      // buffered and applied on top of the stored state.
      const link = new RoomBusLink(this, this.bus, this.config, this.log);
      this.link = link;
      this.persistence.durability = link;
      await link.open();
    }
    const state = await loadMapState(this.mapId, this.db.prisma);
    const uncompacted = await countPendingMapUpdates(this.db.prisma, this.mapId);
    if (this.destroyed) throw new Error("room closed while loading");
    Y.applyUpdate(this.liveDoc!, state, LOADED);
    this.budget.loaded(state.byteLength, countItems(this.liveDoc!));
    this.stayAwake = state.byteLength > this.config.hibernateMaxBytes;
    // Edits other instances accepted but have not written yet: asked for before any client syncs.
    await this.link?.afterLoad();
    if (this.destroyed) throw new Error("room closed while loading");
    this.loaded = true;
    this.persistence.setUncompactedRows(uncompacted);
    this.persistence.learnStoredProjection();
    if (!this.hibernate()) this.scheduleHibernate();
    const ms = performance.now() - started;
    if (ms > 500) this.log(`collab: map ${this.mapId} took ${Math.round(ms)} ms to load`);
  }

  /** The doc's state vector, without waking a dormant room. */
  stateVector(): Uint8Array {
    return this.liveDoc ? Y.encodeStateVector(this.liveDoc) : this.encoded!.stateVector();
  }

  /** What a peer with `stateVector` lacks, without waking a dormant room. */
  updateSince(stateVector: Uint8Array): Uint8Array {
    if (this.liveDoc) return Y.encodeStateAsUpdate(this.liveDoc, stateVector);
    return this.encoded!.updateSince(stateVector);
  }

  get dormant(): boolean {
    return this.liveDoc === null;
  }

  /**
   * Takes an edit from a socket (`origin`: the peer) or from another instance (a
   * RemoteUpdateOrigin). `decoded`: the update already decoded, if the caller did.
   */
  applyUpdate(update: Uint8Array, origin: unknown, decoded?: DecodedUpdate): void {
    if (this.destroyed) return; // its sockets are closing; their clients resend on reconnect
    if (this.encoded) {
      const taken = this.encoded.append(update, decoded ?? Y.decodeUpdate(update));
      if (taken) {
        this.budget.added(update.byteLength, (decoded ?? Y.decodeUpdate(update)).structs.length);
        this.stats.dormantUpdates++;
        this.accept(update, origin, taken.projected);
        // Grown past what is cheap to rebuild for every refresh: keep the doc from now on.
        if (this.encoded.byteLength > this.config.hibernateMaxBytes) {
          this.stayAwake = true;
          this.wake();
        }
        return;
      }
    }
    const doc = this.liveDoc ?? this.wake();
    Y.applyUpdate(doc, update, origin);
    this.budget.added(update.byteLength, 0);
    this.budget.countedItems(countItems(doc));
  }

  /**
   * Runs `fn` on the doc (RoomDocReader): the live one, or one built from the encoded state
   * for this call. The room wakes instead while it is being edited: `editing` (the refresh
   * waited for a pause in vain), or the second such call within `hibernateAfterMs`.
   */
  read<T>(fn: (doc: Y.Doc) => T, editing = false): T {
    if (this.liveDoc) return fn(this.liveDoc);
    if (!this.encoded) throw new Error("room closed");
    const now = performance.now();
    if (editing || now - this.lastTransientReadAt < this.config.hibernateAfterMs) {
      this.lastProjectedEditAt = now;
      return fn(this.wake());
    }
    this.lastTransientReadAt = now;
    this.stats.transientDocs++;
    return this.encoded.read(fn);
  }

  private wake(): Y.Doc {
    const doc = this.encoded!.toDoc(LOADED);
    doc.on("update", this.onDocUpdate);
    this.liveDoc = doc;
    this.encoded = null;
    this.stats.roomsWoken++;
    this.scheduleHibernate();
    return doc;
  }

  /** Starts (or keeps) the countdown to dormancy; the timer is not reset per keystroke. */
  private scheduleHibernate(delay = this.config.hibernateAfterMs): void {
    if (this.hibernateTimer || this.destroyed || this.stayAwake || this.config.hibernateAfterMs <= 0) return;
    this.hibernateTimer = setTimeout(() => {
      this.hibernateTimer = null;
      const quietFor = performance.now() - this.lastProjectedEditAt;
      if (quietFor < this.config.hibernateAfterMs) this.scheduleHibernate(this.config.hibernateAfterMs - quietFor);
      else this.hibernate();
    }, delay);
    this.hibernateTimer.unref();
  }

  /**
   * Drops the live doc, keeping its state encoded. Nothing else has to wait for it: pending
   * log writes, fan-out and unconfirmed remote updates are bytes already, and a projection
   * refresh builds the doc it reads. False when the doc must stay for now (still loading,
   * structs waiting for missing ones: the next edit retries) or for good (too big).
   */
  private hibernate(): boolean {
    const doc = this.liveDoc;
    if (this.destroyed || !doc || !this.loaded || this.stayAwake || this.config.hibernateAfterMs <= 0) return false;
    const encoded = EncodedMapState.of(doc);
    if (!encoded) return false;
    // A big doc stays awake: rebuilding it would block the event loop for every room.
    if (encoded.byteLength > this.config.hibernateMaxBytes) {
      this.stayAwake = true;
      return false;
    }
    doc.off("update", this.onDocUpdate);
    doc.destroy();
    this.liveDoc = null;
    this.encoded = encoded;
    this.persistence.dropRowCopies();
    this.stats.roomsHibernated++;
    return true;
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => {
    if (origin === LOADED) return;
    const projected = touchesProjection(doc, transaction);
    if (projected) this.lastProjectedEditAt = performance.now();
    this.scheduleHibernate();
    this.accept(update, origin, projected);
  };

  /** An update the room took (into its doc or its encoded state): log it, relay it, fan it out. */
  private accept(update: Uint8Array, origin: unknown, projected: boolean): void {
    if (origin instanceof RemoteUpdateOrigin) {
      // Another instance accepted it and writes it to the log; we hold it until it says so.
      if (origin.seq === null) this.persistence.append(update, projected);
      else this.link?.track(origin, update);
      if (projected) this.persistence.noteRemoteChange();
    } else {
      this.persistence.append(update, projected);
    }
    this.outgoing.push({ update, origin });
    if (!this.fanOutScheduled) {
      this.fanOutScheduled = true;
      // setImmediate (not a microtask) runs after the poll phase, so every frame read in
      // this event-loop turn — from any socket — is merged into one message per peer,
      // while a lone update still goes out within the same turn (no timer latency).
      setImmediate(this.fanOut);
    }
  }

  private fanOut = () => {
    this.fanOutScheduled = false;
    const batch = this.outgoing;
    this.outgoing = [];
    if (batch.length === 0) return;
    const merged = (items: typeof batch) => (items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((i) => i.update)));
    if (this.link) {
      // Only what our own sockets sent: updates from Redis are never re-published.
      const own = batch.filter((b) => !(b.origin instanceof RemoteUpdateOrigin));
      if (own.length > 0) this.link.publishUpdate(merged(own));
    }
    if (this.peers.size === 0) return;
    const everything = updateMessage(merged(batch));
    const origins = new Set(batch.map((b) => b.origin));
    for (const peer of this.peers) {
      if (!origins.has(peer)) {
        peer.send(everything);
        continue;
      }
      // Never echo a peer's own update back to it.
      const others = batch.filter((b) => b.origin !== peer);
      if (others.length > 0) peer.send(updateMessage(merged(others)));
    }
  };

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const fromPeer = !!origin && this.peers.has(origin as RoomPeer);
    if (fromPeer) {
      const ids = (origin as RoomPeer).awarenessIds;
      for (const id of added) ids.add(id);
      for (const id of updated) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    // Only our own sockets' states go to other instances (not relayed ones, not local timeouts
    // of remote states: each instance times those out by itself).
    const publish = this.link !== null && (fromPeer || origin === PEER_LEFT);
    for (const id of [...added, ...updated, ...removed]) {
      this.awarenessChanged.add(id);
      if (publish) this.awarenessToPublish.add(id);
    }
    this.scheduleAwareness();
  };

  /** Cursor moves are frequent and only the newest state matters: at most one broadcast per interval. */
  private scheduleAwareness(): void {
    if (this.awarenessTimer || this.destroyed) return;
    const wait = Math.max(0, this.lastAwarenessSent + this.config.awarenessIntervalMs - Date.now());
    this.awarenessTimer = setTimeout(this.sendAwareness, wait);
  }

  private sendAwareness = () => {
    this.awarenessTimer = null;
    this.lastAwarenessSent = Date.now();
    const ids = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (this.awarenessToPublish.size > 0) {
      this.link?.publishAwareness([...this.awarenessToPublish]);
      this.awarenessToPublish.clear();
    }
    if (ids.length === 0 || this.peers.size === 0) return;
    const message = awarenessMessage(this.awareness, ids);
    for (const peer of this.peers) peer.send(message);
  };

  /** Every awareness state the room knows, for a newly joined peer or a query. */
  awarenessSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? awarenessMessage(this.awareness, ids) : null;
  }

  addPeer(peer: RoomPeer): void {
    this.peers.add(peer);
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    // Tell the others the user left now rather than after the 30 s awareness timeout.
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], PEER_LEFT);
  }

  /** Awareness ids announced by this instance's own sockets (LinkedRoom). */
  localAwarenessIds(): number[] {
    const ids: number[] = [];
    for (const peer of this.peers) ids.push(...peer.awarenessIds);
    return ids;
  }

  /** Appends to this instance's update log (LinkedRoom: remote updates nobody confirmed). */
  persist(update: Uint8Array): void {
    this.persistence.append(update);
  }

  /** Writes are pending here: log rows, or remote updates not yet confirmed by their sender. */
  get hasPendingWrites(): boolean {
    return this.persistence.hasPendingWrites || (this.link?.hasUnconfirmed ?? false);
  }

  /** Flushes for unload or shutdown; remote updates still unconfirmed are written here first. */
  drain(options: { deadline: number; compact: boolean; project: boolean }): Promise<boolean> {
    this.link?.adoptAll();
    return this.persistence.drain(options);
  }

  destroy(): void {
    this.destroyed = true;
    this.link?.close();
    this.persistence.close();
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.hibernateTimer) clearTimeout(this.hibernateTimer);
    this.liveDoc?.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.liveDoc?.destroy();
    this.liveDoc = null;
    this.encoded = null;
  }
}
