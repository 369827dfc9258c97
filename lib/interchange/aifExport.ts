import type { MapDraft } from "./mapDraft";
import type { AifDocument } from "./aifSchema";

/**
 * The map as AIF JSON: every position and claim an I-node; each pro (tree edge or
 * cross-link) an RA node with the premise → RA → conclusion edges, each con a CA node
 * likewise. AIF has no question or title: they ride in a `claimboard` key AIF tools ignore.
 */
export function exportAif(draft: MapDraft): AifDocument {
  const nodes: AifDocument["nodes"] = [];
  const edges: AifDocument["edges"] = [];
  const ids = new Map<string, string>();
  let next = 1;
  const timestamp = new Date(0).toISOString().replace("T", " ").slice(0, 19);
  for (const claim of draft.claims) {
    const id = String(next++);
    ids.set(claim.key, id);
    nodes.push({ nodeID: id, text: claim.text, type: "I", timestamp });
  }
  const relate = (from: string, to: string, stance: "pro" | "con", scheme: string | undefined) => {
    const s = String(next++);
    nodes.push({ nodeID: s, text: scheme ?? (stance === "pro" ? "Default Inference" : "Default Conflict"), type: stance === "pro" ? "RA" : "CA", timestamp });
    edges.push({ edgeID: String(next++), fromID: ids.get(from)!, toID: s });
    edges.push({ edgeID: String(next++), fromID: s, toID: ids.get(to)! });
  };
  for (const claim of draft.claims) if (claim.parentKey !== null && claim.stance) relate(claim.key, claim.parentKey, claim.stance, undefined);
  for (const link of draft.links) if (ids.has(link.fromKey) && ids.has(link.toKey)) relate(link.fromKey, link.toKey, link.stance, undefined);
  return { nodes, edges, locutions: [], claimboard: { title: draft.title, question: draft.question } };
}
