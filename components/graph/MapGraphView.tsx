"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent, type MouseEvent } from "react";
import type * as Y from "yjs";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { ClaimKind, Stance } from "@/lib/argument/claimSchema";
import { estimateNodeLines } from "@/lib/argument/graphLayout";
import { ClaimNode, kindLabel, type ClaimFlowNode, type ClaimNodeData, type Editor } from "./ClaimNode";
import { GraphNodeActionsContext, type GraphNodeActions } from "./graphNodeActions";
import { GraphToolbar } from "./GraphToolbar";
import { fitAllViewport, READABLE_ZOOM, readableViewport, type Viewport } from "./readableViewport";
import { useGraphModel, type GraphModel } from "./useGraphModel";
import styles from "./MapGraphView.module.css";

export type { Editor } from "./ClaimNode";

export interface MapGraphViewProps {
  doc: Y.Doc; // the live map doc; re-render on its changes
  selectedId: string | null; // highlighted node; kept visible when it changes
  onSelect(id: string): void; // single click on a node
  onEdit(id: string): void; // double click or Enter on a selected node: open the claim editor
  editingBy?: Record<string, Editor[]>; // claim id -> users editing it (presence)
  collapsed?: ReadonlySet<string>; // claims whose subtrees are hidden (shared with the outline)
  onToggleCollapsed?(id: string): void; // a node's collapse control
}

const MINIMAP_COLOR: Record<ClaimKind | Stance, string> = {
  question: "#1f2328",
  position: "#5b3fb8",
  claim: "#1f7a44",
  pro: "#1f7a44",
  con: "#b42318",
};
const GROUP_ID = "detached-group";
const NO_EDITORS: Editor[] = [];
const NONE_COLLAPSED: ReadonlySet<string> = new Set();
const LARGE_MAP = 120; // nodes; above this only visible nodes are rendered
const MIN_ZOOM = 0.02;
const MOVE_MS = 250;

// ---------------------------------------------------------------------------------------
// Nodes

type GroupFlowNode = Node<{ count: number }, "detachedGroup">;
type FlowNode = ClaimFlowNode | GroupFlowNode;

const DetachedGroupNode = memo(function DetachedGroupNode({ data }: NodeProps<GroupFlowNode>) {
  return (
    <div className={styles.group}>
      <p className={styles.groupCaption} title="Their parent was deleted or moved away while they were edited; nothing is lost.">
        Detached claims ({data.count})
      </p>
    </div>
  );
});

const nodeTypes: NodeTypes = { claim: ClaimNode, detachedGroup: DetachedGroupNode };

function buildNodes(model: GraphModel, selectedId: string | null, editingBy: MapGraphViewProps["editingBy"]): FlowNode[] {
  const out: FlowNode[] = [];
  if (model.group) {
    const g = model.group;
    out.push({
      id: GROUP_ID,
      type: "detachedGroup",
      position: { x: g.x, y: g.y },
      width: g.width,
      height: g.height,
      data: { count: model.elements.nodes.filter((n) => n.detached).length },
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
      ariaRole: "group",
      style: { pointerEvents: "none" },
      domAttributes: { "aria-hidden": true },
    });
  }
  for (const n of model.elements.nodes) {
    const p = model.positions.get(n.id);
    if (!p) continue; // a claim added while its layout runs appears with that layout
    const editors = editingBy?.[n.id] ?? NO_EDITORS;
    const shown = model.visibility.get(n.id);
    const collapsed = shown?.collapsed ?? false;
    const label = `${kindLabel(n.kind, n.stance)}: ${n.text.trim() !== "" ? n.text.replace(/\s+/g, " ").trim() : "(empty)"}`;
    const presence = editors.length > 0 ? ` (being edited by ${editors.map((e) => e.name).join(", ")})` : "";
    const hidden = collapsed ? ` (${shown!.descendants} hidden below)` : "";
    const data: ClaimNodeData = {
      kind: n.kind,
      stance: n.stance,
      text: n.text,
      citations: n.citations,
      detached: n.detached,
      lines: estimateNodeLines(n),
      editors,
      descendants: shown?.descendants ?? 0,
      collapsed,
      focus: model.focusId === null ? null : n.id === model.focusId ? "focus" : "line",
      focusAncestor: shown?.focusAncestor ?? false,
    };
    out.push({
      id: n.id,
      type: "claim",
      position: { x: p.x, y: p.y },
      width: p.width,
      height: p.height,
      selected: n.id === selectedId,
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      // A group, not a button: the node holds its own buttons (focus, collapse).
      ariaRole: "group",
      ariaLabel: `${label}${n.detached ? " (detached)" : ""}${hidden}${presence}`,
      domAttributes: {
        "data-claim-id": n.id,
        "data-kind": n.kind,
        ...(n.stance ? { "data-stance": n.stance } : {}),
        ...(n.detached ? { "data-detached": "true" } : {}),
        ...(collapsed ? { "data-collapsed": "true" } : {}),
        ...(n.id === selectedId ? { "aria-current": "true" } : {}),
      } as ClaimFlowNode["domAttributes"],
      data,
    });
  }
  return out;
}

function miniMapColor(node: Node): string {
  if (node.type !== "claim") return "transparent";
  const data = node.data as ClaimNodeData;
  return MINIMAP_COLOR[data.kind === "claim" ? (data.stance ?? "pro") : data.kind];
}

function shortLabel(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim() || "(empty)";
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

// ---------------------------------------------------------------------------------------
// The view

const ARIA_LABELS = {
  "node.a11yDescription.default": "Press Enter to select this claim, and Enter again to edit it.",
  "node.a11yDescription.keyboardDisabled": "Press Enter to select this claim, and Enter again to edit it.",
  "controls.ariaLabel": "Map zoom controls",
  "minimap.ariaLabel": "Map overview",
};

/** How the next layout is to be shown: opened readable on a claim, or a toggled claim kept where it was on screen. */
type Placement =
  | { kind: "open"; anchor: string | null; focusId: string | null; after: Map<string, unknown> | null }
  | { kind: "keep"; id: string; screenX: number; screenY: number; after: Map<string, unknown> };

function GraphCanvas({ doc, selectedId, onSelect, onEdit, editingBy, collapsed = NONE_COLLAPSED, onToggleCollapsed }: MapGraphViewProps): JSX.Element {
  const [focusId, setFocusId] = useState<string | null>(null);
  const visibility = useMemo(() => ({ focusId, collapsed }), [focusId, collapsed]);
  const model = useGraphModel(doc, visibility);
  const { setViewport, setCenter, getViewport } = useReactFlow();
  const store = useStoreApi();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);

  const nodes = useMemo(() => (model ? buildNodes(model, selectedId, editingBy) : []), [model, selectedId, editingBy]);

  const latest = useRef({ model, selectedId });
  latest.current = { model, selectedId };
  const placement = useRef<Placement | null>({ kind: "open", anchor: null, focusId: null, after: null });

  const rootId = (m: GraphModel) => m.elements.nodes.find((n) => n.kind === "question" && !n.detached)?.id ?? m.elements.nodes[0]?.id ?? null;

  /** The readable first view on `anchor` (the selected claim, else the question). */
  const readableOn = useCallback(
    (m: GraphModel, anchor: string | null, duration = 0) => {
      const { width, height } = store.getState();
      const placed = [...m.positions.values()];
      const chosen = anchor && m.positions.has(anchor) ? anchor : rootId(m);
      // In focus mode every shown claim is on the focused line: take the nearest, ancestors included.
      const view = readableViewport(placed, m.elements.edges, chosen, { width, height }, m.focusId ? "any" : "neighbourhood");
      if (view) void setViewport(view.viewport, { duration });
    },
    [setViewport, store],
  );

  // Apply a pending placement once its layout has arrived and the pane is measured.
  useEffect(() => {
    const p = placement.current;
    if (!p || !model || paneWidth === 0 || paneHeight === 0) return;
    if (p.after !== null && model.positions === p.after) return; // still the layout from before
    if (p.kind === "open") {
      if (model.focusId !== p.focusId && model.requestedFocusId === p.focusId && p.focusId !== null) {
        // The claim to focus is gone: open on the whole map instead.
        placement.current = null;
        readableOn(model, latest.current.selectedId);
        return;
      }
      if (model.focusId !== p.focusId) return; // the focus's layout is still running
      placement.current = null;
      readableOn(model, p.anchor ?? latest.current.selectedId, p.after ? MOVE_MS : 0);
    } else {
      placement.current = null;
      const pos = model.positions.get(p.id);
      if (!pos) return;
      const { zoom } = getViewport();
      void setViewport({ x: p.screenX - pos.x * zoom, y: p.screenY - pos.y * zoom, zoom });
    }
  }, [model, paneWidth, paneHeight, readableOn, getViewport, setViewport]);

  // The focused claim was deleted (by anyone): leave focus mode.
  useEffect(() => {
    if (focusId !== null && model && model.requestedFocusId === focusId && model.focusId === null) setFocusId(null);
  }, [focusId, model]);

  const focusRef = useRef(focusId);
  focusRef.current = focusId;
  const changeFocus = useCallback(
    (next: string | null) => {
      const current = focusRef.current;
      if (next) onSelect(next);
      if (current === next) return;
      // Open on the newly focused claim, or (leaving) on the one that was focused.
      placement.current = { kind: "open", anchor: next ?? current, focusId: next, after: latest.current.model?.positions ?? null };
      focusRef.current = next;
      setFocusId(next);
    },
    [onSelect],
  );

  const nodeActions = useMemo<GraphNodeActions>(
    () => ({
      toggleFocus: (id) => changeFocus(latest.current.model?.focusId === id ? null : id),
      toggleCollapsed: (id) => {
        const m = latest.current.model;
        const pos = m?.positions.get(id);
        if (m && pos) {
          // Keep the toggled claim where it is on screen while its subtree comes or goes.
          const { x, y, zoom } = getViewport();
          placement.current = { kind: "keep", id, screenX: pos.x * zoom + x, screenY: pos.y * zoom + y, after: m.positions };
        }
        onToggleCollapsed?.(id);
      },
    }),
    [changeFocus, getViewport, onToggleCollapsed],
  );

  // Esc leaves focus mode (not while typing: Esc there leaves the editor).
  useEffect(() => {
    if (focusId === null) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable='true']")) return;
      changeFocus(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [focusId, changeFocus]);

  // Keep the selected claim in view when the selection changes: pan (at the current zoom)
  // only when it is not fully visible, and zoom in to a readable size if needed.
  useEffect(() => {
    const m = latest.current.model;
    if (!selectedId || !m || placement.current) return;
    const p = m.positions.get(selectedId);
    if (!p) return;
    const { transform, width, height } = store.getState();
    if (width === 0 || height === 0) return;
    const [tx, ty, zoom] = transform;
    const margin = 24;
    const visible =
      p.x * zoom + tx >= margin &&
      p.y * zoom + ty >= margin &&
      (p.x + p.width) * zoom + tx <= width - margin &&
      (p.y + p.height) * zoom + ty <= height - margin;
    if (!visible || zoom < READABLE_ZOOM) {
      void setCenter(p.x + p.width / 2, p.y + p.height / 2, { zoom: Math.max(zoom, READABLE_ZOOM), duration: MOVE_MS });
    }
  }, [selectedId, setCenter, store]);

  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;

  const onNodeClick = useCallback(
    (_event: MouseEvent, node: FlowNode) => {
      if (node.type === "claim") onSelect(node.id);
    },
    [onSelect],
  );
  const onNodeDoubleClick = useCallback(
    (_event: MouseEvent, node: FlowNode) => {
      if (node.type === "claim") onEdit(node.id);
    },
    [onEdit],
  );
  // Keys reach the focused node wrapper and bubble here (a node's own buttons handle theirs).
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      const target = event.target as HTMLElement;
      const id = target.getAttribute("data-claim-id");
      if (!id) return;
      event.preventDefault();
      if (event.key === "Enter" && selectedRef.current === id) onEdit(id);
      else onSelect(id);
    },
    [onEdit, onSelect],
  );

  const fitAll = useCallback(() => {
    const m = latest.current.model;
    const { width, height } = store.getState();
    const view: Viewport | null = m ? fitAllViewport([...m.positions.values()], { width, height }) : null;
    if (view) void setViewport(view, { duration: MOVE_MS });
  }, [setViewport, store]);
  const readable = useCallback(() => {
    const m = latest.current.model;
    if (m) readableOn(m, latest.current.selectedId, MOVE_MS);
  }, [readableOn]);

  if (!model) return <div className={styles.status}>Laying out the map…</div>;
  if (model.total === 0) return <div className={styles.status}>This map has no claims yet.</div>;
  const selectedNode = selectedId ? model.elements.nodes.find((n) => n.id === selectedId) : undefined;
  const focusNode = model.focusId ? model.elements.nodes.find((n) => n.id === model.focusId) : undefined;
  return (
    <GraphNodeActionsContext.Provider value={nodeActions}>
      <ReactFlow<FlowNode, Edge>
        nodes={nodes}
        edges={model.edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onKeyDown={onKeyDown}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        autoPanOnNodeFocus
        onlyRenderVisibleElements={nodes.length > LARGE_MAP}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        ariaLabelConfig={ARIA_LABELS}
        data-focus-id={model.focusId ?? undefined}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Panel position="top-left" className={styles.toolbarPanel}>
          <GraphToolbar
            focusLabel={focusNode ? shortLabel(focusNode.text) : null}
            canFocus={selectedNode !== undefined && selectedNode.kind !== "question"}
            shown={model.elements.nodes.length}
            total={model.total}
            onFocus={() => selectedId && changeFocus(selectedId)}
            onLeaveFocus={() => changeFocus(null)}
            onFitAll={fitAll}
            onReadable={readable}
          />
        </Panel>
        <Controls showInteractive={false} showFitView={false} />
        <MiniMap<FlowNode> pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={3} className={styles.minimap} />
      </ReactFlow>
    </GraphNodeActionsContext.Provider>
  );
}

export function MapGraphView(props: MapGraphViewProps): JSX.Element {
  return (
    <div className={styles.root} data-testid="map-graph">
      <ReactFlowProvider>
        <GraphCanvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
