import { readCitations, readClaim } from "../argument/claimSchema";
import { selectorMatches } from "../citations/textSelectors";
import { loadMapDoc } from "../db/mapState";
import { projectedClaimKind } from "../db/ratings";
import { projectedCitationExists } from "../db/comments";
import { findMapSource } from "../db/sources";
import type { ThreadTargetInput } from "./commentRequests";

/**
 * Why a thread target does not exist in the map, or null when it does. The relational
 * projection is asked first; it lags a just-created claim or card briefly, so a miss is
 * confirmed against the stored document.
 */
export async function missingTargetReason(mapId: string, target: ThreadTargetInput): Promise<string | null> {
  switch (target.kind) {
    case "claim": {
      if (await projectedClaimKind(mapId, target.claimId)) return null;
      const found = await withStoredDoc(mapId, (doc) => readClaim(doc, target.claimId) !== null);
      return found ? null : "There is no claim with that id in this map.";
    }
    case "citation": {
      if (await projectedCitationExists(mapId, target.citationId)) return null;
      const found = await withStoredDoc(mapId, (doc) => readCitations(doc).some((c) => c.id === target.citationId));
      return found ? null : "There is no evidence card with that id in this map.";
    }
    case "passage": {
      const source = await findMapSource(mapId, target.sourceId, target.sourceVersion);
      if (!source || source.version !== target.sourceVersion) return "There is no such source version in this map.";
      return selectorMatches(source.text, target.selector) ? null : "The selected passage does not match the source text.";
    }
  }
}

async function withStoredDoc<T>(mapId: string, read: (doc: Awaited<ReturnType<typeof loadMapDoc>>) => T): Promise<T> {
  const doc = await loadMapDoc(mapId);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}
