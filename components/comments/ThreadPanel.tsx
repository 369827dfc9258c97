"use client";

import { useEffect, useRef } from "react";
import type { ThreadView } from "@/lib/db/comments";
import { CommentBox } from "./CommentBox";
import { startThread } from "./commentClient";
import { useComments, type PanelTarget } from "./commentsContext";
import { ThreadCard } from "./ThreadCard";
import styles from "./Comments.module.css";

function overlaps(thread: ThreadView, sourceId: string, start: number, end: number): boolean {
  const s = thread.selector as { start?: number; end?: number } | null;
  return thread.sourceId === sourceId && typeof s?.start === "number" && typeof s.end === "number" && s.start < end && s.end > start;
}

/** Open threads first (newest first), then resolved ones. */
function ordered(threads: ThreadView[]): ThreadView[] {
  return [...threads.filter((t) => !t.resolvedAt), ...threads.filter((t) => t.resolvedAt)];
}

/** The side panel: threads of one claim, card or passage (with a new-thread box), one thread, or all open threads. */
export function ThreadPanel({
  target,
  onTarget,
  onClose,
  error,
  loaded,
  docked = false,
}: {
  target: PanelTarget;
  onTarget(t: PanelTarget): void;
  onClose(): void;
  error: string | null;
  loaded: boolean;
  /** In the workspace's side panel (in the flow of the page) rather than over its right edge. */
  docked?: boolean;
}) {
  const ctx = useComments();
  // The members' names turn @mentions into chips in the threads shown.
  const { loadMembers } = ctx;
  useEffect(() => loadMembers(), [loadMembers]);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !(event.target as HTMLElement | null)?.closest("textarea")) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  // Focus moves into the panel when it opens or changes subject, unless a box in it has it already.
  useEffect(() => {
    if (!panelRef.current?.contains(document.activeElement)) panelRef.current?.focus();
  }, [target]);

  let title: string;
  let threads: ThreadView[];
  let newThread: Parameters<typeof startThread>[1] | null = null;
  let quote: string | null = null;
  switch (target.kind) {
    case "claim":
      title = "Comments on this claim";
      threads = ordered(ctx.threads.filter((t) => t.claimId === target.claimId));
      newThread = { kind: "claim", claimId: target.claimId };
      break;
    case "citation":
      title = "Comments on this evidence card";
      threads = ordered(ctx.threads.filter((t) => t.citationId === target.citationId));
      newThread = { kind: "citation", citationId: target.citationId };
      break;
    case "passage":
      title = "Comments on this passage";
      quote = target.selector.exact;
      threads = ordered(ctx.threads.filter((t) => overlaps(t, target.sourceId, target.selector.start, target.selector.end)));
      newThread = { kind: "passage", sourceId: target.sourceId, sourceVersion: target.sourceVersion, selector: target.selector };
      break;
    case "thread":
      title = "Comment thread";
      threads = ctx.threads.filter((t) => t.id === target.threadId);
      break;
    case "threads":
      title = target.title;
      threads = ordered(ctx.threads.filter((t) => target.threadIds.includes(t.id)));
      break;
    case "open":
      title = "Open threads";
      threads = ctx.threads.filter((t) => !t.resolvedAt);
      break;
  }
  // What the panel is about, even before its first thread exists.
  const subject =
    target.kind === "claim" || target.kind === "citation"
      ? ctx.describe({ target: target.kind, claimId: target.kind === "claim" ? target.claimId : null, citationId: target.kind === "citation" ? target.citationId : null, selector: null } as ThreadView)
      : target.kind === "thread" && threads[0]
        ? ctx.describe(threads[0])
        : null;

  return (
    <aside className={docked ? `${styles.panel} ${styles.docked}` : styles.panel} aria-label={title} data-testid="thread-panel" ref={panelRef} tabIndex={-1}>
      <header className={styles.panelHeader}>
        <h2>{title}</h2>
        {target.kind !== "open" && (
          <button type="button" className={styles.linkButton} onClick={() => onTarget({ kind: "open" })} data-testid="show-open-threads">
            All open threads
          </button>
        )}
        <button type="button" className={styles.close} onClick={onClose} aria-label="Close comments" data-testid="thread-panel-close">
          ×
        </button>
      </header>
      {!ctx.canComment && (
        <p className={styles.viewerNote} role="note" data-testid="comments-read-only">
          You can read comments but not write them: your role on this map is viewer.
        </p>
      )}
      {error && (
        <p className={styles.boxError} role="alert">
          {error}
        </p>
      )}
      {quote !== null && <blockquote className={styles.quote}>{quote}</blockquote>}
      {subject && target.kind !== "passage" && <p className={styles.subject}>{subject}</p>}
      {newThread && ctx.canComment && (
        <section className={styles.newThread}>
          <CommentBox
            members={ctx.members}
            onFocus={ctx.loadMembers}
            submitLabel="Comment"
            placeholder={threads.length ? "Start another thread…" : "Start a thread…"}
            autoFocus
            testId="new-thread-input"
            onSubmit={async (body, mentions) => ctx.upsert(await startThread(ctx.mapId, newThread!, body, mentions))}
          />
        </section>
      )}
      <div className={styles.threadList}>
        {threads.map((t) => (
          <ThreadCard key={t.id} thread={t} label={target.kind === "open" || target.kind === "threads" ? ctx.describe(t) : undefined} />
        ))}
        {threads.length === 0 && loaded && (
          <p className={styles.empty}>{target.kind === "thread" ? "This thread no longer exists." : target.kind === "open" ? "No open threads on this map." : "No comments yet."}</p>
        )}
      </div>
    </aside>
  );
}
