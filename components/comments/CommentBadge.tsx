"use client";

import { useOptionalComments } from "./commentsContext";
import styles from "./Comments.module.css";

export function Bubble() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The comment button of a claim or an evidence card: a count badge while it has open
 * threads, otherwise (for commenters and up) a quiet "Comment" that shows on hover/focus.
 */
export function CommentBadge({ target }: { target: { kind: "claim"; claimId: string } | { kind: "citation"; citationId: string } }) {
  const ctx = useOptionalComments();
  if (!ctx) return null;
  const count = target.kind === "claim" ? (ctx.openByClaim.get(target.claimId) ?? 0) : (ctx.openByCitation.get(target.citationId) ?? 0);
  const what = target.kind === "claim" ? "claim" : "evidence card";
  if (count === 0 && !ctx.canComment) return null;
  return (
    <button
      type="button"
      className={count > 0 ? styles.badge : styles.addComment}
      onClick={(event) => {
        event.stopPropagation();
        ctx.open(target);
      }}
      title={count > 0 ? `${count} open comment thread${count === 1 ? "" : "s"} on this ${what}` : `Comment on this ${what}`}
      aria-label={count > 0 ? `${count} open comment thread${count === 1 ? "" : "s"}` : `Comment on this ${what}`}
      data-testid={target.kind === "claim" ? "claim-comments" : "card-comments"}
      data-count={count}
    >
      <Bubble />
      {count > 0 ? count : "Comment"}
    </button>
  );
}

/** The toolbar button that lists every open thread of the map. */
export function OpenThreadsButton() {
  const ctx = useOptionalComments();
  if (!ctx) return null;
  const open = ctx.threads.filter((t) => !t.resolvedAt).length;
  return (
    <button type="button" className={styles.toolbarButton} onClick={() => ctx.open({ kind: "open" })} data-testid="open-threads" title="All open comment threads of this map">
      <Bubble /> Threads{open > 0 ? ` (${open})` : ""}
    </button>
  );
}
