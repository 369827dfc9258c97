import type { GraphElements } from "./graphLayout";

// Which part of the graph is drawn: focus mode (one claim's line: its ancestors and all of
// its descendants) and collapsed subtrees. Pure over GraphElements, so the layout of what
// remains is computed exactly as for a whole map (pre-order kept, so layers stay ordered).

export interface GraphVisibility {
  /** Show only this claim, its ancestors and its descendants; null (or unknown id): everything. */
  focusId: string | null;
  /** Claims whose descendants are hidden (the outline's collapsed set). */
  collapsed: ReadonlySet<string>;
}

export interface NodeVisibility {
  /** Descendants in the whole map (what a collapse would hide). */
  descendants: number;
  /** Collapsed here: its descendants are hidden. */
  collapsed: boolean;
  /** On the focused claim's line above it: shown whatever is collapsed, so it cannot collapse. */
  focusAncestor: boolean;
}

export interface VisibleGraph {
  elements: GraphElements;
  /** Per shown node. */
  nodes: Map<string, NodeVisibility>;
  /** The focused claim when focus mode applies (the id exists), else null. */
  focusId: string | null;
}

export function visibleGraph(all: GraphElements, visibility: GraphVisibility): VisibleGraph {
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  for (const e of all.edges) {
    const list = children.get(e.source);
    if (list) list.push(e.target);
    else children.set(e.source, [e.target]);
    parent.set(e.target, e.source);
  }

  // Descendant counts: nodes are in pre-order, so every child comes after its parent and a
  // reverse pass sees each subtree complete before its root.
  const descendants = new Map<string, number>();
  for (let i = all.nodes.length - 1; i >= 0; i--) {
    const id = all.nodes[i].id;
    let count = 0;
    for (const child of children.get(id) ?? []) count += 1 + (descendants.get(child) ?? 0);
    descendants.set(id, count);
  }

  const exists = visibility.focusId !== null && descendants.has(visibility.focusId);
  const focusId = exists ? visibility.focusId : null;
  const ancestors = new Set<string>();
  if (focusId) for (let up = parent.get(focusId); up !== undefined && !ancestors.has(up); up = parent.get(up)) ancestors.add(up);

  // A node is shown when no collapsed node above it hides it (focus ancestors never hide)
  // and, in focus mode, it is on the focused line.
  const shown = new Set<string>();
  const hiddenBy = (id: string): boolean => {
    const up = parent.get(id);
    if (up === undefined) return false;
    if (!shown.has(up)) return true;
    return visibility.collapsed.has(up) && !ancestors.has(up);
  };
  const belowFocus = new Set<string>(); // pre-order: a parent is settled before its children
  for (const n of all.nodes) {
    const up = parent.get(n.id);
    if (focusId && up !== undefined && (up === focusId || belowFocus.has(up))) belowFocus.add(n.id);
    if (hiddenBy(n.id)) continue;
    if (focusId && n.id !== focusId && !ancestors.has(n.id) && !belowFocus.has(n.id)) continue;
    shown.add(n.id);
  }

  const nodes = new Map<string, NodeVisibility>();
  for (const id of shown) {
    const below = descendants.get(id) ?? 0;
    const focusAncestor = ancestors.has(id);
    nodes.set(id, { descendants: below, collapsed: below > 0 && !focusAncestor && visibility.collapsed.has(id), focusAncestor });
  }
  return {
    elements: {
      nodes: all.nodes.filter((n) => shown.has(n.id)),
      edges: all.edges.filter((e) => shown.has(e.source) && shown.has(e.target)),
    },
    nodes,
    focusId,
  };
}
