"use client";

import { selectorMatches } from "@/lib/citations/textSelectors";
import { Bubble } from "./CommentBadge";
import { useOptionalComments } from "./commentsContext";
import styles from "./Comments.module.css";

/**
 * In the source reader's margin: how many open threads are on passages starting in this
 * paragraph (of this text: a thread whose quote no longer matches is not placed).
 */
export function PassageBadge({ sourceId, text, start, end }: { sourceId: string; text: string; start: number; end: number }) {
  const ctx = useOptionalComments();
  if (!ctx) return null;
  const here = ctx.threads.filter((t) => {
    if (t.resolvedAt || t.sourceId !== sourceId) return false;
    const s = t.selector as { exact: string; start: number; end: number } | null;
    return !!s && s.start >= start && s.start < end && selectorMatches(text, s);
  });
  if (here.length === 0) return null;
  return (
    <button
      type="button"
      className={`${styles.badge} ${styles.passageBadge}`}
      onClick={() => ctx.open({ kind: "threads", title: "Comments on this paragraph", threadIds: here.map((t) => t.id) })}
      title={`${here.length} open comment thread${here.length === 1 ? "" : "s"} on passages here`}
      aria-label={`${here.length} open comment thread${here.length === 1 ? "" : "s"} on this paragraph`}
      data-testid="passage-comments"
      data-count={here.length}
    >
      <Bubble /> {here.length}
    </button>
  );
}
