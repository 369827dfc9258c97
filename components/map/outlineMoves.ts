import type { MapTree, TreeNode } from "@/lib/argument/mapTree";
import type { ClaimKind, Stance } from "@/lib/argument/claimSchema";

// Where keyboard and drag-and-drop moves put a claim, computed from the displayed tree
// (after cycle repair) without touching the document. Pure, so the rules are unit-tested;
// moveClaim still has the last word (it refuses cycles made meanwhile).
//
// Shape rules the outline keeps: the question is the root, positions sit directly under
// it, pro/con claims sit under positions or other claims.

export type MovePlan = { ok: true; parentId: string; index?: number } | { ok: false; reason: string };

export type DropZone = "before" | "after" | "inside";

export interface NewClaimPlan {
  kind: Exclude<ClaimKind, "question">;
  stance: Stance | null;
  parentId: string;
  index?: number;
}

/** Parent of every node as displayed (null for the root and detached roots). */
export function parentsOf(tree: MapTree): Map<string, TreeNode | null> {
  const out = new Map<string, TreeNode | null>();
  const roots = tree.root ? [tree.root, ...tree.detached] : [...tree.detached];
  const stack: [TreeNode, TreeNode | null][] = roots.map((r) => [r, null]);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    out.set(node.claim.id, parent);
    for (const child of node.children) stack.push([child, node]);
  }
  return out;
}

/** Ids in display order, skipping the children of collapsed claims. The question is not a row. */
export function visibleRowIds(tree: MapTree, collapsed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const visit = (node: TreeNode) => {
    out.push(node.claim.id);
    if (collapsed.has(node.claim.id)) return;
    for (const child of node.children) visit(child);
  };
  for (const child of tree.root?.children ?? []) visit(child);
  for (const node of tree.detached) visit(node);
  return out;
}

function acceptsChild(parent: TreeNode, childKind: ClaimKind): string | null {
  if (childKind === "question") return "The question cannot be moved.";
  if (parent.claim.kind === "question") {
    return childKind === "position" ? null : "Only positions go directly under the question.";
  }
  if (childKind === "position") return "A position belongs directly under the question.";
  return null;
}

function siblingsWithout(parent: TreeNode, id: string): TreeNode[] {
  return parent.children.filter((c) => c.claim.id !== id);
}

/** Tab: become the last child of the previous sibling. */
export function indentPlan(tree: MapTree, id: string): MovePlan {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: "That claim no longer exists." };
  if (node.claim.kind !== "claim") return { ok: false, reason: `A ${node.claim.kind} cannot be indented.` };
  const parent = parentsOf(tree).get(id) ?? null;
  if (!parent) return { ok: false, reason: "Move this claim under a position first." };
  const i = parent.children.findIndex((c) => c.claim.id === id);
  if (i <= 0) return { ok: false, reason: "There is no claim above this one to indent under." };
  const target = parent.children[i - 1];
  const refused = acceptsChild(target, node.claim.kind);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, parentId: target.claim.id };
}

/** Shift+Tab: become the sibling right after its parent. */
export function outdentPlan(tree: MapTree, id: string): MovePlan {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: "That claim no longer exists." };
  if (node.claim.kind !== "claim") return { ok: false, reason: `A ${node.claim.kind} cannot be outdented.` };
  const parents = parentsOf(tree);
  const parent = parents.get(id) ?? null;
  if (!parent) return { ok: false, reason: "This claim has no parent to move out of." };
  const grandparent = parents.get(parent.claim.id) ?? null;
  if (!grandparent) return { ok: false, reason: "This claim is already at the top level." };
  const refused = acceptsChild(grandparent, node.claim.kind);
  if (refused) return { ok: false, reason: "A claim must stay under a position; it cannot move up to the question." };
  const siblings = siblingsWithout(grandparent, id);
  const at = siblings.findIndex((c) => c.claim.id === parent.claim.id);
  return { ok: true, parentId: grandparent.claim.id, index: at + 1 };
}

/** Alt+Arrow: one place up (-1) or down (+1) among its siblings. */
export function reorderPlan(tree: MapTree, id: string, delta: -1 | 1): MovePlan {
  const node = tree.byId.get(id);
  if (!node) return { ok: false, reason: "That claim no longer exists." };
  const parent = parentsOf(tree).get(id) ?? null;
  if (!parent) return { ok: false, reason: "Detached claims cannot be reordered; move them under a claim first." };
  const i = parent.children.findIndex((c) => c.claim.id === id);
  const next = i + delta;
  if (next < 0) return { ok: false, reason: "Already first." };
  if (next >= parent.children.length) return { ok: false, reason: "Already last." };
  return { ok: true, parentId: parent.claim.id, index: next };
}

/** Dropping `dragId` on `targetId`: inside = last child; before/after = sibling there. */
export function dropPlan(tree: MapTree, dragId: string, targetId: string, zone: DropZone): MovePlan {
  const node = tree.byId.get(dragId);
  const target = tree.byId.get(targetId);
  if (!node || !target) return { ok: false, reason: "That claim no longer exists." };
  if (node.claim.kind === "question") return { ok: false, reason: "The question cannot be moved." };
  if (dragId === targetId) return { ok: false, reason: "A claim cannot be dropped on itself." };
  if (zone === "inside") {
    const refused = acceptsChild(target, node.claim.kind);
    if (refused) return { ok: false, reason: refused };
    return { ok: true, parentId: targetId };
  }
  const parent = parentsOf(tree).get(targetId) ?? null;
  if (!parent) return { ok: false, reason: "Drop onto a claim to place it under that claim." };
  const refused = acceptsChild(parent, node.claim.kind);
  if (refused) return { ok: false, reason: refused };
  const siblings = siblingsWithout(parent, dragId);
  const at = siblings.findIndex((c) => c.claim.id === targetId);
  return { ok: true, parentId: parent.claim.id, index: zone === "before" ? at : at + 1 };
}

/** Mod+Enter: a new claim of the same kind and stance right after `id`. */
export function siblingPlan(tree: MapTree, id: string): NewClaimPlan | null {
  const node = tree.byId.get(id);
  if (!node || node.claim.kind === "question") return null;
  const parent = parentsOf(tree).get(id) ?? null;
  if (!parent) return null;
  const i = parent.children.findIndex((c) => c.claim.id === id);
  const kind = node.claim.kind;
  return { kind, stance: kind === "claim" ? (node.claim.stance ?? "pro") : null, parentId: parent.claim.id, index: i + 1 };
}

/** "+ Pro"/"− Con" on a claim or position adds a claim; on the question it adds a position. */
export function childPlan(tree: MapTree, parentId: string, stance: Stance): NewClaimPlan | null {
  const parent = tree.byId.get(parentId);
  if (!parent) return null;
  if (parent.claim.kind === "question") return { kind: "position", stance: null, parentId };
  return { kind: "claim", stance, parentId };
}

/** Whether `id` is `ancestorId` or lies below it in the displayed tree. */
export function isInSubtree(tree: MapTree, ancestorId: string, id: string): boolean {
  const parents = parentsOf(tree);
  for (let p: string | null = id; p !== null; p = parents.get(p)?.claim.id ?? null) {
    if (p === ancestorId) return true;
  }
  return false;
}
