"use client";

import { useRef, type KeyboardEvent } from "react";
import styles from "./ViewTabs.module.css";

export type MapViewKind = "outline" | "graph" | "flow";

const TABS: { id: MapViewKind; label: string }[] = [
  { id: "outline", label: "Outline" },
  { id: "graph", label: "Graph" },
  { id: "flow", label: "Flow" },
];

export function viewTabId(view: MapViewKind): string {
  return `map-tab-${view}`;
}

export function viewPanelId(view: MapViewKind): string {
  return `map-panel-${view}`;
}

/** Outline ↔ graph ↔ flow switch (ARIA tabs: arrow keys move between them). */
export function ViewTabs({ view, onChange }: { view: MapViewKind; onChange(view: MapViewKind): void }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const i = TABS.findIndex((t) => t.id === view);
    const next = TABS[(i + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length];
    onChange(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Map view" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[tab.id] = el;
          }}
          type="button"
          role="tab"
          id={viewTabId(tab.id)}
          aria-controls={viewPanelId(tab.id)}
          aria-selected={view === tab.id}
          tabIndex={view === tab.id ? 0 : -1}
          className={styles.tab}
          data-testid={`view-tab-${tab.id}`}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
