"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { InboxEntry } from "@/lib/db/comments";
import { onInboxChanged, requestOpenThread } from "./inboxSignal";
import styles from "./InboxBell.module.css";

/**
 * The header bell: unread count of my mentions and replies, and the list. It refetches when
 * an open map's socket says my inbox changed, when the window regains focus, and every
 * minute (mentions from maps not open here).
 */
export function InboxBell() {
  const [unread, setUnread] = useState(0);
  const [entries, setEntries] = useState<InboxEntry[]>([]);
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    fetch("/api/inbox", { cache: "no-store" })
      .then((res) => (res.ok ? res.json() : null))
      .then((data: { unread: number; notifications: InboxEntry[] } | null) => {
        if (!data) return;
        setUnread(data.unread);
        setEntries(data.notifications);
      })
      .catch(() => {});
  }, []);

  useEffect(() => {
    refresh();
    const stop = onInboxChanged(refresh);
    window.addEventListener("focus", refresh);
    const timer = setInterval(refresh, 60_000);
    return () => {
      stop();
      window.removeEventListener("focus", refresh);
      clearInterval(timer);
    };
  }, [refresh]);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const res = await fetch("/api/inbox", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.ok) refresh();
  };

  return (
    <div className={styles.wrap} ref={wrapRef}>
      <button
        type="button"
        className={styles.bell}
        aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}
        aria-expanded={open}
        title="Mentions and replies"
        data-testid="inbox-bell"
        onClick={() => {
          if (!open) refresh();
          setOpen(!open);
        }}
      >
        <svg viewBox="0 0 16 16" width="17" height="17" aria-hidden>
          <path d="M8 2.2c-2.2 0-3.8 1.7-3.8 3.9v2.6L3 10.6v.9h10v-.9l-1.2-1.9V6.1C11.8 3.9 10.2 2.2 8 2.2zM6.6 12.6a1.5 1.5 0 002.8 0" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
        </svg>
        {unread > 0 && (
          <span className={styles.count} data-testid="inbox-unread">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div className={styles.popup} role="dialog" aria-label="Inbox" data-testid="inbox-popup">
          <div className={styles.head}>
            <strong>Inbox</strong>
            {unread > 0 && (
              <button type="button" className={styles.markAll} onClick={() => void markRead({ all: true })} data-testid="inbox-mark-all">
                Mark all read
              </button>
            )}
          </div>
          {entries.length === 0 ? (
            <p className={styles.empty}>No mentions or replies yet.</p>
          ) : (
            <ul className={styles.list}>
              {entries.map((e) => (
                <li key={e.id} className={e.readAt ? styles.read : styles.unread} data-testid="inbox-entry" data-kind={e.kind} data-thread-id={e.threadId}>
                  <a
                    href={`/maps/${e.mapId}?thread=${encodeURIComponent(e.threadId)}`}
                    onClick={(event) => {
                      if (!e.readAt) void markRead({ ids: [e.id] });
                      // On that map already: open the thread in place instead of reloading.
                      if (requestOpenThread(e.mapId, e.threadId)) {
                        event.preventDefault();
                        setOpen(false);
                      }
                    }}
                  >
                    <span className={styles.what}>
                      <strong>{e.authorName}</strong> {e.kind === "mention" ? "mentioned you" : "replied"} in <em>{e.mapTitle}</em>
                    </span>
                    <span className={styles.excerpt}>{e.excerpt || "(deleted)"}</span>
                    <span className={styles.when}>{new Date(e.createdAt).toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
