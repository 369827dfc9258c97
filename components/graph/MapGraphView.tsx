"use client";

import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type JSX,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import type * as Y from "yjs";
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { buildMapTree, claimBodyFragment, claimPlainText, claimsMap, citationsMap, readCitations } from "@/lib/argument";
import type { ClaimKind, Stance } from "@/lib/argument/claimSchema";
import {
  createElk,
  detachedGroupBox,
  estimateNodeLines,
  graphElements,
  layoutGraph,
  layoutKey,
  type GraphEdge,
  type GraphElements,
  type NodeLayout,
} from "@/lib/argument/graphLayout";
import { StanceBadge } from "@/components/map/StanceBadge";
import { NodeStrength } from "@/components/scores/NodeStrength";
import styles from "./MapGraphView.module.css";

export interface Editor {
  name: string;
  color: string;
}

export interface MapGraphViewProps {
  doc: Y.Doc; // the live map doc; re-render on its changes
  selectedId: string | null; // highlighted node; kept visible when it changes
  onSelect(id: string): void; // single click on a node
  onEdit(id: string): void; // double click or Enter on a selected node: open the claim editor
  editingBy?: Record<string, Editor[]>; // claim id -> users editing it (presence)
}

// Hex, not var(--pro): React Flow derives SVG marker ids from the colour string.
// Keep in step with --pro, --con and --muted in app/globals.css.
const EDGE_COLOR: Record<Stance | "none", string> = { pro: "#1f7a44", con: "#b42318", none: "#5b6470" };
const MINIMAP_COLOR: Record<ClaimKind | Stance, string> = {
  question: "#1f2328",
  position: "#5b3fb8",
  claim: "#1f7a44",
  pro: "#1f7a44",
  con: "#b42318",
};
const THROTTLE_MS = 100;
const GROUP_ID = "detached-group";
const NO_EDITORS: Editor[] = [];
const LARGE_MAP = 120; // nodes; above this only visible nodes are rendered and the first view is the top
const MIN_ZOOM = 0.02;
const READABLE_ZOOM = 0.5;

// ---------------------------------------------------------------------------------------
// The doc -> graph model: elements (text, counts) refreshed at most every THROTTLE_MS,
// layout recomputed only when ids, edges or estimated sizes change.

interface GraphModel {
  elements: GraphElements;
  positions: Map<string, NodeLayout>;
  group: NodeLayout | null;
  edges: Edge[];
}

function flowEdges(edges: GraphEdge[]): Edge[] {
  return edges.map((e) => {
    const color = EDGE_COLOR[e.stance ?? "none"];
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      selectable: false,
      focusable: false,
      label: e.stance ?? undefined,
      ariaLabel: e.stance ? `${e.stance} (supports or attacks the claim above)` : "position",
      style: { stroke: color, strokeWidth: 2, strokeDasharray: e.stance === "con" ? "7 5" : undefined },
      // The arrow points at the parent: the child argues for (pro) or against (con) it.
      markerStart: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      labelStyle: { fill: color, fontWeight: 700, fontSize: 12 },
      labelShowBg: true,
      labelBgStyle: { fill: "#ffffff", fillOpacity: 0.95 },
      labelBgPadding: [5, 2] as [number, number],
      labelBgBorderRadius: 4,
      domAttributes: { "data-stance": e.stance ?? "none" } as Edge["domAttributes"],
    };
  });
}

/** A plain column: only used if elkjs fails, so the map is never blank. */
function fallbackLayout(elements: GraphElements): NodeLayout[] {
  let y = 0;
  return elements.nodes.map((n) => {
    const box = { id: n.id, x: n.kind === "question" ? 0 : 40, y, width: n.kind === "question" ? 320 : 240, height: 130 };
    y += 150;
    return box;
  });
}

function useGraphModel(doc: Y.Doc): GraphModel | null {
  const [model, setModel] = useState<GraphModel | null>(null);

  useEffect(() => {
    let disposed = false;
    const elk = createElk();
    const claims = claimsMap(doc);
    const citations = citationsMap(doc);
    const texts = new Map<string, string>(); // claim id -> plain text, invalidated per claim
    let counts: Map<string, number> | null = null; // claim id -> citations, rebuilt on change
    let applied: { key: string; model: GraphModel } | null = null;
    let pending: { key: string; run: number; elements: GraphElements } | null = null;
    let runs = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRun = 0;

    const textOf = (id: string): string => {
      let text = texts.get(id);
      if (text === undefined) {
        const fragment = claimBodyFragment(doc, id);
        text = fragment ? claimPlainText(fragment) : "";
        texts.set(id, text);
      }
      return text;
    };
    const citationCount = (id: string): number => {
      if (counts === null) {
        counts = new Map();
        for (const c of readCitations(doc)) counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
      }
      return counts.get(id) ?? 0;
    };

    const apply = (key: string, elements: GraphElements, layout: NodeLayout[]) => {
      const next: GraphModel = {
        elements,
        positions: new Map(layout.map((p) => [p.id, p])),
        group: detachedGroupBox(elements, layout),
        edges: flowEdges(elements.edges),
      };
      applied = { key, model: next };
      setModel(next);
    };

    const recompute = () => {
      if (disposed) return;
      const elements = graphElements(buildMapTree(doc), textOf, citationCount);
      const key = layoutKey(elements);
      if (applied && key === applied.key) {
        // Same structure and sizes: keep positions and edges, refresh labels and counts.
        pending = null;
        runs++; // an older layout still in flight is now stale
        setModel({ ...applied.model, elements });
        return;
      }
      if (pending && pending.key === key) {
        pending.elements = elements; // the running layout fits; show the newest text with it
        return;
      }
      const run = ++runs;
      pending = { key, run, elements };
      layoutGraph(elements, elk)
        .catch((error: unknown) => {
          console.error("Map graph layout failed; showing a plain column", error);
          return fallbackLayout(elements);
        })
        .then((layout) => {
          if (disposed || !pending || pending.run !== run) return;
          const latest = pending.elements;
          pending = null;
          apply(key, latest, layout);
        });
    };

    const schedule = () => {
      if (timer !== null) return;
      // Leading edge after a quiet spell, then at most one recompute per THROTTLE_MS.
      timer = setTimeout(() => {
        timer = null;
        lastRun = Date.now();
        recompute();
      }, Math.max(0, lastRun + THROTTLE_MS - Date.now()));
    };

    const onClaims = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === claims) for (const key of event.changes.keys.keys()) texts.delete(key);
        else if (typeof event.path[0] === "string") texts.delete(event.path[0]);
      }
      schedule();
    };
    const onCitations = () => {
      counts = null;
      schedule();
    };

    claims.observeDeep(onClaims);
    citations.observeDeep(onCitations);
    lastRun = Date.now();
    recompute();
    return () => {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      claims.unobserveDeep(onClaims);
      citations.unobserveDeep(onCitations);
    };
  }, [doc]);

  return model;
}

// ---------------------------------------------------------------------------------------
// Nodes

interface ClaimNodeData extends Record<string, unknown> {
  kind: ClaimKind;
  stance: Stance | null;
  text: string;
  citations: number;
  detached: boolean;
  lines: number;
  editors: Editor[];
}
type ClaimFlowNode = Node<ClaimNodeData, "claim">;
type GroupFlowNode = Node<{ count: number }, "detachedGroup">;
type FlowNode = ClaimFlowNode | GroupFlowNode;

function kindLabel(kind: ClaimKind, stance: Stance | null): string {
  if (kind === "question") return "Question";
  if (kind === "position") return "Position";
  return stance === "con" ? "Con" : "Pro";
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const letters = words.length === 1 ? [...words[0]].slice(0, 2) : [[...words[0]][0], [...words[words.length - 1]][0]];
  return letters.join("").toUpperCase();
}

function toneClass(kind: ClaimKind, stance: Stance | null): string {
  if (kind === "question") return styles.question;
  if (kind === "position") return styles.position;
  return stance === "con" ? styles.con : styles.pro;
}

const ClaimNode = memo(function ClaimNode({ id, data, selected }: NodeProps<ClaimFlowNode>) {
  const { kind, stance, text, citations, detached, lines, editors } = data;
  const className = [
    styles.node,
    toneClass(kind, stance),
    selected ? styles.selected : "",
    detached ? styles.detached : "",
    editors.length > 0 ? styles.editing : "",
  ].join(" ");
  const style = editors.length > 0 ? ({ "--ring": editors[0].color } as CSSProperties) : undefined;
  return (
    <div className={className} style={style}>
      <Handle type="target" position={Position.Top} isConnectable={false} className={styles.handle} />
      <div className={styles.header}>
        <StanceBadge kind={kind} stance={stance} />
        <NodeStrength claimId={id} kind={kind} />
        {kind !== "question" && (
          <span
            className={`${styles.evidence} ${citations === 0 ? styles.noEvidence : ""}`}
            title={`${citations} piece${citations === 1 ? "" : "s"} of evidence`}
          >
            📎 {citations}
          </span>
        )}
      </div>
      <p className={styles.text} style={{ WebkitLineClamp: lines, lineClamp: lines } as CSSProperties}>
        {text.trim() !== "" ? text : <span className={styles.empty}>Empty {kind === "claim" ? "claim" : kind}</span>}
      </p>
      {editors.length > 0 && (
        <div className={styles.presence} aria-hidden="true">
          {editors.slice(0, 3).map((editor, i) => (
            <span key={`${editor.name}-${i}`} className={styles.initials} style={{ background: editor.color }} title={`${editor.name} is editing`}>
              {initials(editor.name)}
            </span>
          ))}
          {editors.length > 3 && <span className={`${styles.initials} ${styles.more}`}>+{editors.length - 3}</span>}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={styles.handle} />
    </div>
  );
});

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
    const label = `${kindLabel(n.kind, n.stance)}: ${n.text.trim() !== "" ? n.text.replace(/\s+/g, " ").trim() : "(empty)"}`;
    const presence = editors.length > 0 ? ` (being edited by ${editors.map((e) => e.name).join(", ")})` : "";
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
      ariaRole: "button",
      ariaLabel: `${label}${n.detached ? " (detached)" : ""}${presence}`,
      domAttributes: {
        "data-claim-id": n.id,
        "data-kind": n.kind,
        ...(n.stance ? { "data-stance": n.stance } : {}),
        ...(n.detached ? { "data-detached": "true" } : {}),
        ...(n.id === selectedId ? { "aria-current": "true" } : {}),
      } as ClaimFlowNode["domAttributes"],
      data: {
        kind: n.kind,
        stance: n.stance,
        text: n.text,
        citations: n.citations,
        detached: n.detached,
        lines: estimateNodeLines(n),
        editors,
      },
    });
  }
  return out;
}

function miniMapColor(node: Node): string {
  if (node.type !== "claim") return "transparent";
  const data = node.data as ClaimNodeData;
  return MINIMAP_COLOR[data.kind === "claim" ? (data.stance ?? "pro") : data.kind];
}

// ---------------------------------------------------------------------------------------
// The view

const ARIA_LABELS = {
  "node.a11yDescription.default": "Press Enter to select this claim, and Enter again to edit it.",
  "node.a11yDescription.keyboardDisabled": "Press Enter to select this claim, and Enter again to edit it.",
  "controls.ariaLabel": "Map zoom controls",
  "controls.fitView.ariaLabel": "Fit the whole map",
  "minimap.ariaLabel": "Map overview",
};

function GraphCanvas({ doc, selectedId, onSelect, onEdit, editingBy }: MapGraphViewProps): JSX.Element {
  const model = useGraphModel(doc);
  const { setCenter } = useReactFlow();
  const store = useStoreApi();

  const nodes = useMemo(() => (model ? buildNodes(model, selectedId, editingBy) : []), [model, selectedId, editingBy]);

  // Keep the selected claim in view: pan (at the current zoom) only when it is not fully visible.
  const positions = model?.positions;
  useEffect(() => {
    if (!selectedId || !positions) return;
    const p = positions.get(selectedId);
    if (!p) return;
    const { transform, width, height } = store.getState();
    if (width === 0 || height === 0) return; // not measured yet; fitView runs first
    const [tx, ty, zoom] = transform;
    const margin = 24;
    const visible =
      p.x * zoom + tx >= margin &&
      p.y * zoom + ty >= margin &&
      (p.x + p.width) * zoom + tx <= width - margin &&
      (p.y + p.height) * zoom + ty <= height - margin;
    // "Visible" at an unreadable zoom (a large map's overview) is not visible: zoom in too.
    if (!visible || zoom < READABLE_ZOOM) {
      void setCenter(p.x + p.width / 2, p.y + p.height / 2, { zoom: Math.max(zoom, 0.8), duration: 250 });
    }
  }, [selectedId, positions, setCenter, store]);

  // The first view: the whole map; for a large one, whose overview would be unreadably
  // small, the question at a readable zoom (the minimap and the fit button show the rest).
  const initialFit = useRef<{ padding: number; maxZoom: number; minZoom: number; nodes?: { id: string }[] } | null>(null);
  if (model && initialFit.current === null) {
    const question = model.elements.nodes.find((n) => n.kind === "question" && !n.detached)?.id;
    initialFit.current =
      model.elements.nodes.length > LARGE_MAP && question
        ? { padding: 0.15, maxZoom: 0.8, minZoom: READABLE_ZOOM, nodes: [{ id: question }] }
        : { padding: 0.15, maxZoom: 1, minZoom: MIN_ZOOM };
  }

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
  // Keys reach the focused node wrapper (role=button) and bubble here.
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

  if (!model) return <div className={styles.status}>Laying out the map…</div>;
  if (model.elements.nodes.length === 0) return <div className={styles.status}>This map has no claims yet.</div>;
  return (
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
      fitView
      fitViewOptions={initialFit.current ?? undefined}
      minZoom={MIN_ZOOM}
      maxZoom={2}
      ariaLabelConfig={ARIA_LABELS}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
      <Controls showInteractive={false} fitViewOptions={{ padding: 0.15, maxZoom: 1, duration: 200 }} />
      <MiniMap<FlowNode> pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={3} />
    </ReactFlow>
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
