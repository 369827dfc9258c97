import type { Ref } from "react";
import { CornerDownRight } from "lucide-react";
import type { DebateFlow, FlowEntry } from "@/lib/interchange/debateFlow";
import styles from "./FlowSheet.module.css";

const pct = (x: number) => `${Math.round(x * 100)}%`;

function Entry({ entry }: { entry: FlowEntry }) {
  const dropTip = `Dropped: the ${entry.side === "aff" ? "negative" : "affirmative"} never answered this.`;
  return (
    <li className={`${styles.entry} ${entry.side === "aff" ? styles.aff : styles.neg} ${entry.kind === "position" ? styles.position : ""}`} data-testid="flow-entry" data-claim-id={entry.claimId} data-dropped={entry.dropped ? "true" : "false"}>
      {entry.answers && (
        <div className={styles.answers}>
          <CornerDownRight aria-hidden="true" size={12} className={styles.answersIcon} /> vs. {entry.answers.text || "(empty)"}
        </div>
      )}
      <div className={styles.text}>{entry.text || "(empty)"}</div>
      <div className={styles.meta}>
        <span>{pct(entry.strength)}</span>
        {entry.cards > 0 && <span>{entry.cards} card{entry.cards === 1 ? "" : "s"}</span>}
        {entry.support > 0 && entry.kind !== "position" && <span>+{entry.support} backing</span>}
        {entry.dropped && (
          <span className={styles.dropped} title={dropTip} data-testid="flow-dropped">
            dropped
          </span>
        )}
      </div>
    </li>
  );
}

interface Props {
  flow: DebateFlow;
  /** The columns' box, for a caller that sizes it (the live flow fills the window). */
  columnsRef?: Ref<HTMLDivElement>;
  /** Give the columns a fixed height: they scroll both ways inside it and the speech headers stay in view. */
  height?: number | null;
}

/** Columns per speech (at least 220 px each, scrolling sideways), each side's arguments strongest first; dropped ones marked. */
export function FlowSheet({ flow, columnsRef, height }: Props) {
  return (
    <div className={styles.flow} data-testid="flow-sheet">
      <p className={styles.legend}>
        <span className={styles.affKey}>Aff</span> {flow.affPosition ?? "—"} · <span className={styles.negKey}>Neg</span> {flow.negPosition ?? "—"}
      </p>
      <div
        ref={columnsRef}
        className={`${styles.columns} ${height ? styles.boxed : ""}`}
        style={height ? { height } : undefined}
        data-testid="flow-columns"
        tabIndex={0}
        aria-label="Flow columns (scrolls sideways)"
      >
        {flow.columns.map((column) => (
          <section key={column.speech.id} className={styles.column} aria-label={`${column.speech.id}: ${column.speech.description}`} data-testid={`flow-column-${column.speech.id}`}>
            <header className={styles.columnHead} data-testid="flow-column-head">
              <h2 className={`${styles.head} ${column.speech.side === "aff" ? styles.affHead : styles.negHead}`} title={column.speech.description}>
                {column.speech.id}
              </h2>
              <p className={styles.description}>{column.speech.description}</p>
            </header>
            {column.entries.length === 0 ? (
              <p className={styles.empty}>—</p>
            ) : (
              <ol className={styles.list}>
                {column.entries.map((e) => (
                  <Entry key={e.claimId} entry={e} />
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
