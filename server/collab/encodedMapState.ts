import * as Y from "yjs";
import { serverDoc } from "../../lib/db/serverDoc";
import { PROJECTED_ROOTS } from "./projectionTouch";

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Appended updates are merged in runs of this many (rebuilding applies each one). Only the
 * run is merged, not everything appended so far: re-merging the whole growing list every 64
 * edits took 1.5–2.7 ms once it neared NORMALIZE_BYTES, a loop stall every ~0.6 s under S1's
 * load (CPU profile of the stalls), where merging a run takes ~0.1 ms.
 */
const MERGE_PENDING_AT = 64;
/** Appended bytes beyond which the state is rebuilt and re-encoded (deleted content is dropped then). */
const NORMALIZE_BYTES = 64 * 1024;

/**
 * A map's state held encoded, for a room without a Y.Doc (room.ts). A Y.Doc of the sample map
 * takes ~350 KB of heap against ~26 KB encoded, and nearly every edit a client sends simply
 * continues the state: its structs start exactly at the clocks the server has, and everything
 * they refer to is known. Such an update is appended as bytes (~3 µs instead of ~26 µs for
 * integrating it into a doc); anything else (a gap, a duplicate, a reference this state
 * cannot vouch for) is refused, and the room rebuilds its doc and lets Yjs integrate it.
 *
 * What it must never do is accept an update a doc would integrate differently than the
 * clients do, because it forwards and persists the bytes as they came. Hence the checks:
 * contiguous clocks per client, origins and deletions within the known clocks, and an
 * explicit parent that is a root or a known type.
 */
export class EncodedMapState {
  /** Merged runs of appended updates, then the updates of the current run as they came. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** How many entries at the end of `pending` are the current run's, not yet merged. */
  private unmerged = 0;

  private constructor(
    /** The map id (the guid of every doc built from this state). */
    private readonly guid: string,
    private base: Uint8Array,
    /** Next clock per client: the state vector. */
    private readonly clocks: Map<number, number>,
    /** Ids of the items that hold a type (maps, fragments, elements): valid explicit parents. */
    private types: Map<number, Set<number>>,
  ) {}

  /** The doc's state, or null while the doc holds structs or deletions waiting for missing ones. */
  static of(doc: Y.Doc): EncodedMapState | null {
    if (doc.store.pendingStructs || doc.store.pendingDs) return null;
    return new EncodedMapState(doc.guid, Y.encodeStateAsUpdate(doc), Y.decodeStateVector(Y.encodeStateVector(doc)), typeItemsOf(doc));
  }

  get byteLength(): number {
    return this.base.byteLength + this.pendingBytes;
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.clocks);
  }

  /**
   * Appends `update` if it continues this state exactly; returns whether it may change the
   * relational projection (conservatively: true unless every item sits directly on a root
   * the projection does not read), or null when it was not taken.
   */
  append(update: Uint8Array, { structs, ds }: DecodedUpdate): { projected: boolean } | null {
    const after = new Map<number, number>();
    const clockOf = (client: number) => after.get(client) ?? this.clocks.get(client) ?? 0;
    for (const struct of structs) {
      if (struct instanceof Y.Skip || struct.id.clock !== clockOf(struct.id.client)) return null;
      after.set(struct.id.client, struct.id.clock + struct.length);
    }
    const known = (id: Y.ID | null) => id === null || id.clock < clockOf(id.client);
    const newTypes: Y.ID[] = [];
    for (const struct of structs) if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) newTypes.push(struct.id);
    const isType = (id: Y.ID) => this.types.get(id.client)?.has(id.clock) || newTypes.some((t) => t.client === id.client && t.clock === id.clock);
    let projected = ds.clients.size > 0;
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) {
        projected = true; // GC: its parent is unknown
        continue;
      }
      if (!known(struct.origin) || !known(struct.rightOrigin)) return null;
      // Decoded, an item's parent is a root's name, the id of the item holding its type, or
      // null (then it is its neighbour's parent).
      const parent = struct.parent as unknown;
      if (typeof parent === "string") {
        if (PROJECTED_ROOTS.includes(parent)) projected = true;
        continue;
      }
      projected = true;
      if (parent !== null && !isType(parent as Y.ID)) return null;
    }
    for (const [client, deletions] of ds.clients) {
      for (const d of deletions) if (d.clock + d.len > clockOf(client)) return null;
    }
    for (const [client, clock] of after) this.clocks.set(client, clock);
    for (const id of newTypes) addId(this.types, id);
    this.pending.push(update);
    this.unmerged++;
    this.pendingBytes += update.byteLength;
    if (this.pendingBytes > Math.max(NORMALIZE_BYTES, this.base.byteLength)) this.read(() => {});
    else if (this.unmerged >= MERGE_PENDING_AT) {
      this.pending.push(Y.mergeUpdates(this.pending.splice(this.pending.length - this.unmerged)));
      this.unmerged = 0;
    }
    return { projected };
  }

  /** What a peer with `stateVector` lacks. */
  updateSince(stateVector: Uint8Array): Uint8Array {
    if (this.pending.length > 0) return this.read((doc) => Y.encodeStateAsUpdate(doc, stateVector));
    return Y.decodeStateVector(stateVector).size === 0 ? this.base : Y.diffUpdate(this.base, stateVector);
  }

  /**
   * Runs `fn` on a doc built from this state (~1 ms for the sample map), then drops the doc.
   * The rebuilt doc's encoding becomes the new base: appended updates folded in, deleted
   * content collected.
   */
  read<T>(fn: (doc: Y.Doc) => T): T {
    const doc = this.toDoc();
    try {
      const result = fn(doc);
      if (this.pending.length > 0 && !doc.store.pendingStructs && !doc.store.pendingDs) {
        this.base = Y.encodeStateAsUpdate(doc);
        this.types = typeItemsOf(doc);
        this.pending = [];
        this.pendingBytes = 0;
        this.unmerged = 0;
      }
      return result;
    } finally {
      doc.destroy();
    }
  }

  /** A doc holding this state, with `origin` on the transactions that fill it. */
  toDoc(origin: unknown = null): Y.Doc {
    const doc = serverDoc(this.guid);
    Y.applyUpdate(doc, this.base, origin);
    for (const update of this.pending) Y.applyUpdate(doc, update, origin);
    return doc;
  }
}

function addId(ids: Map<number, Set<number>>, id: Y.ID): void {
  let clocks = ids.get(id.client);
  if (!clocks) ids.set(id.client, (clocks = new Set()));
  clocks.add(id.clock);
}

function typeItemsOf(doc: Y.Doc): Map<number, Set<number>> {
  const ids = new Map<number, Set<number>>();
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) addId(ids, struct.id);
  }
  return ids;
}
