import type * as Y from "yjs";
import { metaMap } from "./claimSchema";
import type { MapTree } from "./mapTree";

/**
 * Which position each side of a debate defends.
 *
 * Stored in the doc's `meta` map under `affirmativePositionId` (an additive key: absent, or
 * naming a position that no longer exists, means the default — the first position under the
 * question in displayed order). The negative defends the first other position. Kept in the
 * Yjs doc rather than a table so a swap is one more collaborative, undoable edit that every
 * open client sees at once.
 */
export const AFFIRMATIVE_KEY = "affirmativePositionId";

export interface DebateSides {
  aff: string | null;
  neg: string | null;
}

/** The positions under the root question, in displayed order. */
export function positionIds(tree: MapTree): string[] {
  return (tree.root?.children ?? []).filter((n) => n.claim.kind === "position").map((n) => n.claim.id);
}

export function readAffirmativePositionId(doc: Y.Doc): string | null {
  const value = metaMap(doc).get(AFFIRMATIVE_KEY);
  return typeof value === "string" && value !== "" ? value : null;
}

/** Sides for a tree: an explicit choice wins, then the stored one, then the first position. */
export function resolveSides(tree: MapTree, stored: string | null, explicit?: string): DebateSides {
  const positions = positionIds(tree);
  const pick = (id: string | null | undefined) => (id && positions.includes(id) ? id : null);
  const aff = pick(explicit) ?? pick(stored) ?? positions[0] ?? null;
  const neg = positions.find((id) => id !== aff) ?? null;
  return { aff, neg };
}

/** Makes the current negative position the affirmative one; false when there is nothing to swap. */
export function swapSides(doc: Y.Doc, tree: MapTree, origin?: unknown): boolean {
  const { neg } = resolveSides(tree, readAffirmativePositionId(doc));
  if (neg === null) return false;
  doc.transact(() => metaMap(doc).set(AFFIRMATIVE_KEY, neg), origin);
  return true;
}
