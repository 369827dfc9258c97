import * as Y from "yjs";
import { readAllClaims, type ClaimData } from "./claimSchema";
import { compareKeys, compareSiblings } from "./claimOrder";

export interface TreeNode {
  claim: ClaimData;
  children: TreeNode[];
  /** 0 for the root and for every detached root. */
  depth: number;
}

export interface MapTree {
  root: TreeNode | null;
  /** Subtrees that lost their place: extra questions, orphans, and broken cycles. */
  detached: TreeNode[];
  byId: Map<string, TreeNode>;
}

function byCreatedThenId(a: ClaimData, b: ClaimData): number {
  return a.createdAt - b.createdAt || compareKeys(a.id, b.id);
}

/**
 * Builds the displayed tree. Every claim ends up exactly once, either under the root or
 * in a detached subtree; the result depends only on the set of claims, not on the order
 * updates arrived in, so all clients show the same tree.
 *
 * Rules, in order:
 * - The root is the question with the smallest (createdAt, id). Other questions, and
 *   claims whose parent is absent (deleted concurrently) or themselves, are detached roots.
 * - Concurrent moves can leave parent pointers forming cycles. Each cycle is cut at its
 *   member with the greatest id (plain string comparison): that member becomes a detached
 *   root and the rest of the cycle hangs under it. Cycles in a parent-pointer graph are
 *   disjoint, so cutting one never changes another and the choice is order-independent.
 * - Children are sorted by compareSiblings; detached roots by (createdAt, id).
 *
 * O(n log n): each claim is walked once for cycle detection, plus the sorts.
 */
export function buildMapTree(input: Y.Doc | readonly ClaimData[]): MapTree {
  const claims = input instanceof Y.Doc ? readAllClaims(input) : input;
  const byIdClaim = new Map<string, ClaimData>();
  // Duplicate ids only arise from a caller-built array; the first one wins.
  for (const claim of claims) if (!byIdClaim.has(claim.id)) byIdClaim.set(claim.id, claim);

  let rootClaim: ClaimData | null = null;
  for (const claim of byIdClaim.values()) {
    if (claim.kind === "question" && (rootClaim === null || byCreatedThenId(claim, rootClaim) < 0)) rootClaim = claim;
  }

  // Effective parent after repair; null means "a root" (the real one or a detached one).
  const parentOf = new Map<string, string | null>();
  for (const claim of byIdClaim.values()) {
    const p = claim.parentId;
    const orphan = claim.kind === "question" || p === null || p === claim.id || !byIdClaim.has(p);
    parentOf.set(claim.id, orphan ? null : p);
  }

  // Walk up from every claim. A walk stops at a root or at a claim settled by an earlier
  // walk; meeting a claim of the current walk means the walk closed a cycle.
  const walkOf = new Map<string, number>();
  let walk = 0;
  for (const start of byIdClaim.keys()) {
    if (walkOf.has(start)) continue;
    walk++;
    let current: string | null = start;
    while (current !== null && !walkOf.has(current)) {
      walkOf.set(current, walk);
      current = parentOf.get(current) ?? null;
    }
    if (current !== null && walkOf.get(current) === walk) {
      let cut = current;
      for (let member = parentOf.get(current)!; member !== current; member = parentOf.get(member)!) {
        if (member > cut) cut = member;
      }
      parentOf.set(cut, null);
    }
  }

  const byId = new Map<string, TreeNode>();
  for (const claim of byIdClaim.values()) byId.set(claim.id, { claim, children: [], depth: 0 });

  const detached: TreeNode[] = [];
  let root: TreeNode | null = null;
  for (const node of byId.values()) {
    const parentId = parentOf.get(node.claim.id) ?? null;
    if (parentId !== null) byId.get(parentId)!.children.push(node);
    else if (node.claim === rootClaim) root = node;
    else detached.push(node);
  }
  for (const node of byId.values()) node.children.sort((a, b) => compareSiblings(a.claim, b.claim));
  detached.sort((a, b) => byCreatedThenId(a.claim, b.claim));

  // Iterative so a deep chain cannot overflow the stack.
  const stack: TreeNode[] = root ? [root, ...detached] : [...detached];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return { root, detached, byId };
}

/** Pre-order: the root's tree, then each detached subtree. Parents precede children. */
export function walkMapTree(tree: MapTree): TreeNode[] {
  const out: TreeNode[] = [];
  const stack: TreeNode[] = [];
  const roots = tree.root ? [tree.root, ...tree.detached] : [...tree.detached];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}
