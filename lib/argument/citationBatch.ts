import * as Y from "yjs";
import { addCitation, type NewCitation } from "./mapOperations";
import { projectMap, type MapProjection } from "./mapProjection";
import { readAllClaims } from "./claimSchema";

/**
 * Adds cards to a stored map document in one transaction and returns just that change as
 * a Yjs update (to append to the map's log) plus the projection after it.
 */
export function citationBatchUpdate(state: Uint8Array, citations: readonly NewCitation[]): { update: Uint8Array; projection: MapProjection; ids: string[] } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    const ids: string[] = [];
    doc.transact(() => {
      for (const c of citations) ids.push(addCitation(doc, c));
    });
    return { update: Y.encodeStateAsUpdate(doc, before), projection: projectMap(doc), ids };
  } finally {
    doc.destroy();
  }
}

/** The ids of the claims present in a stored document state. */
export function claimIdsOfState(state: Uint8Array): Set<string> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return new Set(readAllClaims(doc).map((c) => c.id));
  } finally {
    doc.destroy();
  }
}
