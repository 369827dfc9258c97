import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createElk, layoutGraph } from "../../lib/argument/graphLayout";
import { buildSampleDoc } from "../../prisma/seed/buildSampleDoc";
import { elementsOf } from "../support/graphWorkload";
import {
  fitAllViewport,
  neighbourhood,
  READABLE_ZOOM,
  readableViewport,
  TOP_INSET,
  type PlacedNode,
  type Viewport,
} from "../../components/graph/readableViewport";

const node = (id: string, x: number, y: number, width = 240, height = 80): PlacedNode => ({ id, x, y, width, height });
/** Every node fully inside the pane under this viewport. */
const onScreen = (n: PlacedNode, v: Viewport, pane: { width: number; height: number }) =>
  n.x * v.zoom + v.x >= 0 && n.y * v.zoom + v.y >= 0 && (n.x + n.width) * v.zoom + v.x <= pane.width && (n.y + n.height) * v.zoom + v.y <= pane.height;

// A wide map: q over two positions 1,600 px apart, each over four claims.
const wide: PlacedNode[] = [node("q", 1000, 0, 320, 90), node("p1", 300, 160), node("p2", 1900, 160)];
const wideEdges = [{ source: "q", target: "p1" }, { source: "q", target: "p2" }];
for (const [p, x0] of [["p1", 0], ["p2", 1600]] as const) {
  for (let i = 0; i < 4; i++) {
    wide.push(node(`${p}c${i}`, x0 + i * 268, 300));
    wideEdges.push({ source: p, target: `${p}c${i}` });
  }
}

describe("readableViewport", () => {
  it("fits a small map whole when its text stays readable", () => {
    const small = [node("q", 0, 0, 320, 90), node("p1", 0, 160), node("p2", 300, 160)];
    const pane = { width: 1400, height: 800 };
    const view = readableViewport(small, [{ source: "q", target: "p1" }, { source: "q", target: "p2" }], null, pane)!;
    expect(view.mode).toBe("all");
    expect(view.viewport.zoom).toBe(1); // never opens above 1:1
    for (const n of small) expect(onScreen(n, view.viewport, pane)).toBe(true);
  });

  it("a map too wide to read whole opens on the question and the nearest position at a readable zoom", () => {
    const pane = { width: 1400, height: 770 };
    expect(fitAllViewport(wide, pane)!.zoom).toBeLessThan(READABLE_ZOOM);
    const view = readableViewport(wide, wideEdges, null, pane)!;
    expect(view.mode).toBe("neighbourhood");
    expect(view.viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Equidistant positions: the first (left) one wins; the other does not fit beside it.
    expect(view.shown).toEqual(["q", "p1"]);
    for (const id of view.shown) expect(onScreen(wide.find((n) => n.id === id)!, view.viewport, pane)).toBe(true);
    expect(wide[0].y * view.viewport.zoom + view.viewport.y).toBe(TOP_INSET); // the top of the view, clear of the toolbar
  });

  it("opens on the selected claim with its parent, siblings and children, nearest first", () => {
    const pane = { width: 1000, height: 700 };
    const view = readableViewport(wide, wideEdges, "p1c1", pane)!;
    expect(view.shown[0]).toBe("p1c1");
    expect(view.shown).toEqual(expect.arrayContaining(["p1c0", "p1c2"])); // adjacent siblings
    for (const id of view.shown) expect(onScreen(wide.find((n) => n.id === id)!, view.viewport, pane)).toBe(true);
    expect(view.viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it("on a phone a lone question wider than the pane keeps its left edge and top in view, still readable", () => {
    const view = readableViewport(wide, wideEdges, null, { width: 300, height: 600 })!;
    expect(view.shown).toEqual(["q"]);
    expect(view.viewport.zoom).toBe(READABLE_ZOOM);
    expect(1000 * view.viewport.zoom + view.viewport.x).toBeGreaterThanOrEqual(0);
  });

  it("with nearby \"any\" (focus mode) a grandparent counts too, nearest first", () => {
    const line = [node("q", 0, 0, 320, 90), node("p", 0, 150), node("c", 0, 300), node("g", 0, 450), node("gg", 0, 600)];
    const edges = [{ source: "q", target: "p" }, { source: "p", target: "c" }, { source: "c", target: "g" }, { source: "g", target: "gg" }];
    const pane = { width: 1400, height: 630 };
    expect(readableViewport(line, edges, "c", pane)!.shown.sort()).toEqual(["c", "g", "p"]);
    // The question (two up) fits as well; the great-grandchild would not (566 px of height at 1:1).
    expect(readableViewport(line, edges, "c", pane, "any")!.shown).toEqual(["c", "p", "g", "q"]);
  });

  it("neighbourhood is parent, siblings, children", () => {
    expect(neighbourhood("p1c1", wideEdges)).toEqual(["p1", "p1c0", "p1c2", "p1c3"]);
    expect(neighbourhood("q", wideEdges)).toEqual(["p1", "p2"]);
  });
});

describe("the sample map", () => {
  it("opens readable on the question and the first position, which the layout puts right under it", async () => {
    const sourceText = readFileSync(new URL("../../prisma/seed/us-mexico-cartels.txt", import.meta.url), "utf8");
    const elements = elementsOf(buildSampleDoc({ sourceId: "s1", sourceVersion: 1, sourceText, authorId: null }));
    const layout = await layoutGraph(elements, createElk());
    const q = elements.nodes.find((n) => n.kind === "question")!.id;
    const [first, second] = elements.edges.filter((e) => e.source === q).map((e) => layout.find((n) => n.id === e.target)!);
    const qBox = layout.find((n) => n.id === q)!;
    const mid = (b: PlacedNode) => b.x + b.width / 2;
    // Parents over their (left) median child: the question is over the first position, not midway.
    expect(Math.abs(mid(qBox) - mid(first))).toBeLessThan(first.width / 2);
    expect(mid(second) - mid(first)).toBeGreaterThan(1400); // the map is far wider than a screen
    // The graph pane at 1440×900 (full width, 70% of the height): too wide to read whole.
    const pane = { width: 1400, height: 630 };
    expect(fitAllViewport(layout, pane)!.zoom).toBeLessThan(0.5); // 0.42: 13 px text at 5.5 px
    const view = readableViewport(layout, elements.edges, null, pane)!;
    expect(view.viewport.zoom).toBe(1);
    expect(view.shown).toEqual([q, first.id]);
  });
});
