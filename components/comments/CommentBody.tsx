import { mentionSpans, type MentionCandidate } from "@/lib/comments/mentions";
import styles from "./Comments.module.css";

/** A comment's text with its @mentions of members shown as chips (plain text otherwise). */
export function CommentBody({ body, members }: { body: string; members: readonly MentionCandidate[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of mentionSpans(body, members)) {
    if (span.start > at) parts.push(body.slice(at, span.start));
    parts.push(
      <span key={span.start} className={styles.mention} data-testid="mention-chip">
        {body.slice(span.start, span.end)}
      </span>,
    );
    at = span.end;
  }
  if (at < body.length) parts.push(body.slice(at));
  return <>{parts}</>;
}
