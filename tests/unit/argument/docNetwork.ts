import * as Y from "yjs";
import { buildMapTree, walkMapTree, type MapTree, type TreeNode } from "../../../lib/argument";

// Test support, not a test file: simulated peers that exchange Yjs updates.

export function newDoc(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  // Fixed client ids keep conflict resolution, and so failures, reproducible.
  doc.clientID = clientID;
  return doc;
}

/** Sends whatever `to` is missing from `from`. */
export function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), "remote");
}

export function syncAll(docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) send(a, b);
}

/** A deterministic PRNG (mulberry32) so a failing seed can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

type Shape = { id: string; depth: number; children: Shape[] };

function shapeOf(node: TreeNode): Shape {
  return { id: node.claim.id, depth: node.depth, children: node.children.map(shapeOf) };
}

/** A comparable picture of a tree: ids, nesting, depth and order. */
export function treeShape(tree: MapTree): { root: Shape | null; detached: Shape[] } {
  return { root: tree.root ? shapeOf(tree.root) : null, detached: tree.detached.map(shapeOf) };
}

/** Every claim appears exactly once, reachable from the root or a detached root. */
export function expectEveryClaimPlacedOnce(tree: MapTree, claimIds: string[]): string | null {
  const walked = walkMapTree(tree).map((n) => n.claim.id);
  if (new Set(walked).size !== walked.length) return "a claim appears twice";
  const expected = [...claimIds].sort();
  const got = [...walked].sort();
  if (JSON.stringify(expected) !== JSON.stringify(got)) return `placed ${got.length} of ${expected.length} claims`;
  for (const node of walkMapTree(tree)) {
    for (const child of node.children) if (child.depth !== node.depth + 1) return `bad depth at ${child.claim.id}`;
  }
  return null;
}

export { buildMapTree };
