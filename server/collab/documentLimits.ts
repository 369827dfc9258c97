import type * as Y from "yjs";

// Per-map growth limits. Without them one editor sending 2 million items in 1,000 frames
// took the server from 757 MB to 3 GB and stalled every map for up to 26 s (issue 21). A
// Yjs item costs ~440 bytes of heap and ~3 µs to apply, so the item count is what bounds
// memory and load time; the byte size bounds the stored snapshot and the first sync.

export interface DocumentLimits {
  /** Largest encoded size of a map (snapshot plus log), estimated from what was accepted. */
  maxBytes: number;
  /** Most Yjs structs (items, tombstones) a map may hold. */
  maxItems: number;
}

/** Structs in a doc's store: exact, and cheap (one array length per client). */
export function countItems(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

/**
 * One map's size against its limits. Sizes are measured where that is cheap (the loaded
 * state, a written snapshot, a live doc's store) and otherwise estimated upward by adding
 * every accepted update, so an estimate can only refuse early, never let a map past a limit.
 */
export class DocumentBudget {
  private bytes = 0;
  private items = 0;
  /** Bytes accepted since the room loaded (so a snapshot can be credited with what came after it). */
  private accepted = 0;

  constructor(private readonly limits: DocumentLimits) {}

  /** The stored state as loaded. */
  loaded(bytes: number, items: number): void {
    this.bytes = bytes;
    this.items = items;
  }

  /** A snapshot of `bytes` was written from the log as of `acceptedMark` (see `mark`). */
  compacted(bytes: number, acceptedMark: number): void {
    this.bytes = bytes + (this.accepted - acceptedMark);
  }

  /** An exact item count (the live doc's store). */
  countedItems(items: number): void {
    this.items = items;
  }

  get mark(): number {
    return this.accepted;
  }

  /**
   * Why an update of `bytes` with `items` structs may not be applied, or null. Updates that
   * add no structs (deletions) always pass: they are how a full map gets smaller.
   */
  refusal(bytes: number, items: number): string | null {
    if (items === 0) return null;
    if (this.items + items > this.limits.maxItems) return `the map would exceed ${this.limits.maxItems} items`;
    if (this.bytes + bytes > this.limits.maxBytes) return `the map would exceed ${Math.round(this.limits.maxBytes / (1024 * 1024))} MB`;
    return null;
  }

  added(bytes: number, items: number): void {
    this.bytes += bytes;
    this.items += items;
    this.accepted += bytes;
  }
}
