import { loadMapDoc } from "../db/mapState";
import { listMapSources } from "../db/sources";
import { loadRatingVotes } from "../db/ratings";
import { assembleBrief, briefSides, type BriefSource } from "./debateBrief";
import { claimBodyFragment, claimPlainText } from "../argument/claimBody";
import { assembleFlow, type DebateFlow } from "./debateFlow";

/** The flow sheet of a stored map (both briefs from one load). Callers check permission first. */
export async function loadMapFlow(mapId: string): Promise<DebateFlow> {
  const [doc, sources, ratings] = await Promise.all([loadMapDoc(mapId), listMapSources(mapId), loadRatingVotes(mapId)]);
  try {
    const sourcesById = new Map<string, BriefSource>(sources.map((s) => [s.id, s]));
    return assembleFlow(assembleBrief(doc, "aff", sourcesById, ratings), assembleBrief(doc, "neg", sourcesById, ratings));
  } finally {
    doc.destroy();
  }
}

export interface StoredSides {
  aff: { id: string; text: string } | null;
  neg: { id: string; text: string } | null;
}

/** Which position each side defends in the stored doc (what briefs and the flow use). */
export async function loadMapSides(mapId: string): Promise<StoredSides> {
  const doc = await loadMapDoc(mapId);
  try {
    const { aff, neg } = briefSides(doc);
    const describe = (id: string | null) => {
      if (id === null) return null;
      const fragment = claimBodyFragment(doc, id);
      return { id, text: (fragment ? claimPlainText(fragment) : "").trim() };
    };
    return { aff: describe(aff), neg: describe(neg) };
  } finally {
    doc.destroy();
  }
}
