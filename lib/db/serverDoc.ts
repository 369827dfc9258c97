import * as Y from "yjs";

/**
 * A Y.Doc for the server's own work on one map (a room's live doc, compaction). Naming its
 * guid skips Yjs's default, a uuidv4 that lib0 draws through 31 separate
 * crypto.getRandomValues calls: ~0.25 ms per doc, 335 ms of server CPU while the S3
 * benchmark's 500 rooms loaded (CPU profile). The guid only identifies subdocuments, which
 * maps do not have.
 */
export function serverDoc(mapId: string): Y.Doc {
  return new Y.Doc({ guid: mapId });
}
