"use client";

import { useState } from "react";
import type { ThreadView } from "@/lib/db/comments";
import { CommentBody } from "./CommentBody";
import { CommentBox } from "./CommentBox";
import { deleteComment, editComment, replyToThread, setResolved } from "./commentClient";
import { useComments } from "./commentsContext";
import styles from "./Comments.module.css";

function when(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}

/** One thread: its comments in order, edit/delete of my own, reply, resolve/reopen. */
export function ThreadCard({ thread, label }: { thread: ThreadView; label?: string }) {
  const ctx = useComments();

  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resolved = thread.resolvedAt !== null;

  const run = async (fn: () => Promise<ThreadView>) => {
    setError(null);
    try {
      ctx.upsert(await fn());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <article className={`${styles.thread} ${resolved ? styles.resolved : ""}`} data-testid="comment-thread" data-thread-id={thread.id} data-resolved={resolved ? "true" : "false"}>
      {label && <div className={styles.threadTarget}>{label}</div>}
      {resolved && (
        <div className={styles.resolvedNote}>
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""} · {when(thread.resolvedAt!)}
        </div>
      )}
      <ol className={styles.comments}>
        {thread.comments.map((c) => (
          <li key={c.id} className={styles.comment} data-testid="comment" data-comment-id={c.id}>
            <div className={styles.meta}>
              <strong>{c.authorName}</strong> <span>{when(c.createdAt)}</span>
              {c.editedAt && !c.deleted && <span> · edited</span>}
            </div>
            {c.deleted ? (
              <p className={styles.deleted}>Comment deleted.</p>
            ) : editing === c.id ? (
              <CommentBox
                members={ctx.members}
                onFocus={ctx.loadMembers}
                initial={c.body}
                submitLabel="Save"
                placeholder="Edit your comment"
                autoFocus
                testId="comment-edit-input"
                onCancel={() => setEditing(null)}
                onSubmit={async (body, mentions) => {
                  ctx.upsert(await editComment(ctx.mapId, c.id, body, mentions));
                  setEditing(null);
                }}
              />
            ) : (
              <p className={styles.body} data-testid="comment-body">
                <CommentBody body={c.body} members={ctx.allMembers} />
              </p>
            )}
            {!c.deleted && editing !== c.id && ctx.canDeleteComment(c.authorId) && (
              <div className={styles.commentActions}>
                {ctx.canEditComment(c.authorId) && (
                  <button type="button" className={styles.linkButton} onClick={() => setEditing(c.id)} data-testid="comment-edit">
                    Edit
                  </button>
                )}
                <button
                  type="button"
                  className={styles.linkButton}
                  data-testid="comment-delete"
                  onClick={() => {
                    if (window.confirm("Delete this comment? Its text will be hidden for everyone.")) void run(() => deleteComment(ctx.mapId, c.id));
                  }}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className={styles.boxError} role="alert">
          {error}
        </p>
      )}
      {ctx.canComment && (
        <div className={styles.threadFooter}>
          {!resolved && (
            <CommentBox
              members={ctx.members}
              onFocus={ctx.loadMembers}
              submitLabel="Reply"
              placeholder="Reply…"
              testId="reply-input"
              onSubmit={async (body, mentions) => ctx.upsert(await replyToThread(ctx.mapId, thread.id, body, mentions))}
            />
          )}
          <button type="button" className={styles.resolveButton} onClick={() => void run(() => setResolved(ctx.mapId, thread.id, !resolved))} data-testid={resolved ? "thread-reopen" : "thread-resolve"}>
            {resolved ? "Reopen" : "✓ Resolve"}
          </button>
        </div>
      )}
    </article>
  );
}
