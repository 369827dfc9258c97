import ELK from "elkjs/lib/elk.bundled.js";
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";
import type { ClaimKind, Stance } from "./claimSchema";
import { walkMapTree, type MapTree } from "./mapTree";

// The map drawn as a node-link graph. Pure: elements come from a built MapTree plus two
// lookups, layout from elkjs. Nothing here touches the DOM or the Y.Doc, so both run in
// Node (unit tests) exactly as in the browser.

export interface GraphNode {
  id: string;
  kind: ClaimKind;
  stance: Stance | null;
  text: string;
  citations: number;
  /** In a detached subtree (not reachable from the question). */
  detached: boolean;
}

export interface GraphEdge {
  id: string;
  /** The parent claim. */
  source: string;
  /** The child claim. */
  target: string;
  /** The child's stance toward its parent; null under the question (positions). */
  stance: Stance | null;
}

export interface GraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface NodeLayout {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every claim of the tree exactly once, in pre-order (the question's tree, then detached). */
export function graphElements(
  tree: MapTree,
  textOf: (id: string) => string,
  citationCount: (id: string) => number,
): GraphElements {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const attached = new Set<string>();
  if (tree.root) {
    const stack = [tree.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      attached.add(node.claim.id);
      for (const child of node.children) stack.push(child);
    }
  }
  for (const node of walkMapTree(tree)) {
    const { id, kind, stance } = node.claim;
    nodes.push({ id, kind, stance, text: textOf(id), citations: citationCount(id), detached: !attached.has(id) });
    for (const child of node.children) {
      edges.push({ id: `${id}->${child.claim.id}`, source: id, target: child.claim.id, stance: child.claim.stance });
    }
  }
  return { nodes, edges };
}

// Size estimates. The node component uses the same numbers (fixed width, text clamped
// to MAX_LINES), so the estimate is the rendered size, not a guess the DOM may exceed.
export const NODE_WIDTH = 240;
export const QUESTION_WIDTH = 320;
export const MAX_LINES = 4;
export const NODE_PADDING = 10;
export const HEADER_HEIGHT = 22;
export const LINE_HEIGHT = 18;
export const QUESTION_LINE_HEIGHT = 21;
const CHAR_WIDTH = 7; // average at 13px system-ui, a little generous
const QUESTION_CHAR_WIDTH = 8.4; // bold 15px
const BORDER = 2;

export function textLines(text: string, width: number, charWidth: number): number {
  const perLine = Math.max(1, Math.floor((width - 2 * NODE_PADDING - 2 * BORDER) / charWidth));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += Math.max(1, Math.ceil(paragraph.length / perLine));
    if (lines >= MAX_LINES) return MAX_LINES;
  }
  return Math.max(1, lines);
}

/** Lines of text the node shows (1..MAX_LINES); the component clamps to this many. */
export function estimateNodeLines(node: Pick<GraphNode, "kind" | "text">): number {
  const question = node.kind === "question";
  return textLines(node.text, question ? QUESTION_WIDTH : NODE_WIDTH, question ? QUESTION_CHAR_WIDTH : CHAR_WIDTH);
}

export function estimateNodeSize(node: Pick<GraphNode, "kind" | "text">): { width: number; height: number } {
  const question = node.kind === "question";
  const width = question ? QUESTION_WIDTH : NODE_WIDTH;
  const lineHeight = question ? QUESTION_LINE_HEIGHT : LINE_HEIGHT;
  const lines = estimateNodeLines(node);
  return { width, height: 2 * NODE_PADDING + 2 * BORDER + HEADER_HEIGHT + 4 + lines * lineHeight };
}

/**
 * What the layout depends on: ids, edges and estimated sizes. Text edits that keep every
 * node's line count leave it unchanged, so the caller can reuse positions and only
 * update labels.
 */
export function layoutKey(elements: GraphElements): string {
  const parts: string[] = [];
  for (const n of elements.nodes) {
    const { height } = estimateNodeSize(n);
    parts.push(`${n.id}:${n.kind}:${n.detached ? 1 : 0}:${height}`);
  }
  parts.push("|");
  for (const e of elements.edges) parts.push(e.id);
  return parts.join(",");
}

export const DETACHED_GAP = 140;

const LAYOUT_OPTIONS: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.spacing.nodeNode": "28",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.spacing.componentComponent": "48",
  // Siblings keep their stored order (the order the outline shows). The graph is a tree
  // (forest), so no order has crossings: instead of searching for one (the layer sweep,
  // or considerModelOrder, which costs ~0.5 s at 300 nodes) each layer is sorted by the
  // x hint given below, the pre-order index, which is the left-to-right tree order.
  "elk.layered.crossingMinimization.strategy": "INTERACTIVE",
  "elk.layered.crossingMinimization.greedySwitch.type": "OFF",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  // One of BK's four alignments rather than their balanced mean: each parent sits over its
  // (left) median child, so the question sits right above the first position instead of
  // midway between positions a map-width apart, and the graph can open readable on the
  // question with a position in view (components/graph/readableViewport.ts).
  "elk.layered.nodePlacement.bk.fixedAlignment": "LEFTDOWN",
  "elk.edgeRouting": "POLYLINE",
};

/** A fresh elkjs instance (the bundled build: no worker, runs in Node and the browser). */
export function createElk(): ElkApi {
  return new ELK();
}

async function layoutPart(
  nodes: GraphNode[],
  edges: GraphEdge[],
  elk: Pick<ElkApi, "layout">,
  id: string,
): Promise<NodeLayout[]> {
  if (nodes.length === 0) return [];
  const ids = new Set(nodes.map((n) => n.id));
  const graph: ElkNode = {
    id,
    layoutOptions: LAYOUT_OPTIONS,
    // `nodes` is in pre-order, so the index orders every layer left to right.
    children: nodes.map((n, i) => ({ id: n.id, x: i, y: 0, ...estimateNodeSize(n) })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await elk.layout(graph);
  const sizes = new Map(graph.children!.map((c) => [c.id, c]));
  return (result.children ?? []).map((c) => ({
    id: c.id,
    x: c.x ?? 0,
    y: c.y ?? 0,
    width: c.width ?? sizes.get(c.id)!.width!,
    height: c.height ?? sizes.get(c.id)!.height!,
  }));
}

/** The smallest box around `boxes` (null for none). */
export function boundsOf(boxes: readonly { x: number; y: number; width: number; height: number }[]): { x: number; y: number; width: number; height: number } | null {
  if (boxes.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of boxes) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x + n.width);
    maxY = Math.max(maxY, n.y + n.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Positions (top-left corners) for every node. The question's tree is laid out on its
 * own; detached subtrees are laid out as a separate group placed below it, left-aligned,
 * DETACHED_GAP apart, so they never mix into the main tree.
 */
export async function layoutGraph(elements: GraphElements, elk: Pick<ElkApi, "layout">): Promise<NodeLayout[]> {
  const main = elements.nodes.filter((n) => !n.detached);
  const detached = elements.nodes.filter((n) => n.detached);
  const [mainLayout, detachedLayout] = await Promise.all([
    layoutPart(main, elements.edges, elk, "main"),
    layoutPart(detached, elements.edges, elk, "detached"),
  ]);
  const mainBox = boundsOf(mainLayout);
  const detachedBox = boundsOf(detachedLayout);
  if (mainBox && detachedBox) {
    const dx = mainBox.x - detachedBox.x;
    const dy = mainBox.y + mainBox.height + DETACHED_GAP - detachedBox.y;
    for (const n of detachedLayout) {
      n.x += dx;
      n.y += dy;
    }
  }
  return [...mainLayout, ...detachedLayout];
}

/** The box around the detached nodes, padded, with room for a caption above; null if none. */
export function detachedGroupBox(
  elements: GraphElements,
  layout: NodeLayout[],
  padding = 20,
  caption = 28,
): NodeLayout | null {
  const ids = new Set(elements.nodes.filter((n) => n.detached).map((n) => n.id));
  const box = boundsOf(layout.filter((n) => ids.has(n.id)));
  if (!box) return null;
  return {
    id: "detached-group",
    x: box.x - padding,
    y: box.y - padding - caption,
    width: box.width + 2 * padding,
    height: box.height + 2 * padding + caption,
  };
}
