import * as Y from "yjs";
import type { Database } from "../../lib/db/client";
import { compactMapLog } from "../../lib/db/mapUpdateLog";
import type { DocumentBudget } from "./documentLimits";
import { isForeignKeyViolation } from "../../lib/db/foreignKeyViolation";
import { logGroupCommitFor } from "./logGroupCommit";
import type { CollabConfig } from "./collabConfig";
import { refreshProjection, SourceTextCache } from "./projectionRefresh";
import { projectMap, type MapProjection } from "../../lib/argument";
import { backgroundTurns } from "./backgroundTurns";
import type { WrittenProjection } from "../../lib/db/projectionStore";

export interface PersistenceStats {
  updatesAccepted: number;
  logRowsWritten: number;
  logFlushes: number;
  logFlushFailures: number;
  snapshotsWritten: number;
  logRowsCompacted: number;
  projectionsWritten: number;
  /** Refreshes that wrote (a transaction); the others found the rows current. */
  projectionWrites: number;
  /** Claim/citation rows deleted or rewritten by projection refreshes (only the changed ones). */
  projectionRowsWritten: number;
  citationsDropped: number;
  /** Rooms that dropped their doc (room.ts dormancy), and rebuilt it to keep it. */
  roomsHibernated: number;
  roomsWoken: number;
  /** Updates a dormant room took without a doc, and docs built for one projection refresh. */
  dormantUpdates: number;
  transientDocs: number;
}

/** How persistence reads a room's doc: the live one, or one built for the read (room.ts). */
export interface RoomDocReader {
  /** `editing`: edits are still coming in (the room may keep the doc it builds). */
  read<T>(fn: (doc: Y.Doc) => T, editing?: boolean): T;
  readonly dormant: boolean;
}

export function emptyPersistenceStats(): PersistenceStats {
  return {
    updatesAccepted: 0,
    logRowsWritten: 0,
    logFlushes: 0,
    logFlushFailures: 0,
    snapshotsWritten: 0,
    logRowsCompacted: 0,
    projectionsWritten: 0,
    projectionWrites: 0,
    projectionRowsWritten: 0,
    citationsDropped: 0,
    roomsHibernated: 0,
    roomsWoken: 0,
    dormantUpdates: 0,
    transientDocs: 0,
  };
}

type Job = "flush" | "compact" | "project";

/**
 * A debounce with a ceiling: fires `idleMs` after the last poke, but never later than `maxMs`
 * after the first; `fire(atCeiling)` says which (at the ceiling: the pokes kept coming).
 */
class BoundedDebounce {
  private timer: NodeJS.Timeout | null = null;
  private deadline = 0;
  constructor(
    private readonly idleMs: number,
    private readonly maxMs: number,
    private readonly fire: (atCeiling: boolean) => void,
  ) {}
  poke(): void {
    const now = Date.now();
    // The ceiling is spread by ±20%: hundreds of rooms that got busy together (a class
    // starting an exercise) would otherwise all compact or project in the same second.
    if (!this.timer) this.deadline = now + this.maxMs * (0.8 + 0.4 * Math.random());
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.idleMs, this.deadline - now));
    const atCeiling = this.deadline - now <= this.idleMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fire(atCeiling);
    }, wait);
  }
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
  get pending(): boolean {
    return this.timer !== null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Writes one room's accepted updates to the database: the update log within ≤ 100 ms
 * (group commit), compaction and the relational projection debounced. The message loop
 * only calls append(); every database call runs here, asynchronously, one at a time per
 * room (so this instance never contends with itself; the advisory lock in mapUpdateLog
 * covers other instances). A failed log write is retried with backoff and never dropped.
 */
export class RoomPersistence {
  private pending: Uint8Array[] = [];
  private firstPendingAt = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private retryDelay = 0;
  private running: Promise<void> | null = null;
  private due = new Set<Job>();
  private lastJob: Job | null = null;
  private paused = false;
  /** Log rows for this map not yet folded into the snapshot (as far as this instance knows). */
  private uncompactedRows = 0;
  private projectionDirty = false;
  private readonly compaction: BoundedDebounce;
  private readonly projection: BoundedDebounce;
  private readonly sources = new SourceTextCache();
  /** The projection of the doc as loaded, for the first refresh (learnStoredProjection); dropped by edits. */
  private loadedProjection: MapProjection | null = null;
  /** The due refresh was forced by the maximum delay: edits kept coming for all of it. */
  private typedThrough = false;
  /** A background turn was asked for the due refresh (see kick). */
  private turnAsked = false;
  /** What the turn, once granted, projected: the refresh job writes it when the slot is free. */
  private granted: MapProjection | null = null;
  /** The projection rows this room wrote last (refreshes write only the difference). */
  private writtenProjection: WrittenProjection | null = null;
  private closed = false;
  /**
   * Told which of this room's published updates a log write covers (roomBusLink.ts): the
   * mark is captured when the batch is taken, and reported once the batch is committed.
   */
  durability: { capture(): number; flushed(mark: number): void } | null = null;
  /** The room's size against its limits (documentLimits.ts): a written snapshot measures it. */
  budget: DocumentBudget | null = null;

  constructor(
    private readonly mapId: string,
    private readonly docs: RoomDocReader,
    private readonly db: Database,
    private readonly config: CollabConfig,
    private readonly stats: PersistenceStats,
    private readonly log: (line: string) => void,
    private readonly onMapDeleted: () => void,
  ) {
    this.compaction = new BoundedDebounce(config.compactIdleMs, config.compactMaxDelayMs, () => this.request("compact"));
    this.projection = new BoundedDebounce(config.projectionIdleMs, config.projectionMaxDelayMs, (atCeiling) => {
      this.typedThrough = atCeiling;
      this.request("project");
    });
  }

  /** Called once after load with the log rows the snapshot does not cover yet. */
  setUncompactedRows(rows: number): void {
    this.uncompactedRows = rows;
    if (rows >= this.config.compactMaxRows) this.request("compact");
    else if (rows > 0) this.compaction.poke();
  }

  /**
   * Right after the room loaded: refresh once while the doc still equals what was stored. The
   * stored projection hash usually matches, so this costs one query, and later refreshes diff
   * against known rows. Without it a room's first refresh after edits must read every row back
   * in a locked transaction, and 500 maps that start being edited together did that at once.
   * Projected now, while the room still holds the doc it loaded (it goes dormant right after).
   */
  learnStoredProjection(): void {
    this.loadedProjection = this.docs.read(projectMap);
    this.projectionDirty = true;
    this.request("project");
  }

  /** `projected`: the update changed what the projection reads (projectionTouch.ts). */
  append(update: Uint8Array, projected = true): void {
    if (this.closed) return;
    this.stats.updatesAccepted++;
    if (this.pending.length === 0) this.firstPendingAt = Date.now();
    this.pending.push(update);
    if (projected) {
      this.loadedProjection = null;
      this.projectionDirty = true;
      this.projection.poke();
    }
    this.scheduleFlush();
  }

  /**
   * The doc changed through another instance (which logs the update itself): the projection
   * is refreshed here too, so the last refresh of every instance sees the converged doc.
   */
  noteRemoteChange(): void {
    if (this.closed) return;
    this.loadedProjection = null;
    this.projectionDirty = true;
    this.projection.poke();
  }

  /** The room holds no doc: keep the fingerprints of what was written, not copies of the rows. */
  dropRowCopies(): void {
    if (this.writtenProjection?.rows) this.writtenProjection = { ...this.writtenProjection, rows: undefined };
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0;
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.pending.length === 0 || this.due.has("flush")) return;
    const wait = this.retryDelay > 0 ? this.retryDelay : Math.max(0, this.config.flushDelayMs - (Date.now() - this.firstPendingAt));
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.request("flush");
    }, wait);
  }

  private request(job: Job): void {
    if (this.closed) return;
    this.due.add(job);
    this.kick();
  }

  private kick(): void {
    if (this.running || this.paused) return;
    // A refresh waits for its background turn before it takes the room's job slot. Holding
    // the slot while it waited kept the log writer waiting as long as the queue of every
    // room's refreshes, seconds once the process is saturated (S3-typing: 500 rooms typed in
    // on a slower machine): flushes promised within 100 ms came ~3 s late, and those pauses
    // let compactions fire mid-typing, which fed the saturation.
    if (this.due.has("project") && !this.granted) this.askTurn();
    // The log first: it is what durability promises; the rest can wait a round, but only one:
    // under typing faster than the log writer's pace a flush is due again whenever one ends,
    // and the projection's maximum delay was not kept until the typing paused.
    const order = this.lastJob === "flush" ? (["compact", "project", "flush"] as const) : (["flush", "compact", "project"] as const);
    const job: Job | undefined = order.find((j) => this.due.has(j) && (j !== "project" || this.granted !== null));
    if (!job) return;
    this.due.delete(job);
    this.lastJob = job;
    this.running = this.run(job).finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private askTurn(): void {
    if (this.turnAsked) return;
    this.turnAsked = true;
    void backgroundTurns.turn().then(() => {
      this.turnAsked = false;
      if (this.closed || !this.due.has("project")) return;
      if (!this.projectionDirty) {
        this.due.delete("project");
        return;
      }
      // The synchronous part (a doc built for a docless room: up to ~25 ms) runs here, inside
      // the turn. Run when the job slot frees instead, it ran in whatever callback ended the
      // room's log write, outside the turns' pacing; under typing that slot is often busy.
      this.granted = this.takeProjection();
      this.kick();
    });
  }

  /** Projects the doc as it is now; later edits make the projection dirty again. */
  private takeProjection(): MapProjection {
    this.projection.cancel();
    this.projectionDirty = false;
    const editing = this.typedThrough;
    this.typedThrough = false;
    const projection = this.loadedProjection ?? this.docs.read(projectMap, editing);
    this.loadedProjection = null;
    return projection;
  }

  private async run(job: Job): Promise<void> {
    try {
      if (job === "flush") await this.writeLog();
      else if (job === "compact") await this.compact();
      else await this.project();
    } catch (error) {
      this.handleError(job, error);
    }
  }

  private async writeLog(): Promise<void> {
    if (this.pending.length === 0) return;
    let batch: Uint8Array[] = [];
    let mark: number | undefined;
    // Taken when the group commit's statement starts (logGroupCommit.ts), with everything
    // that arrived until then. One row per flush: the batch is merged, so a burst of
    // keystrokes costs one row.
    const takeRow = () => {
      batch = this.pending;
      this.pending = [];
      mark = this.durability?.capture();
      if (batch.length === 0) return null;
      return batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
    };
    try {
      await logGroupCommitFor(this.db, this.config.logWriteIntervalMs).append(this.mapId, takeRow);
    } catch (error) {
      // Put the batch back in front of anything that arrived meanwhile: order is kept and nothing is lost.
      this.pending = batch.concat(this.pending);
      this.stats.logFlushFailures++;
      this.retryDelay = Math.min(this.config.flushRetryMaxMs, Math.max(this.config.flushRetryMinMs, this.retryDelay * 2));
      this.scheduleFlush();
      throw error;
    }
    this.retryDelay = 0;
    if (batch.length === 0) return this.scheduleFlush();
    if (mark !== undefined) this.durability?.flushed(mark);
    this.stats.logFlushes++;
    this.stats.logRowsWritten++;
    this.uncompactedRows++;
    if (this.uncompactedRows >= this.config.compactMaxRows) this.due.add("compact");
    else this.compaction.poke();
    // Updates that arrived during the write keep their own 100 ms budget (firstPendingAt).
    this.scheduleFlush();
  }

  private async compact(): Promise<void> {
    this.compaction.cancel();
    if (this.uncompactedRows === 0) return;
    const rows = this.uncompactedRows;
    const mark = this.budget?.mark ?? 0;
    const result = await compactMapLog(this.db.prisma, this.mapId);
    if (result.bytes !== null) this.budget?.compacted(result.bytes, mark);
    // Rows written while compacting (by us) were not folded in; other instances' rows are unknown to us.
    this.uncompactedRows = Math.max(0, this.uncompactedRows - rows);
    if (result.folded > 0) {
      this.stats.snapshotsWritten++;
      this.stats.logRowsCompacted += result.folded;
    }
  }

  private async project(): Promise<void> {
    let projection = this.granted;
    this.granted = null;
    if (!projection) {
      // A drain runs the refresh directly: it waits for a turn here.
      if (!this.projectionDirty) return;
      await backgroundTurns.turn();
      if (this.closed) return;
      projection = this.takeProjection();
    }
    try {
      const result = await refreshProjection(this.db, this.sources, this.mapId, projection, this.log, this.writtenProjection);
      this.writtenProjection = result.written;
      if (this.docs.dormant) this.dropRowCopies();
      this.stats.projectionsWritten++;
      if (result.rowsChanged > 0) this.stats.projectionWrites++;
      this.stats.projectionRowsWritten += result.rowsChanged;
      this.stats.citationsDropped += result.dropped;
      // Edits after the turn took this projection poked the debounce; if it already fired
      // (the slot was busy for longer), that request ran this older projection: ask again.
      if (this.projectionDirty && !this.projection.pending) this.projection.poke();
    } catch (error) {
      this.projectionDirty = true;
      // Unknown what the failed transaction left: the next refresh compares with the stored rows.
      this.writtenProjection = null;
      throw error;
    }
  }

  private handleError(job: Job, error: unknown): void {
    if (isForeignKeyViolation(error)) {
      this.log(`collab: map ${this.mapId} no longer exists; dropping its pending writes`);
      this.pending = [];
      this.close();
      this.onMapDeleted();
      return;
    }
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (job === "flush") {
      this.log(`collab: map ${this.mapId}: writing ${this.pending.length} update(s) failed (${message}); retrying in ${this.retryDelay} ms`);
    } else {
      this.log(`collab: map ${this.mapId}: ${job === "compact" ? "compaction" : "projection refresh"} failed (${message}); will retry`);
      (job === "compact" ? this.compaction : this.projection).poke();
    }
  }

  /**
   * Writes everything pending (log, then optionally compaction and projection) and
   * resolves when done or when the deadline passes. Used on idle unload and shutdown.
   */
  async drain(options: { deadline: number; compact: boolean; project: boolean }): Promise<boolean> {
    this.paused = true;
    try {
      if (this.running) await this.running;
      while (this.pending.length > 0) {
        if (Date.now() > options.deadline) {
          this.log(`collab: map ${this.mapId}: gave up writing ${this.pending.length} update(s) at shutdown; the clients still hold them and resend on reconnect`);
          return false;
        }
        if (this.flushTimer) clearTimeout(this.flushTimer);
        this.flushTimer = null;
        await this.run("flush");
        if (this.pending.length > 0) await sleep(Math.max(this.retryDelay, this.config.flushRetryMinMs));
      }
      if (options.compact && this.uncompactedRows > 0 && Date.now() < options.deadline) await this.run("compact");
      // A projection taken in a granted turn first, then whatever was edited after it.
      if (options.project && this.granted && Date.now() < options.deadline) await this.run("project");
      if (options.project && this.projectionDirty && Date.now() < options.deadline) await this.run("project");
      return true;
    } finally {
      this.paused = false;
      if (!this.closed) {
        this.scheduleFlush();
        this.kick();
      }
    }
  }

  close(): void {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.compaction.cancel();
    this.projection.cancel();
    this.due.clear();
    this.granted = null;
  }
}

