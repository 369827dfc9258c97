import type { MapTree } from "./mapTree";
import type { CitationCounts } from "./claimStrength";

/**
 * Warnings a debater wants before a round:
 * - `unsupported`: a claim (or position) with no evidence card.
 * - `contested`: some con directly under it is stronger than the claim itself.
 * - `unanswered`: a con with nothing under it (no one has prepared a response).
 * The question gets no flags.
 */
export type ClaimFlag = "unsupported" | "contested" | "unanswered";

export const FLAG_LABELS: Record<ClaimFlag, string> = {
  unsupported: "No evidence",
  contested: "Contested",
  unanswered: "Unanswered",
};

export function computeFlags(tree: MapTree, strengths: ReadonlyMap<string, number>, citationCount: CitationCounts): Map<string, ClaimFlag[]> {
  const flags = new Map<string, ClaimFlag[]>();
  for (const node of tree.byId.values()) {
    const { claim } = node;
    const out: ClaimFlag[] = [];
    if (claim.kind !== "question") {
      if ((citationCount.get(claim.id) ?? 0) === 0) out.push("unsupported");
      const own = strengths.get(claim.id) ?? 0;
      if (node.children.some((c) => c.claim.stance === "con" && (strengths.get(c.claim.id) ?? 0) > own)) out.push("contested");
      if (claim.kind === "claim" && claim.stance === "con" && node.children.length === 0) out.push("unanswered");
    }
    flags.set(claim.id, out);
  }
  return flags;
}
