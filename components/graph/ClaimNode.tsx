"use client";

import { memo, type CSSProperties, type MouseEvent } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { ChevronDown, ChevronRight, Focus, Paperclip, X } from "lucide-react";
import type { ClaimKind, Stance } from "@/lib/argument/claimSchema";
import { NodeStrength } from "@/components/scores/NodeStrength";
import { KindBadge } from "./KindBadge";
import { useGraphNodeActions } from "./graphNodeActions";
import styles from "./ClaimNode.module.css";

export interface Editor {
  name: string;
  color: string;
}

export interface ClaimNodeData extends Record<string, unknown> {
  kind: ClaimKind;
  stance: Stance | null;
  text: string;
  citations: number;
  detached: boolean;
  lines: number;
  editors: Editor[];
  /** Claims under this one in the whole map. */
  descendants: number;
  /** Its descendants are hidden. */
  collapsed: boolean;
  /** Focus mode: "focus" is the focused claim, "line" the rest of its line; null outside focus mode. */
  focus: "focus" | "line" | null;
  /** Above the focused claim: cannot collapse (the focus would vanish). */
  focusAncestor: boolean;
}
export type ClaimFlowNode = Node<ClaimNodeData, "claim">;

export function kindLabel(kind: ClaimKind, stance: Stance | null): string {
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

/** Shape as well as colour: question and position square-cornered (position double-bordered), pro rounded solid, con rounded dashed. */
function shapeClass(kind: ClaimKind, stance: Stance | null): string {
  if (kind === "question") return styles.question;
  if (kind === "position") return styles.position;
  return stance === "con" ? styles.con : styles.pro;
}

// The node wrapper handles click (select) and double click (edit): a control's own click stops there.
const stop = (event: MouseEvent) => event.stopPropagation();
const claims = (n: number) => `${n} claim${n === 1 ? "" : "s"}`;

export const ClaimNode = memo(function ClaimNode({ id, data, selected }: NodeProps<ClaimFlowNode>) {
  const { kind, stance, text, citations, detached, lines, editors, descendants, collapsed, focus, focusAncestor } = data;
  const actions = useGraphNodeActions();
  const className = [
    styles.node,
    shapeClass(kind, stance),
    selected ? styles.selected : "",
    detached ? styles.detached : "",
    collapsed ? styles.collapsed : "",
    editors.length > 0 ? styles.editing : "",
  ].join(" ");
  const style = editors.length > 0 ? ({ "--ring": editors[0].color } as CSSProperties) : undefined;
  const canCollapse = kind !== "question" && descendants > 0 && !focusAncestor;
  const canFocus = kind !== "question" && actions !== null;
  return (
    <div className={className} style={style}>
      <Handle type="target" position={Position.Top} isConnectable={false} className={styles.handle} />
      <div className={styles.header}>
        <KindBadge kind={kind} stance={stance} />
        <NodeStrength claimId={id} kind={kind} />
        {kind !== "question" && (
          <span
            className={`${styles.evidence} ${citations === 0 ? styles.noEvidence : ""}`}
            title={citations === 0 ? "No evidence yet" : `${citations} piece${citations === 1 ? "" : "s"} of evidence`}
            data-testid="node-evidence"
            data-count={citations}
          >
            <span className={styles.visuallyHidden}>Evidence: </span>
            <Paperclip aria-hidden="true" size={12} strokeWidth={2.25} />
            {/* A word, not a lone "0": clearer, and colour-contrast checkers skip one-character text. */}
            {citations === 0 ? "none" : citations}
          </span>
        )}
      </div>
      <p className={styles.text} style={{ WebkitLineClamp: lines, lineClamp: lines } as CSSProperties} data-testid="node-label">
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
      {(canFocus || canCollapse) && (
        <div className={`${styles.controls} nodrag nopan`}>
          {canFocus && (
            <button
              type="button"
              className={`${styles.control} ${styles.focusControl} ${focus === "focus" ? styles.controlOn : ""}`}
              onClick={(event) => {
                stop(event);
                actions.toggleFocus(id);
              }}
              onDoubleClick={stop}
              aria-pressed={focus === "focus"}
              aria-label={focus === "focus" ? "Leave focus mode" : "Focus: show only this claim's line"}
              title={focus === "focus" ? "Leave focus mode (Esc)" : "Focus: this claim with its ancestors and descendants only"}
              data-testid="graph-focus-toggle"
            >
              {focus === "focus" ? <X aria-hidden="true" size={14} strokeWidth={2.5} /> : <Focus aria-hidden="true" size={14} strokeWidth={2.25} />}
            </button>
          )}
          {canCollapse && actions && (
            <button
              type="button"
              className={`${styles.control} ${styles.collapse} ${collapsed ? styles.controlOn : ""}`}
              onClick={(event) => {
                stop(event);
                actions.toggleCollapsed(id);
              }}
              onDoubleClick={stop}
              aria-expanded={!collapsed}
              aria-label={collapsed ? `Expand: ${claims(descendants)} hidden` : `Collapse the ${claims(descendants)} below`}
              title={collapsed ? `Show the ${claims(descendants)} below` : `Hide the ${claims(descendants)} below`}
              data-testid="graph-collapse-toggle"
              data-hidden-count={collapsed ? descendants : 0}
            >
              {collapsed ? <ChevronRight aria-hidden="true" size={14} strokeWidth={2.5} /> : <ChevronDown aria-hidden="true" size={14} strokeWidth={2.5} />}
              {collapsed && <span data-testid="graph-hidden-count">{descendants} hidden</span>}
            </button>
          )}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={styles.handle} />
    </div>
  );
});
