import { describe, it, expect } from "vitest";
import * as Y from "yjs";
import {
  addCitation,
  addClaim,
  claimBodyFragment,
  claimsMap,
  initMapDoc,
} from "../../lib/argument";
import {
  createElk,
  detachedGroupBox,
  estimateNodeSize,
  layoutGraph,
  layoutKey,
  MAX_LINES,
  type GraphElements,
  type NodeLayout,
} from "../../lib/argument/graphLayout";
import { bigMapDoc, elementsOf } from "../support/graphWorkload";

function cite(doc: Y.Doc, claimId: string) {
  addCitation(doc, {
    claimId,
    sourceId: "s1",
    sourceVersion: 1,
    exact: "quoted",
    prefix: "",
    suffix: "",
    start: 0,
    end: 6,
    tag: "",
    note: "",
    highlights: [],
    authorId: "u",
  });
}

/** q -> p1 (pro a (con a1), con b), p2; plus an orphan subtree o (pro o1) and a second question. */
function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  const q = initMapDoc(doc, { title: "T", question: "Should we?", questionId: "q", authorId: "u" });
  addClaim(doc, { kind: "position", parentId: q, id: "p1", text: "Yes", authorId: "u" });
  addClaim(doc, { kind: "position", parentId: q, id: "p2", text: "No", authorId: "u" });
  addClaim(doc, { kind: "claim", stance: "pro", parentId: "p1", id: "a", text: "Because A", authorId: "u" });
  addClaim(doc, { kind: "claim", stance: "con", parentId: "p1", id: "b", text: "But B", authorId: "u" });
  addClaim(doc, { kind: "claim", stance: "con", parentId: "a", id: "a1", text: "Not A", authorId: "u" });
  addClaim(doc, { kind: "claim", stance: "pro", parentId: "p2", id: "o", text: "Orphan", authorId: "u" });
  addClaim(doc, { kind: "claim", stance: "pro", parentId: "o", id: "o1", text: "Orphan child", authorId: "u" });
  // The parent vanished (as after a concurrent delete): o and o1 become a detached subtree.
  claimsMap(doc).get("o")!.set("parentId", "deleted-elsewhere");
  // A concurrent init left a second question: also detached.
  initMapDoc(doc, { title: "T", question: "Other?", questionId: "q2", authorId: "u" });
  cite(doc, "a");
  cite(doc, "a");
  cite(doc, "b");
  return doc;
}

function overlaps(a: NodeLayout, b: NodeLayout): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlap(layout: NodeLayout[]) {
  // Sweep on x so the 300-node case stays cheap.
  const sorted = [...layout].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++) {
      if (overlaps(sorted[i], sorted[j])) throw new Error(`${sorted[i].id} overlaps ${sorted[j].id}`);
    }
  }
}

function expectComplete(elements: GraphElements, layout: NodeLayout[]) {
  const ids = elements.nodes.map((n) => n.id).sort();
  expect(layout.map((n) => n.id).sort()).toEqual(ids);
  for (const n of layout) {
    for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isFinite(v)).toBe(true);
    expect(n.width).toBeGreaterThan(0);
    expect(n.height).toBeGreaterThan(0);
  }
}

describe("graphElements", () => {
  it("lists every claim once, with parent-to-child edges carrying the child's stance", () => {
    const doc = sampleDoc();
    const el = elementsOf(doc);
    const ids = el.nodes.map((n) => n.id);
    expect([...ids].sort()).toEqual(["a", "a1", "b", "o", "o1", "p1", "p2", "q", "q2"]);
    expect(new Set(ids).size).toBe(ids.length);
    // Pre-order: the question first, detached subtrees last.
    expect(ids[0]).toBe("q");

    const byId = new Map(el.nodes.map((n) => [n.id, n]));
    expect(byId.get("q")).toMatchObject({ kind: "question", stance: null, text: "Should we?", detached: false });
    expect(byId.get("a")).toMatchObject({ kind: "claim", stance: "pro", text: "Because A", citations: 2, detached: false });
    expect(byId.get("b")).toMatchObject({ stance: "con", citations: 1 });
    expect(byId.get("a1")).toMatchObject({ stance: "con", citations: 0 });
    for (const id of ["o", "o1", "q2"]) expect(byId.get(id)!.detached).toBe(true);
    for (const id of ["q", "p1", "p2", "a", "b", "a1"]) expect(byId.get(id)!.detached).toBe(false);

    const edges = Object.fromEntries(el.edges.map((e) => [`${e.source}->${e.target}`, e.stance]));
    expect(edges).toEqual({
      "q->p1": null,
      "q->p2": null,
      "p1->a": "pro",
      "p1->b": "con",
      "a->a1": "con",
      "o->o1": "pro",
    });
    expect(new Set(el.edges.map((e) => e.id)).size).toBe(el.edges.length);
  });

  it("keeps the layout key when text changes keep the line count, and changes it otherwise", () => {
    const doc = sampleDoc();
    const before = layoutKey(elementsOf(doc));
    const fragment = claimBodyFragment(doc, "a")!;
    const text = fragment.toArray()[0] as Y.XmlElement;
    (text.get(0) as Y.XmlText).insert(0, "Mostly ");
    expect(layoutKey(elementsOf(doc))).toBe(before);
    (text.get(0) as Y.XmlText).insert(0, "A much longer sentence that certainly wraps onto several lines of the node. ");
    expect(layoutKey(elementsOf(doc))).not.toBe(before);
  });

  it("clamps estimated heights to the line limit", () => {
    const short = estimateNodeSize({ kind: "claim", text: "x" });
    const long = estimateNodeSize({ kind: "claim", text: "word ".repeat(500) });
    const longer = estimateNodeSize({ kind: "claim", text: "word ".repeat(5000) });
    expect(long.height).toBeGreaterThan(short.height);
    expect(longer.height).toBe(long.height);
    expect(estimateNodeSize({ kind: "claim", text: "a\nb\nc\nd\ne\nf" }).height).toBe(long.height);
    expect(MAX_LINES).toBe(4);
  });
});

describe("layoutGraph", () => {
  it("positions every node, without overlaps, the question above its claims and detached below", async () => {
    const doc = sampleDoc();
    const el = elementsOf(doc);
    const layout = await layoutGraph(el, createElk());
    expectComplete(el, layout);
    expectNoOverlap(layout);
    const at = new Map(layout.map((n) => [n.id, n]));
    // Direction DOWN: parents above children.
    for (const e of el.edges) expect(at.get(e.source)!.y + at.get(e.source)!.height).toBeLessThanOrEqual(at.get(e.target)!.y);
    // The detached group sits entirely below the main tree, and its frame overlaps no claim of the main tree.
    const mainBottom = Math.max(...el.nodes.filter((n) => !n.detached).map((n) => at.get(n.id)!.y + at.get(n.id)!.height));
    for (const n of el.nodes.filter((n) => n.detached)) expect(at.get(n.id)!.y).toBeGreaterThan(mainBottom);
    const frame = detachedGroupBox(el, layout)!;
    expect(frame).not.toBeNull();
    for (const n of el.nodes.filter((n) => !n.detached)) expect(overlaps(frame, at.get(n.id)!)).toBe(false);
    for (const n of el.nodes.filter((n) => n.detached)) {
      const p = at.get(n.id)!;
      expect(p.x >= frame.x && p.y >= frame.y && p.x + p.width <= frame.x + frame.width && p.y + p.height <= frame.y + frame.height).toBe(true);
    }
    // Siblings keep their stored order, left to right.
    expect(at.get("p1")!.x).toBeLessThan(at.get("p2")!.x);
    expect(at.get("a")!.x).toBeLessThan(at.get("b")!.x);
  });

  it("handles an empty map and a map with only detached claims", async () => {
    const elk = createElk();
    expect(await layoutGraph({ nodes: [], edges: [] }, elk)).toEqual([]);
    const el: GraphElements = {
      nodes: [
        { id: "x", kind: "claim", stance: "pro", text: "x", citations: 0, detached: true },
        { id: "y", kind: "claim", stance: "con", text: "y", citations: 0, detached: true },
      ],
      edges: [{ id: "x->y", source: "x", target: "y", stance: "con" }],
    };
    const layout = await layoutGraph(el, elk);
    expectComplete(el, layout);
    expectNoOverlap(layout);
  });

  // How long this takes is measured by `npm run bench` (tests/bench/clientCompute.ts).
  it("lays out 300+ claims without overlaps", { timeout: 20_000 }, async () => {
    const el = elementsOf(bigMapDoc(300));
    expect(el.nodes).toHaveLength(306);
    const layout = await layoutGraph(el, createElk());
    expectComplete(el, layout);
    expectNoOverlap(layout);
  });
});
