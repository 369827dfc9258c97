import type { MapTree } from "../argument/mapTree";

/** The position (child of the question) a claim serves, walking up the displayed tree; null for the question or detached claims. */
export function positionOf(tree: MapTree, claimId: string): string | null {
  const seen = new Set<string>();
  let node = tree.byId.get(claimId);
  while (node && !seen.has(node.claim.id)) {
    if (node.claim.kind === "position") return node.claim.id;
    seen.add(node.claim.id);
    node = node.claim.parentId ? tree.byId.get(node.claim.parentId) : undefined;
  }
  return null;
}

/** Positions in display order (children of the root), for legends and per-position counts. */
export function positionsInOrder(tree: MapTree): string[] {
  return (tree.root?.children ?? []).filter((n) => n.claim.kind === "position").map((n) => n.claim.id);
}

const PALETTE = ["#5b3fb8", "#c2610c", "#0e7490", "#a21caf", "#4d7c0f", "#9f1239", "#1d4ed8", "#854d0e"];

export function positionColor(index: number): string {
  return index < 0 ? "#8a8f98" : PALETTE[index % PALETTE.length];
}
