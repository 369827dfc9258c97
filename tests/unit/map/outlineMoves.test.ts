import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, buildMapTree, initMapDoc, moveClaim, readClaim } from "../../../lib/argument";
import {
  childPlan,
  dropPlan,
  indentPlan,
  isInSubtree,
  outdentPlan,
  reorderPlan,
  siblingPlan,
  visibleRowIds,
  type MovePlan,
} from "../../../components/map/outlineMoves";

// q ─ P1 ─ a ─ a1
//    │    ├ b
//    │    └ c
//    └ P2
function fixture() {
  const doc = new Y.Doc();
  const q = initMapDoc(doc, { title: "t", question: "q", authorId: "u" });
  const p1 = addClaim(doc, { kind: "position", parentId: q, text: "P1", authorId: "u", id: "p1" });
  const p2 = addClaim(doc, { kind: "position", parentId: q, text: "P2", authorId: "u", id: "p2" });
  const a = addClaim(doc, { kind: "claim", stance: "pro", parentId: p1, text: "a", authorId: "u", id: "a" });
  const b = addClaim(doc, { kind: "claim", stance: "con", parentId: p1, text: "b", authorId: "u", id: "b" });
  const c = addClaim(doc, { kind: "claim", stance: "pro", parentId: p1, text: "c", authorId: "u", id: "c" });
  const a1 = addClaim(doc, { kind: "claim", stance: "con", parentId: a, text: "a1", authorId: "u", id: "a1" });
  return { doc, q, p1, p2, a, b, c, a1, tree: () => buildMapTree(doc) };
}

function apply(doc: Y.Doc, id: string, plan: MovePlan) {
  if (!plan.ok) throw new Error(plan.reason);
  moveClaim(doc, id, plan.parentId, plan.index);
}

function childIds(doc: Y.Doc, id: string): string[] {
  return buildMapTree(doc).byId.get(id)!.children.map((n) => n.claim.id);
}

describe("indent / outdent", () => {
  it("indents under the previous sibling, as its last child", () => {
    const f = fixture();
    const plan = indentPlan(f.tree(), f.b);
    expect(plan).toEqual({ ok: true, parentId: f.a });
    apply(f.doc, f.b, plan);
    expect(childIds(f.doc, f.a)).toEqual([f.a1, f.b]);
  });

  it("refuses to indent the first child, positions and the question", () => {
    const f = fixture();
    expect(indentPlan(f.tree(), f.a).ok).toBe(false);
    expect(indentPlan(f.tree(), f.p2).ok).toBe(false);
    expect(indentPlan(f.tree(), f.q).ok).toBe(false);
  });

  it("outdents to right after its parent", () => {
    const f = fixture();
    const plan = outdentPlan(f.tree(), f.a1);
    expect(plan).toEqual({ ok: true, parentId: f.p1, index: 1 });
    apply(f.doc, f.a1, plan);
    expect(childIds(f.doc, f.p1)).toEqual([f.a, f.a1, f.b, f.c]);
  });

  it("indent then outdent puts a claim back where it was", () => {
    const f = fixture();
    apply(f.doc, f.b, indentPlan(f.tree(), f.b));
    apply(f.doc, f.b, outdentPlan(f.tree(), f.b));
    expect(childIds(f.doc, f.p1)).toEqual([f.a, f.b, f.c]);
  });

  it("keeps claims under a position", () => {
    const f = fixture();
    const plan = outdentPlan(f.tree(), f.a);
    expect(plan.ok).toBe(false);
    expect(outdentPlan(f.tree(), f.p1).ok).toBe(false);
  });
});

describe("reorder", () => {
  it("moves one place up or down and refuses past the ends", () => {
    const f = fixture();
    apply(f.doc, f.b, reorderPlan(f.tree(), f.b, -1));
    expect(childIds(f.doc, f.p1)).toEqual([f.b, f.a, f.c]);
    apply(f.doc, f.b, reorderPlan(f.tree(), f.b, 1));
    apply(f.doc, f.b, reorderPlan(f.tree(), f.b, 1));
    expect(childIds(f.doc, f.p1)).toEqual([f.a, f.c, f.b]);
    expect(reorderPlan(f.tree(), f.b, 1)).toEqual({ ok: false, reason: "Already last." });
    expect(reorderPlan(f.tree(), f.a, -1).ok).toBe(false);
  });
});

describe("drop", () => {
  it("drops inside (last child), before and after", () => {
    const f = fixture();
    apply(f.doc, f.c, dropPlan(f.tree(), f.c, f.a, "inside"));
    expect(childIds(f.doc, f.a)).toEqual([f.a1, f.c]);
    apply(f.doc, f.c, dropPlan(f.tree(), f.c, f.a, "before"));
    expect(childIds(f.doc, f.p1)).toEqual([f.c, f.a, f.b]);
    apply(f.doc, f.c, dropPlan(f.tree(), f.c, f.b, "after"));
    expect(childIds(f.doc, f.p1)).toEqual([f.a, f.b, f.c]);
  });

  it("moves a claim to the other position", () => {
    const f = fixture();
    apply(f.doc, f.a, dropPlan(f.tree(), f.a, f.p2, "inside"));
    expect(readClaim(f.doc, f.a)?.parentId).toBe(f.p2);
    expect(childIds(f.doc, f.a)).toEqual([f.a1]);
  });

  it("keeps the shape: positions under the question, claims under positions", () => {
    const f = fixture();
    expect(dropPlan(f.tree(), f.a, f.q, "inside").ok).toBe(false);
    expect(dropPlan(f.tree(), f.a, f.p2, "before").ok).toBe(false);
    expect(dropPlan(f.tree(), f.p2, f.a, "inside").ok).toBe(false);
    expect(dropPlan(f.tree(), f.p2, f.p1, "before")).toEqual({ ok: true, parentId: f.q, index: 0 });
    expect(dropPlan(f.tree(), f.a, f.a, "inside").ok).toBe(false);
  });

  it("leaves a drop into the own subtree to moveClaim, which refuses it", () => {
    const f = fixture();
    const plan = dropPlan(f.tree(), f.a, f.a1, "inside");
    expect(plan.ok).toBe(true);
    expect(() => apply(f.doc, f.a, plan)).toThrow(/descendant/);
    expect(isInSubtree(f.tree(), f.a, f.a1)).toBe(true);
  });
});

describe("new claims and visible rows", () => {
  it("adds a sibling of the same kind and stance right after", () => {
    const f = fixture();
    expect(siblingPlan(f.tree(), f.b)).toEqual({ kind: "claim", stance: "con", parentId: f.p1, index: 2 });
    expect(siblingPlan(f.tree(), f.p1)).toEqual({ kind: "position", stance: null, parentId: f.q, index: 1 });
    expect(siblingPlan(f.tree(), f.q)).toBeNull();
  });

  it("adds positions under the question and claims elsewhere", () => {
    const f = fixture();
    expect(childPlan(f.tree(), f.q, "con")).toEqual({ kind: "position", stance: null, parentId: f.q });
    expect(childPlan(f.tree(), f.a, "con")).toEqual({ kind: "claim", stance: "con", parentId: f.a });
  });

  it("lists rows in display order, skipping collapsed subtrees", () => {
    const f = fixture();
    expect(visibleRowIds(f.tree(), new Set())).toEqual([f.p1, f.a, f.a1, f.b, f.c, f.p2]);
    expect(visibleRowIds(f.tree(), new Set([f.a]))).toEqual([f.p1, f.a, f.b, f.c, f.p2]);
    expect(visibleRowIds(f.tree(), new Set([f.p1]))).toEqual([f.p1, f.p2]);
  });
});
