import * as Y from "yjs";
import type { DecodedUpdate } from "./encodedMapState";

/**
 * A delete range beyond what the room (or the update itself) holds for that client, or null.
 * Yjs keeps such a range pending and applies it to whatever arrives later at those clocks, so
 * one crafted update would silently delete another client's future edits.
 * `stateVector`: the room doc's, decoded.
 */
export function deleteBeyondState(decoded: DecodedUpdate, stateVector: Map<number, number>): { client: number; clock: number } | null {
  if (decoded.ds.clients.size === 0) return null;
  // The update's own structs count: a client may delete what it inserts in the same update.
  const inUpdate = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    if (end > (inUpdate.get(struct.id.client) ?? 0)) inUpdate.set(struct.id.client, end);
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Math.max(stateVector.get(client) ?? 0, inUpdate.get(client) ?? 0);
    for (const range of ranges) {
      if (range.clock + range.len > known) return { client, clock: range.clock + range.len - 1 };
    }
  }
  return null;
}
