"use client";

import dynamic from "next/dynamic";
import type * as Y from "yjs";
import type { Awareness } from "y-protocols/awareness";
import type { MapTree } from "@/lib/argument/mapTree";
import type { PresenceUser } from "@/lib/collab/mapConnection";
import { ClaimEditorSlot } from "./ClaimEditorSlot";
import { StanceBadge } from "./StanceBadge";
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
  readOnly: boolean;
  awareness: Awareness | null;
  user: PresenceUser;
  actions: MapActions;
}

/** The graph view plus a side panel holding the (single) claim editor. */
export function GraphPane({ doc, tree, selectedId, editingId, editingBy, readOnly, awareness, user, actions }: Props) {
  const editing = editingId ? tree.byId.get(editingId) ?? null : null;
  return (
    <div className={`${styles.pane} ${editing ? styles.withPanel : ""}`}>
      <div className={styles.graph} data-testid="graph-view">
        <MapGraphView
          doc={doc}
          selectedId={selectedId}
          onSelect={actions.select}
          onEdit={(id) => (readOnly ? actions.select(id) : actions.startEdit(id))}
          editingBy={editingBy}
        />
      </div>
      {editing && !readOnly && (
        <aside className={styles.panel} aria-label="Edit claim" data-testid="graph-editor-panel">
          <div className={styles.panelHead}>
            <StanceBadge kind={editing.claim.kind} stance={editing.claim.stance} />
            <span className={styles.panelTitle}>Editing</span>
          </div>
          <ClaimEditorSlot doc={doc} claimId={editing.claim.id} awareness={awareness} user={user} actions={actions} label="Claim text" />
        </aside>
      )}
    </div>
  );
}
