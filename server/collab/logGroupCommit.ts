import type { Database } from "../../lib/db/client";
import { appendMapUpdates, appendUpdatesOfMaps } from "../../lib/db/mapUpdateLog";
import { isForeignKeyViolation } from "../../lib/db/foreignKeyViolation";

/** A row, or a function giving it when the statement starts (null: nothing left to write). */
export type RowSource = Uint8Array | (() => Uint8Array | null);

interface Entry {
  mapId: string;
  update: RowSource;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes the log rows of every room of this process together, one statement at a time and at
 * most one per `intervalMs`: a lone edit is written at once; under load, rows of all rooms
 * collect and go out together, so a process writes ≤ 10 statements a second (default 100 ms)
 * whether it holds one busy map or five hundred, and each map gets ≤ 1 row per statement (a
 * room has one write in flight at a time). Measured before this pacing: 500 busy maps on the
 * in-process PGlite issued ~330 statements a second and saturated the event loop. Each room
 * retries its own failures; a batch that fails on one map's foreign key (the map was
 * deleted) is retried map by map, so only that map's rows fail.
 */
export class LogGroupCommit {
  private queue: Entry[] = [];
  private writing = false;
  private timer: NodeJS.Timeout | null = null;
  private lastStart = -Infinity;

  constructor(
    private readonly db: Database,
    private readonly intervalMs = 100,
  ) {}

  /**
   * Writes `update` with the next statement. Rooms pass a function: the row is then taken
   * when the statement starts, so edits that arrive while it waits for its turn go out with
   * it. Taken at enqueue time instead, an edit arriving just after a room's row was taken
   * waited for that statement's turn, its write, and a whole interval more: kill -9 during
   * typing lost edits up to 2 × the interval + a write old (133–229 ms; issue 21).
   */
  append(mapId: string, update: RowSource): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ mapId, update, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.timer || this.queue.length === 0) return;
    const wait = Math.max(0, this.lastStart + this.intervalMs - performance.now());
    if (wait === 0) {
      void this.writeNext();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNext();
    }, wait);
  }

  private async writeNext(): Promise<void> {
    this.writing = true;
    this.lastStart = performance.now();
    const batch: (Entry & { update: Uint8Array })[] = [];
    for (const entry of this.queue) {
      let update: Uint8Array | null;
      try {
        update = typeof entry.update === "function" ? entry.update() : entry.update;
      } catch (error) {
        // Only that room's row fails (it retries); the statement goes out for the others.
        entry.reject(error);
        continue;
      }
      if (update) batch.push({ ...entry, update });
      else entry.resolve();
    }
    this.queue = [];
    try {
      if (batch.length > 0) await this.write(batch);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }

  private async write(batch: (Entry & { update: Uint8Array })[]): Promise<void> {
    try {
      if (batch.length === 1) await appendMapUpdates(this.db, batch[0].mapId, [batch[0].update]);
      else await appendUpdatesOfMaps(this.db, batch);
      for (const e of batch) e.resolve();
      return;
    } catch (error) {
      if (batch.length === 1 || !isForeignKeyViolation(error)) {
        for (const e of batch) e.reject(error);
        return;
      }
    }
    // One deleted map must not fail everyone's rows: write map by map.
    const byMap = new Map<string, (Entry & { update: Uint8Array })[]>();
    for (const e of batch) byMap.set(e.mapId, [...(byMap.get(e.mapId) ?? []), e]);
    for (const [mapId, entries] of byMap) {
      try {
        await appendMapUpdates(this.db, mapId, entries.map((e) => e.update));
        for (const e of entries) e.resolve();
      } catch (error) {
        for (const e of entries) e.reject(error);
      }
    }
  }
}

const writers = new WeakMap<Database, LogGroupCommit>();

/** The group commit shared by every room on this database handle. */
export function logGroupCommitFor(db: Database, intervalMs: number): LogGroupCommit {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new LogGroupCommit(db, intervalMs)));
  return writer;
}

