"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { TreeNode } from "@/lib/argument/mapTree";
import { claimBodyFragment } from "@/lib/argument/claimBody";
import { ClaimRow, CLAIM_DRAG_TYPE } from "./ClaimRow";
import { ClaimText } from "./ClaimText";
import { OutlineContext, type OutlineContextValue } from "./outlineContext";
import { parentsOf, visibleRowIds, type DropZone } from "./outlineMoves";
import type { MapTreeView } from "./useMapTree";
import styles from "./OutlineEditor.module.css";

type Shared = Omit<OutlineContextValue, "focusId" | "registerRow" | "onRowKey" | "dragId" | "setDragId" | "dropTarget" | "setDropTarget" | "citationsByClaim">;

interface Props extends Shared {
  view: MapTreeView;
  /** A row to focus after the next render (set after moves, which remount rows). */
  focusRequest: { id: string; seq: number; center?: boolean } | null;
}

const isMod = (e: KeyboardEvent) => e.metaKey || e.ctrlKey;

/** Question → positions → nested pro/con claims, editable in place. */
export function OutlineEditor({ view, focusRequest, ...shared }: Props) {
  const { tree } = view;
  const { actions, readOnly, collapsed, selectedId } = shared;
  const rows = useRef(new Map<string, HTMLElement>());
  const centered = useRef(-1);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<{ id: string; zone: DropZone } | null>(null);

  const order = useMemo(() => visibleRowIds(tree, collapsed), [tree, collapsed]);
  const focusId = selectedId && order.includes(selectedId) ? selectedId : (order[0] ?? null);

  const registerRow = useCallback((id: string, element: HTMLElement | null) => {
    if (element) rows.current.set(id, element);
    else rows.current.delete(id);
  }, []);

  const focusRow = useCallback((id: string) => {
    actions.select(id);
    requestAnimationFrame(() => rows.current.get(id)?.focus());
  }, [actions]);

  useEffect(() => {
    if (!focusRequest) return;
    const el = rows.current.get(focusRequest.id);
    if (!el) return;
    // A deep link (?claim=) centres the row once, clear of the sticky toolbar.
    if (focusRequest.center && centered.current !== focusRequest.seq) {
      centered.current = focusRequest.seq;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: "center" });
    } else if (document.activeElement !== el) el.focus();
  }, [focusRequest, tree]);

  const onRowKey = useCallback(
    (event: KeyboardEvent<HTMLElement>, node: TreeNode) => {
      const id = node.claim.id;
      const i = order.indexOf(id);
      const alt = event.altKey;
      let handled = true;
      if (event.key === "ArrowDown" && alt && !readOnly) actions.reorder(id, 1);
      else if (event.key === "ArrowUp" && alt && !readOnly) actions.reorder(id, -1);
      else if (event.key === "ArrowDown" && !alt) {
        if (i >= 0 && i + 1 < order.length) focusRow(order[i + 1]);
      } else if (event.key === "ArrowUp" && !alt) {
        if (i > 0) focusRow(order[i - 1]);
      } else if (event.key === "Home") {
        if (order.length) focusRow(order[0]);
      } else if (event.key === "End") {
        if (order.length) focusRow(order[order.length - 1]);
      } else if (event.key === "ArrowRight") {
        if (node.children.length === 0) handled = false;
        else if (collapsed.has(id)) actions.toggleCollapsed(id, true);
        else focusRow(node.children[0].claim.id);
      } else if (event.key === "ArrowLeft") {
        const parent = parentsOf(tree).get(id) ?? null;
        if (node.children.length > 0 && !collapsed.has(id)) actions.toggleCollapsed(id, false);
        else if (parent && parent.claim.kind !== "question") focusRow(parent.claim.id);
        else handled = false;
      } else if (readOnly) handled = false;
      else if (event.key === "Enter" && isMod(event)) actions.addSibling(id);
      else if (event.key === "Enter" || event.key === "F2") actions.startEdit(id);
      else if (event.key === "Tab") {
        if (event.shiftKey) actions.outdent(id);
        else actions.indent(id);
      } else if (alt && event.code === "KeyP") actions.addChild(id, "pro");
      else if (alt && event.code === "KeyC") actions.addChild(id, "con");
      else if (isMod(event) && event.shiftKey && event.code === "KeyS") actions.toggleStance(id);
      else if (event.key === "Delete" || event.key === "Backspace") actions.remove(id);
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    [order, tree, collapsed, readOnly, actions, focusRow],
  );

  const value: OutlineContextValue = {
    ...shared,
    citationsByClaim: view.citationsByClaim,
    focusId,
    registerRow,
    onRowKey,
    dragId,
    setDragId,
    dropTarget,
    setDropTarget,
  };

  if (!tree.root) return <p className="notice">This map has no question yet.</p>;
  const root = tree.root;
  const dropOnQuestion = dropTarget?.id === root.claim.id;

  return (
    <OutlineContext.Provider value={value}>
      <div className={styles.outline} data-testid="map-outline">
        <div
          className={`${styles.question} ${dropOnQuestion ? styles["drop-inside"] : ""}`}
          data-claim-id={root.claim.id}
          onDragOver={(event) => {
            if (readOnly || !dragId || !event.dataTransfer.types.includes(CLAIM_DRAG_TYPE)) return;
            event.preventDefault();
            if (!dropOnQuestion) setDropTarget({ id: root.claim.id, zone: "inside" });
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && dropOnQuestion) setDropTarget(null);
          }}
          onDrop={(event) => {
            event.preventDefault();
            const id = dragId;
            setDropTarget(null);
            setDragId(null);
            if (id) actions.drop(id, root.claim.id, "inside");
          }}
        >
          <span className={styles.questionMark} aria-hidden>?</span>
          <h2 className={styles.questionText}>
            <ClaimText fragment={claimBodyFragment(shared.doc, root.claim.id)} />
          </h2>
          {!readOnly && (
            <button type="button" className={`${styles.act} ${styles.addPosition}`} data-testid="add-position" onClick={() => actions.addChild(root.claim.id, "pro")}>
              + Position
            </button>
          )}
        </div>
        {root.children.length === 0 ? (
          <p className="notice">No positions yet.{readOnly ? "" : " Add one with “+ Position”."}</p>
        ) : (
          <ul className={styles.tree} role="tree" aria-label="Argument map outline">
            {root.children.map((child) => (
              <ClaimRow key={child.claim.id} node={child} />
            ))}
          </ul>
        )}
        {tree.detached.length > 0 && (
          <section className={styles.detached} aria-labelledby="detached-heading">
            <h3 id="detached-heading">Detached claims</h3>
            <p className="muted small">
              Their parent was deleted or moved away while they were edited; nothing is lost.{readOnly ? "" : " Drag them back under a claim."}
            </p>
            <ul className={styles.tree} role="tree" aria-label="Detached claims">
              {tree.detached.map((node) => (
                <ClaimRow key={node.claim.id} node={node} />
              ))}
            </ul>
          </section>
        )}
        {!readOnly && (
          <details className={styles.help}>
            <summary>Keyboard shortcuts</summary>
            <dl>
              <dt>↑ ↓</dt><dd>move between claims</dd>
              <dt>← →</dt><dd>collapse / expand</dd>
              <dt>Enter</dt><dd>edit the claim · <kbd>Esc</kbd> to finish</dd>
              <dt>Ctrl/⌘ + Enter</dt><dd>add a sibling</dd>
              <dt>Alt + P / Alt + C</dt><dd>add a pro / con under it</dd>
              <dt>Tab / Shift + Tab</dt><dd>indent under the claim above / outdent</dd>
              <dt>Alt + ↑ / ↓</dt><dd>move up / down among siblings</dd>
              <dt>Ctrl/⌘ + Shift + S</dt><dd>switch pro ↔ con</dd>
              <dt>Delete</dt><dd>delete (with undo)</dd>
              <dt>Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z</dt><dd>undo, redo</dd>
            </dl>
          </details>
        )}
      </div>
    </OutlineContext.Provider>
  );
}
