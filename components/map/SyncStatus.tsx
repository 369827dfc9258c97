"use client";

import { describeSyncStatus } from "@/lib/collab/connectionState";
import type { MapConnectionSnapshot } from "@/lib/collab/mapConnection";
import styles from "./SyncStatus.module.css";

/** Always-visible sync state: Connected / Connecting… / Offline — N unsent changes / why it closed. */
export function SyncStatus({ state }: { state: MapConnectionSnapshot }) {
  const text = describeSyncStatus(state);
  const detail =
    state.status === "offline"
      ? state.closeReason ?? "Changes are kept on this device and sent when the connection returns."
      : state.status === "closed"
        ? state.unsentChanges > 0
          ? `${state.unsentChanges} unsent change${state.unsentChanges === 1 ? "" : "s"} are kept on this device.`
          : "Reload the page to reconnect."
        : state.status === "connecting"
          ? "Opening the live connection…"
          : "Changes are shared live.";
  return (
    <div
      className={`${styles.status} ${styles[state.status]}`}
      data-testid="sync-status"
      data-status={state.status}
      data-unsent={state.unsentChanges}
      role="status"
      aria-live="polite"
      title={detail}
    >
      <span className={styles.dot} aria-hidden />
      <span className={styles.text}>{text}</span>
      {state.status === "offline" && state.closeReason && <span className={styles.reason}>{state.closeReason}</span>}
    </div>
  );
}
