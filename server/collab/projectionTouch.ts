import type * as Y from "yjs";

/** The doc's root types the relational projection is read from (lib/argument/mapProjection.ts). */
export const PROJECTED_ROOTS: readonly string[] = ["meta", "claims", "citations", "links"];

/**
 * Whether a transaction changed anything under a projected root. Changes elsewhere in the doc
 * (any other root a client writes) cannot change the projection, so they need no refresh: a
 * refresh re-reads the whole map (~1 ms of CPU and ~200 KB of garbage for the sample map;
 * with 500 busy maps the resulting scavenges were the largest share of the fan-out tail).
 */
export function touchesProjection(doc: Y.Doc, transaction: Y.Transaction): boolean {
  // Runs for every update in the message loop: lookups only, no allocation.
  for (const changed of transaction.changed.keys()) {
    let type: Y.AbstractType<any> = changed; // Yjs types its event parameter as any
    // A nested type (a claim's body, a claim map) belongs to the root its item chain ends at.
    while (type._item) type = type._item.parent as Y.AbstractType<any>;
    for (const name of PROJECTED_ROOTS) if (doc.share.get(name) === type) return true;
  }
  return false;
}
