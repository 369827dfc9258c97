import { staleCardWarning, type BriefArgument, type BriefCard, type BriefSide } from "@/lib/interchange/debateBrief";
import { percent, responseLabel } from "@/lib/interchange/briefMarkdown";
import { FLAG_LABELS } from "@/lib/argument/claimFlags";
import styles from "./brief.module.css";

export type { BriefSide };

/** A debate card as on the evidence card: bold tag, cite line, quote with read words marked. */
export function BriefCardView({ card }: { card: BriefCard }) {
  return (
    <div className={styles.card} data-testid="brief-card">
      <div className={styles.tag}>{card.tag}</div>
      {card.cite && (
        <div className={styles.cite}>
          <strong className={styles.shortCite}>{card.shortCite}</strong> [{card.cite}]
        </div>
      )}
      {card.stale && (
        <p className={styles.stale} role="note" data-testid="stale-card">
          ⚠ {staleCardWarning(card.stale)}
        </p>
      )}
      <blockquote className={styles.quote}>
        {card.segments.map((s, i) => (s.highlighted ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
      </blockquote>
      {card.note.trim() && <p className={styles.note}>Note: {card.note}</p>}
    </div>
  );
}

function Details({ argument }: { argument: BriefArgument }) {
  return (
    <span className={styles.details}>
      <span className={styles.strength}>strength {percent(argument.strength)}</span>
      {argument.flags.map((f) => (
        <span key={f} className={`${styles.flag} ${styles[f]}`}>{FLAG_LABELS[f]}</span>
      ))}
    </span>
  );
}

function Responses({ list }: { list: BriefArgument[] }) {
  if (list.length === 0) return null;
  return (
    <ul className={styles.responses}>
      {list.map((r) => (
        <li key={r.claimId} className={r.ours ? styles.oursResponse : styles.theirsResponse}>
          <p className={styles.responseLine}>
            <strong>{responseLabel(r)}:</strong> {r.text} <Details argument={r} />
          </p>
          {r.cards.map((c) => <BriefCardView key={c.citationId} card={c} />)}
          <Responses list={r.responses} />
        </li>
      ))}
    </ul>
  );
}

function Block({ heading, argument, target }: { heading: string; argument: BriefArgument; target?: string }) {
  return (
    <section className={styles.block}>
      <h3>{heading}</h3>
      <p className={styles.blockMeta}>
        {target && <span>Against: {target} · </span>}
        <Details argument={argument} />
      </p>
      {argument.cards.map((c) => <BriefCardView key={c.citationId} card={c} />)}
      <Responses list={argument.responses} />
    </section>
  );
}

/** A hat: a titled group of blocks. */
export function BriefSection({ title, empty, note, children }: { title: string; empty: boolean; note?: string; children: React.ReactNode }) {
  return (
    <section className={styles.hat}>
      <h2>{title}</h2>
      {note && <p className={styles.blockMeta}>{note}</p>}
      {empty ? <p className="muted">Nothing prepared yet.</p> : children}
    </section>
  );
}
BriefSection.Block = Block;
