import { describe, expect, it } from "vitest";
import type { GraphElements, GraphNode } from "../../lib/argument/graphLayout";
import { visibleGraph } from "../../lib/argument/graphVisibility";

/** q -> p1 (a (a1 (a11)), b), p2 (c); plus a detached subtree o (o1). Pre-order, as graphElements gives it. */
function sample(): GraphElements {
  const tree: [string, string | null][] = [
    ["q", null], ["p1", "q"], ["a", "p1"], ["a1", "a"], ["a11", "a1"], ["b", "p1"], ["p2", "q"], ["c", "p2"], ["o", null], ["o1", "o"],
  ];
  const nodes: GraphNode[] = tree.map(([id]) => ({
    id,
    kind: id === "q" ? "question" : id.startsWith("p") ? "position" : "claim",
    stance: id.startsWith("p") || id === "q" ? null : "pro",
    text: id,
    citations: 0,
    detached: id.startsWith("o"),
  }));
  const edges = tree.filter(([, parent]) => parent !== null).map(([id, parent]) => ({ id: `${parent}->${id}`, source: parent!, target: id, stance: null }));
  return { nodes, edges };
}
const ids = (g: GraphElements) => g.nodes.map((n) => n.id);
const none = new Set<string>();

describe("visibleGraph", () => {
  it("shows everything when nothing is focused or collapsed, with descendant counts", () => {
    const shown = visibleGraph(sample(), { focusId: null, collapsed: none });
    expect(ids(shown.elements)).toEqual(["q", "p1", "a", "a1", "a11", "b", "p2", "c", "o", "o1"]);
    expect(shown.elements.edges).toHaveLength(8);
    expect(shown.nodes.get("q")!.descendants).toBe(7);
    expect(shown.nodes.get("p1")!.descendants).toBe(4);
    expect(shown.nodes.get("a11")!.descendants).toBe(0);
    expect(shown.focusId).toBeNull();
  });

  it("collapse hides a subtree and marks the collapsed claim with what it hides", () => {
    const shown = visibleGraph(sample(), { focusId: null, collapsed: new Set(["a", "c"]) });
    expect(ids(shown.elements)).toEqual(["q", "p1", "a", "b", "p2", "c", "o", "o1"]);
    expect(shown.nodes.get("a")).toEqual({ descendants: 2, collapsed: true, focusAncestor: false });
    expect(shown.nodes.get("c")!.collapsed).toBe(false); // nothing under it to hide
    expect(shown.elements.edges.map((e) => e.id)).not.toContain("a->a1");
  });

  it("a collapse inside a collapsed subtree stays hidden with it", () => {
    const shown = visibleGraph(sample(), { focusId: null, collapsed: new Set(["p1", "a1"]) });
    expect(ids(shown.elements)).toEqual(["q", "p1", "p2", "c", "o", "o1"]);
    expect(shown.nodes.has("a1")).toBe(false);
  });

  it("focus keeps the claim's ancestors and descendants only", () => {
    const shown = visibleGraph(sample(), { focusId: "a", collapsed: none });
    expect(ids(shown.elements)).toEqual(["q", "p1", "a", "a1", "a11"]);
    expect(shown.elements.edges.map((e) => e.id)).toEqual(["q->p1", "p1->a", "a->a1", "a1->a11"]);
    expect(shown.focusId).toBe("a");
    expect(shown.nodes.get("p1")!.focusAncestor).toBe(true);
    expect(shown.nodes.get("a")!.focusAncestor).toBe(false);
  });

  it("in focus mode a collapsed ancestor still shows the line; a collapse below the focus applies", () => {
    const shown = visibleGraph(sample(), { focusId: "a", collapsed: new Set(["p1", "a1"]) });
    expect(ids(shown.elements)).toEqual(["q", "p1", "a", "a1"]);
    expect(shown.nodes.get("p1")!.collapsed).toBe(false);
    expect(shown.nodes.get("a1")!.collapsed).toBe(true);
  });

  it("focus works in a detached subtree; an unknown focus shows the whole map", () => {
    expect(ids(visibleGraph(sample(), { focusId: "o1", collapsed: none }).elements)).toEqual(["o", "o1"]);
    const gone = visibleGraph(sample(), { focusId: "deleted", collapsed: none });
    expect(gone.focusId).toBeNull();
    expect(gone.elements.nodes).toHaveLength(10);
  });
});
