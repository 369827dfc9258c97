import type { Database } from "../../lib/db/client";
import type { CollabConfig } from "./collabConfig";
import { Room } from "./room";
import type { PersistenceStats } from "./roomPersistence";
import type { CollabBus } from "./collabBus";

/**
 * The rooms of this process, one per open map. A room is created by its first join (the
 * load starts then and later joins share it) and unloaded once it has had no sockets for
 * `idleUnloadMs` and its pending writes are flushed.
 */
export class RoomRegistry {
  readonly rooms = new Map<string, Room>();
  private unloading = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly config: CollabConfig,
    private readonly stats: PersistenceStats,
    private readonly log: (line: string) => void,
    private readonly onMapDeleted: (room: Room) => void,
    private readonly bus: CollabBus | null = null,
  ) {}

  /** The room of a map, created (and its load started) on first use. */
  get(mapId: string): Room {
    let room = this.rooms.get(mapId);
    if (!room) {
      const created = new Room(mapId, this.db, this.config, this.stats, this.log, this.onMapDeleted, this.bus);
      this.rooms.set(mapId, created);
      // A failed load must not stick: the next join starts a fresh one.
      created.ready.catch(() => {
        if (this.rooms.get(mapId) === created) this.rooms.delete(mapId);
        created.destroy();
      });
      room = created;
    }
    return room;
  }

  /** Called when a room lost a peer: starts the idle countdown once it has none. */
  released(room: Room): void {
    if (room.peers.size > 0 || room.unloadTimer || this.rooms.get(room.mapId) !== room) return;
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null;
      const done = this.unload(room).finally(() => this.unloading.delete(done));
      this.unloading.add(done);
    }, this.config.idleUnloadMs);
  }

  private async unload(room: Room): Promise<void> {
    if (room.peers.size > 0) return;
    if (room.loaded) {
      await room.drain({ deadline: Date.now() + 60_000, compact: true, project: true });
    } else {
      await room.ready.catch(() => {});
    }
    // Someone joined while we were writing, or new edits came in: the room stays.
    if (room.peers.size > 0 || room.hasPendingWrites) {
      this.released(room);
      return;
    }
    if (this.rooms.get(room.mapId) === room) this.rooms.delete(room.mapId);
    room.destroy();
  }

  /** Removes a room at once (its map was deleted). */
  discard(room: Room): void {
    if (this.rooms.get(room.mapId) === room) this.rooms.delete(room.mapId);
    room.destroy();
  }

  /** Waits for unloads already under way (they hold writes too). */
  async settle(): Promise<void> {
    await Promise.all([...this.unloading]);
  }
}
