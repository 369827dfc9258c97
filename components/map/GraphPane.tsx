"use client";

import { useRef } from "react";
import dynamic from "next/dynamic";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import type { MapTree } from "@/lib/argument/mapTree";
import type { PresenceUser } from "@/lib/collab/mapConnection";
import { KindBadge } from "@/components/graph/KindBadge";
import { useFillHeight } from "@/components/ui/useFillHeight";
import { ClaimEditorSlot } from "./ClaimEditorSlot";
import type { MapActions } from "./outlineContext";
import styles from "./GraphPane.module.css";

// React Flow measures the DOM and is a large bundle: load it only when the tab opens.
const MapGraphView = dynamic(() => import("@/components/graph/MapGraphView").then((m) => m.MapGraphView), {
  ssr: false,
  loading: () => <p className={styles.loading}>Graph view loading…</p>,
});

interface Props {
  doc: Y.Doc;
  tree: MapTree;
  selectedId: string | null;
  editingId: string | null;
  editingBy: Record<string, { name: string; color: string }[]>;
  /** Claims whose subtrees are hidden: the outline's collapsed set, toggled from either view. */
  collapsed: ReadonlySet<string>;
  readOnly: boolean;
  awareness: Awareness | null;
  user: PresenceUser;
  actions: MapActions;
}

/** The graph view, as tall as the workspace, plus a side panel holding the (single) claim editor. */
export function GraphPane({ doc, tree, selectedId, editingId, editingBy, collapsed, readOnly, awareness, user, actions }: Props) {
  const editing = editingId ? tree.byId.get(editingId) ?? null : null;
  const paneRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(paneRef);
  return (
    <div ref={paneRef} className={`${styles.pane} ${editing ? styles.withPanel : ""}`} style={height ? { height } : undefined}>
      <div className={styles.graph} data-testid="graph-view">
        <MapGraphView
          doc={doc}
          selectedId={selectedId}
          onSelect={actions.select}
          onEdit={(id) => (readOnly ? actions.select(id) : actions.startEdit(id))}
          editingBy={editingBy}
          collapsed={collapsed}
          onToggleCollapsed={(id) => actions.toggleCollapsed(id)}
        />
      </div>
      {editing && !readOnly && (
        <aside className={styles.panel} aria-label="Edit claim" data-testid="graph-editor-panel">
          <div className={styles.panelHead}>
            <KindBadge kind={editing.claim.kind} stance={editing.claim.stance} />
            <span className={styles.panelTitle}>Editing</span>
          </div>
          <ClaimEditorSlot doc={doc} claimId={editing.claim.id} awareness={awareness} user={user} actions={actions} label="Claim text" />
        </aside>
      )}
    </div>
  );
}
