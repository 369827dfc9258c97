"use client";
import { useRef, type ReactNode } from "react";
import { PANEL_MAX, PANEL_MIN } from "./useSidePanel";
import styles from "./SidePanel.module.css";

/**
 * The workspace's right-hand panel: part of the layout (the map narrows to make room, nothing
 * is covered), resizable by dragging or with the arrow keys on its edge.
 */
export function SidePanel({ id, width, onWidth, onClose, children }: { id: string; width: number; onWidth(w: number): void; onClose(): void; children: ReactNode }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  return (
    <>
      <div
        className={styles.separator}
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the side panel"
        aria-controls={id}
        aria-valuemin={PANEL_MIN}
        aria-valuemax={PANEL_MAX}
        aria-valuenow={width}
        tabIndex={0}
        data-testid="side-panel-resize"
        onPointerDown={(e) => {
          drag.current = { x: e.clientX, width };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) onWidth(drag.current.width + (drag.current.x - e.clientX));
        }}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={(e) => {
          const step = e.shiftKey ? 80 : 20;
          if (e.key === "ArrowLeft") onWidth(width + step);
          else if (e.key === "ArrowRight") onWidth(width - step);
          else return;
          e.preventDefault();
        }}
      />
      <aside id={id} className={styles.panel} aria-label="Side panel" data-testid="side-panel">
        <div className={styles.head}>
          <span className={styles.title}>Workspace panel</span>
          <button type="button" className={styles.close} onClick={onClose} aria-label="Close the side panel" data-testid="side-panel-close">
            ×
          </button>
        </div>
        {children}
      </aside>
    </>
  );
}
