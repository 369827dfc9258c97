import type { Database } from "../../lib/db/client";
import { appendMapUpdates, appendUpdatesOfMaps } from "../../lib/db/mapUpdateLog";

interface Entry {
  mapId: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes the log rows of every room of this process together: while one write is in flight,
 * rows from all rooms collect and go out in the next transaction. With hundreds of open maps
 * this is a few transactions per tick instead of one per map (which on the in-process PGlite
 * alone saturated the event loop). Each room still decides when to flush (its ≤ 100 ms group
 * commit) and retries its own failures; a batch that fails on one map's foreign key (the map
 * was deleted) is retried map by map, so only that map's rows fail.
 */
export class LogGroupCommit {
  private queue: Entry[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  append(mapId: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ mapId, update, resolve, reject });
      if (!this.writing) void this.writeLoop();
    });
  }

  private async writeLoop(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Entry[]): Promise<void> {
    try {
      if (batch.length === 1) await appendMapUpdates(this.db.prisma, batch[0].mapId, [batch[0].update]);
      else await appendUpdatesOfMaps(this.db.prisma, batch);
      for (const e of batch) e.resolve();
      return;
    } catch (error) {
      if (batch.length === 1 || !isForeignKeyError(error)) {
        for (const e of batch) e.reject(error);
        return;
      }
    }
    // One deleted map must not fail everyone's rows: write map by map.
    const byMap = new Map<string, Entry[]>();
    for (const e of batch) byMap.set(e.mapId, [...(byMap.get(e.mapId) ?? []), e]);
    for (const [mapId, entries] of byMap) {
      try {
        await appendMapUpdates(this.db.prisma, mapId, entries.map((e) => e.update));
        for (const e of entries) e.resolve();
      } catch (error) {
        for (const e of entries) e.reject(error);
      }
    }
  }
}

const writers = new WeakMap<Database, LogGroupCommit>();

/** The group commit shared by every room on this database handle. */
export function logGroupCommitFor(db: Database): LogGroupCommit {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new LogGroupCommit(db)));
  return writer;
}

function isForeignKeyError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "P2003" || /foreign key constraint/i.test(e?.message ?? "");
}
