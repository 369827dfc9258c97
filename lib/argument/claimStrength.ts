import type { CitationData } from "./claimSchema";
import type { MapTree, TreeNode } from "./mapTree";

/**
 * Claim strength and position balance.
 *
 * Every claim gets a strength in [0, 1], computed bottom-up:
 *
 *   r(c)  = mean of c's impact ratings, each clamped to 0–4 (Kialo-style:
 *           0 no impact … 4 very high). No ratings → 2 ("unrated, medium").
 *   e(c)  = 1 when c has at least one evidence card (citation), else 0.75.
 *           Only `claim`s are discounted: a position is a thesis held up by its
 *           claims, and the question is not an argument at all.
 *   s(c)  = e(c) × clamp01( r(c)/4 × (1 + W·Σ_pro s(p) − W·Σ_con s(k)) ),  W = 0.5
 *
 * where the sums run over c's direct pro and con children. So an unrated, cited leaf is
 * 0.5; an unrated, uncited leaf 0.375; each strong pro lifts its parent by up to half of
 * the parent's own rating, each strong con pulls it down by as much, and a claim whose
 * cons outweigh its own rating plus its pros bottoms out at 0.
 *
 * Cross-links (the doc's `links`) do not count yet: they can form cycles, and the tree
 * cannot. Children without a stance (positions under the question) do not count either.
 *
 * Position balance: each position's own strength, side by side, plus its share of their
 * sum (0.5 each when both are 0).
 *
 * Ratings are an input (`Map<claimId, number[]>`) so the stored votes can be fed in once
 * they exist; today callers pass an empty map and every claim is "unrated, medium".
 */

export const DEFAULT_RATING = 2;
export const MAX_RATING = 4;
export const CHILD_WEIGHT = 0.5;
export const UNSUPPORTED_FACTOR = 0.75;

export type Ratings = ReadonlyMap<string, readonly number[]>;
export type CitationCounts = ReadonlyMap<string, number>;

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Mean impact rating on 0–4; non-finite votes are ignored, the rest clamped. */
export function meanRating(votes: readonly number[] | undefined): number {
  const valid = (votes ?? []).filter((v) => Number.isFinite(v)).map((v) => Math.min(MAX_RATING, Math.max(0, v)));
  if (valid.length === 0) return DEFAULT_RATING;
  return valid.reduce((a, b) => a + b, 0) / valid.length;
}

/** How many evidence cards each claim has. */
export function countCitations(citations: readonly Pick<CitationData, "claimId">[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of citations) counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
  return counts;
}

/** Post-order over every tree (the root's and each detached one); children before parents. */
function postOrder(tree: MapTree): TreeNode[] {
  const out: TreeNode[] = [];
  const roots = tree.root ? [tree.root, ...tree.detached] : [...tree.detached];
  // Iterative (a long chain must not overflow the stack): pre-order with children pushed
  // in order, then reversed, puts every child before its parent.
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (const child of node.children) stack.push(child);
  }
  return out.reverse();
}

/** The strength of every claim in the tree (see the header comment for the formula). */
export function computeStrengths(tree: MapTree, ratings: Ratings, citationCount: CitationCounts): Map<string, number> {
  const strengths = new Map<string, number>();
  for (const node of postOrder(tree)) {
    const { claim } = node;
    let pro = 0;
    let con = 0;
    for (const child of node.children) {
      const s = strengths.get(child.claim.id) ?? 0;
      if (child.claim.stance === "pro") pro += s;
      else if (child.claim.stance === "con") con += s;
    }
    const base = meanRating(ratings.get(claim.id)) / MAX_RATING;
    const evidence = claim.kind === "claim" && (citationCount.get(claim.id) ?? 0) === 0 ? UNSUPPORTED_FACTOR : 1;
    strengths.set(claim.id, evidence * clamp01(base * (1 + CHILD_WEIGHT * pro - CHILD_WEIGHT * con)));
  }
  return strengths;
}

export interface PositionScore {
  positionId: string;
  strength: number;
  /** strength / Σ strengths of all positions; equal shares when all are 0. */
  share: number;
}

/** The positions under the root question, in their displayed order, with their scores. */
export function positionBalance(tree: MapTree, strengths: ReadonlyMap<string, number>): PositionScore[] {
  const positions = (tree.root?.children ?? []).filter((n) => n.claim.kind === "position");
  const scores = positions.map((n) => strengths.get(n.claim.id) ?? 0);
  const total = scores.reduce((a, b) => a + b, 0);
  return positions.map((n, i) => ({
    positionId: n.claim.id,
    strength: scores[i],
    share: total > 0 ? scores[i] / total : 1 / positions.length,
  }));
}
