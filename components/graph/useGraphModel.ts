"use client";

import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { MarkerType, type Edge } from "@xyflow/react";
import { buildMapTree, claimBodyFragment, claimPlainText, claimsMap, citationsMap, readCitations } from "@/lib/argument";
import type { Stance } from "@/lib/argument/claimSchema";
import { createElk, detachedGroupBox, graphElements, layoutGraph, layoutKey, type GraphEdge, type GraphElements, type NodeLayout } from "@/lib/argument/graphLayout";
import { visibleGraph, type GraphVisibility, type NodeVisibility } from "@/lib/argument/graphVisibility";

// The doc -> graph model: elements (text, counts) refreshed at most every THROTTLE_MS,
// layout recomputed only when the shown ids, edges or estimated sizes change (a focus or a
// collapse changes the shown ids, so what remains is laid out compactly).

export interface GraphModel {
  /** What is drawn (focus and collapse applied). */
  elements: GraphElements;
  visibility: Map<string, NodeVisibility>;
  /** The focused claim when focus mode applies, else null. */
  focusId: string | null;
  /** The focus asked for when this model was built (differs from focusId when that claim is gone). */
  requestedFocusId: string | null;
  positions: Map<string, NodeLayout>;
  group: NodeLayout | null;
  edges: Edge[];
  /** Claims in the whole map. */
  total: number;
}

const THROTTLE_MS = 100;

type Shown = ReturnType<typeof visibleGraph> & { requestedFocusId: string | null; total: number };

// Hex, not var(--pro): React Flow derives SVG marker ids from the colour string.
// Keep in step with --pro, --con and --muted in app/globals.css.
export const EDGE_COLOR: Record<Stance | "none", string> = { pro: "#1f7a44", con: "#b42318", none: "#5b6470" };

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

export function useGraphModel(doc: Y.Doc, visibility: GraphVisibility): GraphModel | null {
  const [model, setModel] = useState<GraphModel | null>(null);
  const visibilityRef = useRef(visibility);
  visibilityRef.current = visibility;
  const recomputeRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    let disposed = false;
    const elk = createElk();
    const claims = claimsMap(doc);
    const citations = citationsMap(doc);
    const texts = new Map<string, string>(); // claim id -> plain text, invalidated per claim
    let counts: Map<string, number> | null = null; // claim id -> citations, rebuilt on change
    let applied: { key: string; model: GraphModel } | null = null;
    let pending: { key: string; run: number; shown: Shown } | null = null;
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

    const apply = (key: string, shown: Shown, layout: NodeLayout[]) => {
      const next: GraphModel = {
        elements: shown.elements,
        visibility: shown.nodes,
        focusId: shown.focusId,
        requestedFocusId: shown.requestedFocusId,
        positions: new Map(layout.map((p) => [p.id, p])),
        group: detachedGroupBox(shown.elements, layout),
        edges: flowEdges(shown.elements.edges),
        total: shown.total,
      };
      applied = { key, model: next };
      setModel(next);
    };

    const recompute = () => {
      if (disposed) return;
      const all = graphElements(buildMapTree(doc), textOf, citationCount);
      const requestedFocusId = visibilityRef.current.focusId;
      const shown: Shown = { ...visibleGraph(all, visibilityRef.current), requestedFocusId, total: all.nodes.length };
      // The focus is part of the key: the same shown ids under another focus still re-place the view.
      const key = `${shown.focusId ?? ""}#${layoutKey(shown.elements)}`;
      if (applied && key === applied.key) {
        // Same structure and sizes: keep positions and edges, refresh labels, counts and toggles.
        pending = null;
        runs++; // an older layout still in flight is now stale
        setModel({ ...applied.model, elements: shown.elements, visibility: shown.nodes, requestedFocusId, total: shown.total });
        return;
      }
      if (pending && pending.key === key) {
        pending.shown = shown; // the running layout fits; show the newest text with it
        return;
      }
      const run = ++runs;
      pending = { key, run, shown };
      layoutGraph(shown.elements, elk)
        .catch((error: unknown) => {
          console.error("Map graph layout failed; showing a plain column", error);
          return fallbackLayout(shown.elements);
        })
        .then((layout) => {
          if (disposed || !pending || pending.run !== run) return;
          const latest = pending;
          pending = null;
          apply(key, latest.shown, layout);
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
    recomputeRef.current = recompute;
    recompute();
    return () => {
      disposed = true;
      recomputeRef.current = null;
      if (timer !== null) clearTimeout(timer);
      claims.unobserveDeep(onClaims);
      citations.unobserveDeep(onCitations);
    };
  }, [doc]);

  // A new focus or collapsed set: recompute at once (the doc did not change). On mount this
  // finds the first layout already running for the same key and leaves it be.
  const { focusId, collapsed } = visibility;
  useEffect(() => {
    recomputeRef.current?.();
  }, [focusId, collapsed]);

  return model;
}
