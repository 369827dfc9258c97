"use client";

import { useEffect } from "react";
import styles from "./Toast.module.css";

export interface ToastMessage {
  id: number;
  message: string;
  tone: "info" | "error";
  action?: { label: string; run(): void };
}

/** One message at a time, bottom centre; an action (Undo) and a close button. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, toast.action ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={styles.region} aria-live="polite" role="status">
      {toast && (
        <div className={`${styles.toast} ${toast.tone === "error" ? styles.error : ""}`} data-testid="toast" data-tone={toast.tone}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className={styles.action}
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className={styles.close} aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
