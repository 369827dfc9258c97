import type { AuditEntry } from "@/lib/db/auditLog";
import { auditSentence } from "./auditSentence";
import styles from "./ActivityList.module.css";

/** Who did what, newest first (server-rendered; all text as React text). */
export function ActivityList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="notice">No activity recorded yet.</p>;
  return (
    <ol className={styles.list} data-testid="activity-list">
      {entries.map((e) => (
        <li key={e.id} data-action={e.action}>
          <strong>{e.actorName ?? "Someone"}</strong> {auditSentence(e)}
          <time className={styles.time} dateTime={e.createdAt}>
            {new Date(e.createdAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
          </time>
        </li>
      ))}
    </ol>
  );
}
