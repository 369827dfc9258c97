import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  addClaim,
  buildMapTree,
  claimBodyFragment,
  claimPlainText,
  deleteClaim,
  initMapDoc,
  moveClaim,
  readAllClaims,
  type ClaimData,
} from "../../../lib/argument";
import { expectEveryClaimPlacedOnce, newDoc, rng, send, shuffle, syncAll, treeShape } from "./docNetwork";

const ORDERS: [number, number][][] = [
  [[0, 1], [1, 2], [2, 0], [0, 2], [1, 0], [2, 1]],
  [[2, 1], [1, 0], [0, 2], [2, 0], [0, 1], [1, 2]],
  [[1, 2], [0, 2], [2, 1], [2, 0], [1, 0], [0, 1]],
];

function threeDocs() {
  const docs = [newDoc(1), newDoc(2), newDoc(3)];
  const q = initMapDoc(docs[0], { title: "t", question: "q", questionId: "q", authorId: "u" });
  const p = addClaim(docs[0], { kind: "position", parentId: q, id: "p", authorId: "u" });
  syncAll(docs);
  return { docs, q, p };
}

function claimIds(doc: Y.Doc): string[] {
  return readAllClaims(doc).map((c) => c.id);
}

describe("buildMapTree across documents", () => {
  it("repairs a two-way cycle from concurrent moves identically on every doc", () => {
    for (const order of ORDERS) {
      const { docs, p } = threeDocs();
      addClaim(docs[0], { kind: "claim", stance: "pro", parentId: p, id: "x", text: "X", authorId: "u" });
      addClaim(docs[0], { kind: "claim", stance: "con", parentId: p, id: "y", text: "Y", authorId: "u" });
      addClaim(docs[0], { kind: "claim", stance: "con", parentId: "y", id: "y1", authorId: "u" });
      syncAll(docs);
      moveClaim(docs[0], "x", "y");
      moveClaim(docs[1], "y", "x");
      for (const [from, to] of order) send(docs[from], docs[to]);

      const trees = docs.map((d) => buildMapTree(d));
      for (const tree of trees) expect(treeShape(tree)).toEqual(treeShape(trees[0]));
      for (const [i, tree] of trees.entries()) expect(expectEveryClaimPlacedOnce(tree, claimIds(docs[i]))).toBeNull();
      // The cycle is cut at its greatest id ("y"), which keeps "x" and its own child.
      expect(trees[0].detached.map((n) => n.claim.id)).toEqual(["y"]);
      expect(trees[0].byId.get("y")!.children.map((n) => n.claim.id)).toEqual(["y1", "x"]);
      expect(trees[0].byId.get("x")!.depth).toBe(1);
    }
  });

  it("repairs a three-way cycle made on three docs", () => {
    for (const order of ORDERS) {
      const { docs, p } = threeDocs();
      for (const id of ["a", "b", "c"]) addClaim(docs[0], { kind: "claim", stance: "pro", parentId: p, id, authorId: "u" });
      syncAll(docs);
      moveClaim(docs[0], "a", "b");
      moveClaim(docs[1], "b", "c");
      moveClaim(docs[2], "c", "a");
      for (const [from, to] of order) send(docs[from], docs[to]);
      const trees = docs.map((d) => buildMapTree(d));
      for (const tree of trees) expect(treeShape(tree)).toEqual(treeShape(trees[0]));
      expect(trees[0].detached.map((n) => n.claim.id)).toEqual(["c"]);
      expect(trees[0].byId.get("a")!.depth).toBe(2);
      expect(expectEveryClaimPlacedOnce(trees[0], claimIds(docs[0]))).toBeNull();
    }
  });

  it("keeps a child added under a concurrently deleted parent, in detached", () => {
    for (const order of ORDERS) {
      const { docs, p } = threeDocs();
      addClaim(docs[0], { kind: "claim", stance: "pro", parentId: p, id: "x", authorId: "u" });
      syncAll(docs);
      deleteClaim(docs[0], "x");
      addClaim(docs[1], { kind: "claim", stance: "con", parentId: "x", id: "z", text: "still here", authorId: "u2" });
      addClaim(docs[1], { kind: "claim", stance: "pro", parentId: "z", id: "z1", authorId: "u2" });
      for (const [from, to] of order) send(docs[from], docs[to]);
      const trees = docs.map((d) => buildMapTree(d));
      for (const tree of trees) expect(treeShape(tree)).toEqual(treeShape(trees[0]));
      expect(trees[0].byId.has("x")).toBe(false);
      expect(trees[0].detached.map((n) => n.claim.id)).toEqual(["z"]);
      expect(trees[0].byId.get("z1")!.depth).toBe(1);
      expect(claimPlainText(claimBodyFragment(docs[2], "z")!)).toBe("still here");
    }
  });

  it("picks one root when several docs initialise concurrently", () => {
    const docs = [newDoc(1), newDoc(2), newDoc(3)];
    docs.forEach((d, i) => initMapDoc(d, { title: "t", question: "q", questionId: `q${i}`, authorId: "u" }));
    syncAll(docs);
    const trees = docs.map((d) => buildMapTree(d));
    for (const tree of trees) expect(treeShape(tree)).toEqual(treeShape(trees[0]));
    expect(trees[0].detached).toHaveLength(2);
    expect(trees[0].detached.every((n) => n.claim.kind === "question")).toBe(true);
  });
});

describe("buildMapTree on arbitrary parent pointers", () => {
  function randomClaims(n: number, random: () => number): ClaimData[] {
    const ids = Array.from({ length: n }, (_, i) => `c${i.toString(36)}`);
    return ids.map((id, i) => {
      const r = random();
      const parentId = r < 0.05 ? null : r < 0.1 ? `missing${i}` : r < 0.15 ? id : ids[Math.floor(random() * n)];
      return {
        id,
        kind: random() < 0.05 ? "question" : random() < 0.2 ? "position" : "claim",
        stance: "pro",
        parentId,
        order: ["a0", "a1", "a2", "Zz", ""][Math.floor(random() * 5)],
        authorId: null,
        createdAt: Math.floor(random() * 3),
      };
    });
  }

  it("terminates, places every claim once and ignores input order", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = rng(seed);
      const claims = randomClaims(1 + Math.floor(random() * 60), random);
      const tree = buildMapTree(claims);
      expect(expectEveryClaimPlacedOnce(tree, claims.map((c) => c.id))).toBeNull();
      expect(treeShape(buildMapTree(shuffle(claims, random)))).toEqual(treeShape(tree));
      expect(treeShape(buildMapTree([...claims].reverse()))).toEqual(treeShape(tree));
    }
  });

  it("handles a large single cycle and a deep chain without recursion limits", () => {
    const n = 50_000;
    const cycle: ClaimData[] = Array.from({ length: n }, (_, i) => ({
      id: `n${String(i).padStart(6, "0")}`,
      kind: "claim",
      stance: "pro",
      parentId: `n${String((i + 1) % n).padStart(6, "0")}`,
      order: "a0",
      authorId: null,
      createdAt: 0,
    }));
    const tree = buildMapTree(cycle);
    expect(tree.detached.map((x) => x.claim.id)).toEqual([cycle[n - 1].id]);
    expect(tree.byId.get(cycle[0].id)!.depth).toBe(n - 1);
  });
});
