import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { Database } from "../../lib/db/client";
import { loadMapState } from "../../lib/db/mapState";
import { countPendingMapUpdates } from "../../lib/db/mapUpdateLog";
import type { CollabConfig } from "./collabConfig";
import { RoomPersistence, type PersistenceStats } from "./roomPersistence";
import { awarenessMessage, updateMessage } from "./syncMessages";

/** What a room needs from a socket: a way to send, and an identity to exclude as origin. */
export interface RoomPeer {
  send(message: Uint8Array): void;
  /** Awareness client ids this peer announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
}

/** Transaction origin of the state loaded from the database: neither persisted nor broadcast. */
const LOADED = Symbol("loaded from the database");

/**
 * One map's live state: the Y.Doc every socket of the map syncs with, the awareness of its
 * users, and the fan-out between them. The doc is loaded once (all concurrent joins share
 * the load) and nothing reads or writes it before the load finished.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
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
  private awarenessTimer: NodeJS.Timeout | null = null;
  private lastAwarenessSent = 0;
  private destroyed = false;

  constructor(
    readonly mapId: string,
    private readonly db: Database,
    private readonly config: CollabConfig,
    stats: PersistenceStats,
    private readonly log: (line: string) => void,
    onMapDeleted: (room: Room) => void,
  ) {
    // The server is not a user: it announces no awareness state of its own.
    this.awareness.setLocalState(null);
    this.persistence = new RoomPersistence(mapId, this.doc, db, config, stats, log, () => onMapDeleted(this));
    this.doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.ready = this.load();
    // Callers attach their own handlers; this one only keeps a failed load from being "unhandled".
    this.ready.catch(() => {});
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const state = await loadMapState(this.mapId, this.db.prisma);
    const uncompacted = await countPendingMapUpdates(this.db.prisma, this.mapId);
    if (this.destroyed) throw new Error("room closed while loading");
    Y.applyUpdate(this.doc, state, LOADED);
    this.loaded = true;
    this.persistence.setUncompactedRows(uncompacted);
    const ms = performance.now() - started;
    if (ms > 500) this.log(`collab: map ${this.mapId} took ${Math.round(ms)} ms to load`);
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === LOADED) return;
    this.persistence.append(update);
    this.outgoing.push({ update, origin });
    if (!this.fanOutScheduled) {
      this.fanOutScheduled = true;
      // setImmediate (not a microtask) runs after the poll phase, so every frame read in
      // this event-loop turn — from any socket — is merged into one message per peer,
      // while a lone update still goes out within the same turn (no timer latency).
      setImmediate(this.fanOut);
    }
  };

  private fanOut = () => {
    this.fanOutScheduled = false;
    const batch = this.outgoing;
    this.outgoing = [];
    if (batch.length === 0 || this.peers.size === 0) return;
    const merged = (items: typeof batch) => (items.length === 1 ? items[0].update : Y.mergeUpdates(items.map((i) => i.update)));
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
    if (origin && this.peers.has(origin as RoomPeer)) {
      const ids = (origin as RoomPeer).awarenessIds;
      for (const id of added) ids.add(id);
      for (const id of updated) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    for (const id of [...added, ...updated, ...removed]) this.awarenessChanged.add(id);
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
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  destroy(): void {
    this.destroyed = true;
    this.persistence.close();
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
