"use client";

import type { DragEvent, MouseEvent } from "react";
import type { TreeNode } from "@/lib/argument/mapTree";
import { claimBodyFragment } from "@/lib/argument/claimBody";
import { EvidenceCard } from "@/components/sources/EvidenceCard";
import { EditingBadge } from "@/components/presence/PresenceBar";
import { ClaimText } from "./ClaimText";
import { ClaimEditorSlot } from "./ClaimEditorSlot";
import { StanceBadge } from "./StanceBadge";
import { useOutline } from "./outlineContext";
import type { DropZone } from "./outlineMoves";
import styles from "./OutlineEditor.module.css";
import { ClaimScore } from "@/components/scores/ClaimScore";
import { CommentBadge } from "@/components/comments/CommentBadge";
import commentStyles from "@/components/comments/Comments.module.css";

export const CLAIM_DRAG_TYPE = "application/x-claimboard-claim";

function countDescendants(node: TreeNode): number {
  let n = 0;
  const stack = [...node.children];
  while (stack.length > 0) {
    const next = stack.pop()!;
    n++;
    stack.push(...next.children);
  }
  return n;
}

function zoneAt(event: DragEvent<HTMLElement>, allowInside: boolean): DropZone {
  const rect = event.currentTarget.getBoundingClientRect();
  const y = (event.clientY - rect.top) / Math.max(1, rect.height);
  if (!allowInside) return y < 0.5 ? "before" : "after";
  return y < 0.25 ? "before" : y > 0.75 ? "after" : "inside";
}

/** One claim (or position) of the outline with its evidence cards and its subtree. */
export function ClaimRow({ node }: { node: TreeNode }) {
  const ctx = useOutline();
  const { claim } = node;
  const id = claim.id;
  const editing = ctx.editingId === id;
  const collapsed = ctx.collapsed.has(id);
  const hasChildren = node.children.length > 0;
  const citations = ctx.citationsByClaim.get(id) ?? [];
  const others = ctx.editingBy[id] ?? [];
  const canEdit = !ctx.readOnly;
  const tone = claim.kind === "position" ? styles.position : claim.stance === "con" ? styles.con : styles.pro;
  const drop = ctx.dropTarget?.id === id ? ctx.dropTarget.zone : null;
  const kindWord = claim.kind === "position" ? "position" : `${claim.stance ?? "pro"} claim`;

  const onTextClick = (event: MouseEvent) => {
    // Links in the text open; a click elsewhere on the text edits it.
    if ((event.target as HTMLElement).closest("a")) return;
    ctx.actions.select(id);
    if (canEdit) ctx.actions.startEdit(id);
  };

  const dragHandlers = canEdit && !editing
    ? {
        draggable: true,
        onDragStart: (event: DragEvent<HTMLDivElement>) => {
          event.dataTransfer.setData(CLAIM_DRAG_TYPE, id);
          event.dataTransfer.setData("text/plain", id);
          event.dataTransfer.effectAllowed = "move";
          ctx.setDragId(id);
        },
        onDragEnd: () => {
          ctx.setDragId(null);
          ctx.setDropTarget(null);
        },
      }
    : {};
  const dropHandlers = canEdit
    ? {
        onDragOver: (event: DragEvent<HTMLDivElement>) => {
          if (!ctx.dragId || !event.dataTransfer.types.includes(CLAIM_DRAG_TYPE)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = "move";
          const zone = zoneAt(event, true);
          if (ctx.dropTarget?.id !== id || ctx.dropTarget.zone !== zone) ctx.setDropTarget({ id, zone });
        },
        onDragLeave: (event: DragEvent<HTMLDivElement>) => {
          if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
          if (ctx.dropTarget?.id === id) ctx.setDropTarget(null);
        },
        onDrop: (event: DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          const dragId = ctx.dragId ?? event.dataTransfer.getData(CLAIM_DRAG_TYPE);
          const zone = zoneAt(event, true);
          ctx.setDropTarget(null);
          ctx.setDragId(null);
          if (dragId) ctx.actions.drop(dragId, id, zone);
        },
      }
    : {};

  return (
    <li
      ref={(el) => ctx.registerRow(id, el)}
      className={styles.item}
      role="treeitem"
      aria-level={node.depth}
      aria-selected={ctx.selectedId === id}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-labelledby={`claim-label-${id} claim-text-${id}`}
      tabIndex={ctx.focusId === id ? 0 : -1}
      data-claim-id={id}
      data-kind={claim.kind}
      data-stance={claim.stance ?? undefined}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget) ctx.onRowKey(event, node);
      }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) ctx.actions.select(id);
      }}
    >
      <div
        className={[
          styles.row,
          tone,
          ctx.selectedId === id ? styles.selected : "",
          editing ? styles.editingRow : "",
          others.length > 0 ? styles.othersEditing : "",
          ctx.dragId === id ? styles.dragging : "",
          drop ? styles[`drop-${drop}`] : "",
        ].join(" ")}
        style={others.length > 0 ? ({ "--ring": others[0].color } as React.CSSProperties) : undefined}
        data-editing-by={others.length > 0 ? others.map((o) => o.name).join(", ") : undefined}
        data-testid="claim-row"
        data-part="row"
        {...dragHandlers}
        {...dropHandlers}
      >
        {hasChildren ? (
          <button
            type="button"
            className={styles.toggle}
            tabIndex={-1}
            aria-label={collapsed ? "Expand" : "Collapse"}
            title={collapsed ? "Expand" : "Collapse"}
            onClick={() => ctx.actions.toggleCollapsed(id)}
          >
            <span aria-hidden className={collapsed ? styles.chevronClosed : styles.chevronOpen}>▸</span>
          </button>
        ) : (
          <span className={styles.toggleSpacer} aria-hidden />
        )}
        <StanceBadge kind={claim.kind} stance={claim.stance} />
        <div className={styles.body}>
          <span id={`claim-label-${id}`} className={styles.srOnly}>
            {kindWord}
          </span>
          {editing ? (
            <ClaimEditorSlot
              doc={ctx.doc}
              claimId={id}
              awareness={ctx.awareness}
              user={ctx.user}
              actions={ctx.actions}
              label={`Text of this ${kindWord}`}
            />
          ) : (
            <div id={`claim-text-${id}`} className={`${styles.text} ${canEdit ? styles.editable : ""}`} onClick={onTextClick}>
              <ClaimText fragment={claimBodyFragment(ctx.doc, id)} placeholder={canEdit ? "Empty — click to write" : "(empty)"} />
            </div>
          )}
          {collapsed && hasChildren && (
            <button type="button" className={styles.hiddenCount} tabIndex={-1} onClick={() => ctx.actions.toggleCollapsed(id, true)}>
              {countDescendants(node)} hidden — show
            </button>
          )}
          <ClaimScore claimId={id} kind={claim.kind} />
        </div>
        <CommentBadge target={{ kind: "claim", claimId: id }} />
        <EditingBadge users={others} />
        {canEdit && !editing && (
          <div className={styles.actions}>
            <button type="button" className={`${styles.act} ${styles.actPro}`} data-testid="add-pro" title="Add a pro claim under this one (Alt+P)" onClick={() => ctx.actions.addChild(id, "pro")}>
              + Pro
            </button>
            <button type="button" className={`${styles.act} ${styles.actCon}`} data-testid="add-con" title="Add a con claim under this one (Alt+C)" onClick={() => ctx.actions.addChild(id, "con")}>
              − Con
            </button>
            <button type="button" className={`${styles.act} ${styles.icon}`} data-testid="edit-claim" aria-label="Edit" title="Edit (Enter)" onClick={() => ctx.actions.startEdit(id)}>
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden><path d="M11.5 2.5l2 2L6 12l-3 1 1-3z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" /></svg>
            </button>
            <button type="button" className={`${styles.act} ${styles.actDelete}`} data-testid="delete-claim" aria-label="Delete" title="Delete (Del)" onClick={() => ctx.actions.remove(id, true)}>
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden><path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5M7 7v4M9 7v4" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" /></svg>
            </button>
          </div>
        )}
      </div>
      {citations.length > 0 && (
        <div className={styles.cards}>
          {citations.map((c) => (
            <div key={c.id} className={commentStyles.cardWrap}>
              <EvidenceCard citation={c} cite={ctx.sources[c.sourceId] ?? null} href={`/maps/${ctx.mapId}/sources/${c.sourceId}#citation-${c.id}`} />
              <span className={commentStyles.cardBadge}>
                <CommentBadge target={{ kind: "citation", citationId: c.id }} />
              </span>
            </div>
          ))}
        </div>
      )}
      {hasChildren && !collapsed && (
        <ul role="group" className={styles.children}>
          {node.children.map((child) => (
            <ClaimRow key={child.claim.id} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
