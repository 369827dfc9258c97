// Where the graph opens: the whole map if its text stays readable when it all fits, else
// the anchor claim's neighbourhood (parent, siblings, children, nearest first) at a
// readable zoom. Pure (no DOM, no React Flow), so the arithmetic is unit-tested.

import { boundsOf } from "@/lib/argument/graphLayout";

/** On-screen size the smallest node text must keep (px). */
export const READABLE_TEXT_PX = 12;
/** The smallest text a claim node draws (its kind label, evidence count, strength): 12 px. */
export const SMALLEST_NODE_TEXT_PX = 12;
/** Below this zoom some node text is under READABLE_TEXT_PX on screen. */
export const READABLE_ZOOM = READABLE_TEXT_PX / SMALLEST_NODE_TEXT_PX;
/** The graph never opens larger than 1:1. */
export const OPEN_MAX_ZOOM = 1;
/** Screen pixels kept free around what the view fits (less on a phone-sized pane). */
export const VIEW_PADDING = 32;
/** Room left above a neighbourhood view for the graph's toolbar. */
export const TOP_INSET = 64;
const paddingFor = (pane: Pane) => Math.min(VIEW_PADDING, Math.floor(pane.width / 25));

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Pane {
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
export interface PlacedNode extends Box {
  id: string;
}
export interface TreeEdge {
  source: string; // parent
  target: string; // child
}


/** The largest zoom at which `box` fits in the pane with VIEW_PADDING around it. */
export function fitZoom(box: Box, pane: Pane, padding = paddingFor(pane)): number {
  const w = Math.max(1, pane.width - 2 * padding);
  const h = Math.max(1, pane.height - 2 * padding);
  return Math.min(w / Math.max(1, box.width), h / Math.max(1, box.height));
}

/** The viewport that shows `box` centred at `zoom`. */
export function centredOn(box: Box, pane: Pane, zoom: number): Viewport {
  return { x: pane.width / 2 - (box.x + box.width / 2) * zoom, y: pane.height / 2 - (box.y + box.height / 2) * zoom, zoom };
}

/** The whole map fitted, never above OPEN_MAX_ZOOM (the explicit "Fit all"). */
export function fitAllViewport(nodes: readonly Box[], pane: Pane): Viewport | null {
  const box = boundsOf(nodes);
  if (!box) return null;
  return centredOn(box, pane, Math.min(OPEN_MAX_ZOOM, fitZoom(box, pane)));
}

/** Parent, siblings and children of `id` (not `id` itself). */
export function neighbourhood(id: string, edges: readonly TreeEdge[]): string[] {
  const parent = edges.find((e) => e.target === id)?.source;
  const out: string[] = [];
  if (parent !== undefined) {
    out.push(parent);
    for (const e of edges) if (e.source === parent && e.target !== id) out.push(e.target);
  }
  for (const e of edges) if (e.source === id) out.push(e.target);
  return out;
}

const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

export interface OpenView {
  viewport: Viewport;
  /** "all": the whole map is readable; "neighbourhood": these claims at a readable zoom. */
  mode: "all" | "neighbourhood";
  shown: string[];
}

/**
 * The first view of the graph. `anchorId` is the selected claim (or the question); when the
 * whole map would be drawn with text under READABLE_TEXT_PX, the view is the anchor plus as
 * many of its neighbours (or, with `nearby: "any"`, of all nodes) as fit at READABLE_ZOOM,
 * nearest first.
 */
export function readableViewport(
  nodes: readonly PlacedNode[],
  edges: readonly TreeEdge[],
  anchorId: string | null,
  pane: Pane,
  /** "neighbourhood": parent, siblings, children; "any": every node (focus mode shows one line, all of it relevant). */
  nearby: "neighbourhood" | "any" = "neighbourhood",
): OpenView | null {
  const all = boundsOf(nodes);
  if (!all || pane.width <= 0 || pane.height <= 0) return null;
  const allZoom = Math.min(OPEN_MAX_ZOOM, fitZoom(all, pane));
  const anchor = nodes.find((n) => n.id === anchorId) ?? nodes[0];
  if (allZoom >= READABLE_ZOOM) return { viewport: centredOn(all, pane, allZoom), mode: "all", shown: nodes.map((n) => n.id) };

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const from = centre(anchor);
  // Rounded, so that near-equal distances (the two positions under the question) keep the
  // map's order: parent, then siblings and children left to right.
  const distance = (b: Box) => Math.round(Math.hypot(centre(b).x - from.x, centre(b).y - from.y) / 24);
  const candidates = (nearby === "any" ? nodes.map((n) => n.id).filter((id) => id !== anchor.id) : neighbourhood(anchor.id, edges))
    .map((id) => byId.get(id))
    .filter((n): n is PlacedNode => n !== undefined)
    .map((n, order) => ({ n, order, d: distance(n) }))
    .sort((a, b) => a.d - b.d || a.order - b.order)
    .map((c) => c.n);
  const chosen: PlacedNode[] = [anchor];
  for (const next of candidates) {
    const box = boundsOf([...chosen, next])!;
    if (fitZoom(box, pane) >= READABLE_ZOOM) chosen.push(next);
  }
  const box = boundsOf(chosen)!;
  const zoom = Math.max(READABLE_ZOOM, Math.min(OPEN_MAX_ZOOM, fitZoom(box, pane)));
  const pad = paddingFor(pane);
  // Centred across; near the top (clear of the graph toolbar), so what lies below shows too.
  const fits = fitZoom(box, pane) >= zoom;
  const top = Math.min(TOP_INSET, Math.max(pad, (pane.height - box.height * zoom) / 2));
  const viewport = fits
    ? { x: pane.width / 2 - (box.x + box.width / 2) * zoom, y: top - box.y * zoom, zoom }
    : // A lone anchor wider than the pane (a phone): keep its left edge and top in view.
      { x: pad - anchor.x * zoom, y: top - anchor.y * zoom, zoom };
  return { viewport, mode: "neighbourhood", shown: chosen.map((n) => n.id) };
}
