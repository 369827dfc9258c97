"use client";

import { Focus, Maximize, ScanEye, X } from "lucide-react";
import styles from "./MapGraphView.module.css";

interface Props {
  /** The focused claim's label in focus mode, else null. */
  focusLabel: string | null;
  /** A claim is selected that focus mode can show (not the question). */
  canFocus: boolean;
  shown: number;
  total: number;
  onFocus(): void;
  onLeaveFocus(): void;
  onFitAll(): void;
  onReadable(): void;
}

/** The graph's own controls, labelled: fit all, back to a readable view, focus mode. */
export function GraphToolbar({ focusLabel, canFocus, shown, total, onFocus, onLeaveFocus, onFitAll, onReadable }: Props) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Graph" data-testid="graph-toolbar">
      <button type="button" className={styles.tool} onClick={onFitAll} title="Zoom out until the whole map fits (text may get small)" data-testid="graph-fit-all">
        <Maximize aria-hidden="true" size={15} /> Fit all
      </button>
      <button type="button" className={styles.tool} onClick={onReadable} title="Back to the selected claim and its neighbours at a readable size" data-testid="graph-readable">
        <ScanEye aria-hidden="true" size={15} /> Readable
      </button>
      {focusLabel === null ? (
        <button
          type="button"
          className={styles.tool}
          onClick={onFocus}
          disabled={!canFocus}
          title={canFocus ? "Show only the selected claim with its ancestors and descendants" : "Select a claim to focus on it"}
          data-testid="graph-focus"
        >
          <Focus aria-hidden="true" size={15} /> Focus
        </button>
      ) : (
        <button type="button" className={`${styles.tool} ${styles.toolOn}`} onClick={onLeaveFocus} title="Show the whole map again (Esc)" data-testid="graph-leave-focus">
          <X aria-hidden="true" size={15} /> Leave focus <kbd className={styles.kbd}>Esc</kbd>
        </button>
      )}
      {(focusLabel !== null || shown < total) && (
        <span className={styles.toolStatus} data-testid="graph-shown" aria-live="polite">
          {focusLabel !== null && <span className={styles.focusLabel}>Focus: {focusLabel} · </span>}
          {shown} of {total} claims shown
        </span>
      )}
    </div>
  );
}
