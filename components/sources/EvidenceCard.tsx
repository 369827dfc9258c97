import type { CitationData } from "@/lib/argument/claimSchema";
import { fullCite, shortCite, type CiteFields } from "@/lib/citations/debateCite";
import { highlightSegments } from "@/lib/citations/highlightSegments";
import { isStaleCard } from "@/lib/citations/staleCard";
import styles from "./EvidenceCard.module.css";

/** The cite metadata of the card's source, as the page passes it down, with its newest version. */
export type CiteLine = CiteFields & { latestVersion?: number };

/** A debate card: tag, cite line, and the quote with the words to read aloud emphasised. */
export function EvidenceCard({ citation, cite, href }: { citation: CitationData; cite: CiteLine | null; href: string }) {
  const segments = highlightSegments(
    citation.exact,
    citation.highlights.map(([start, end], i) => ({ start, end, data: i })),
  );
  return (
    // A plain link (full navigation) so the browser scrolls to and :target-styles the passage.
    <a href={href} className={styles.card} data-part="card" data-source-id={citation.sourceId} data-citation-id={citation.id} data-testid="evidence-card" title="Open the passage in the source">
      <div className={styles.tag}>{citation.tag || "Evidence"}</div>
      {cite && (
        <div className={styles.cite}>
          <strong className={styles.shortCite}>{shortCite(cite)}</strong> <span data-part="full-cite">[{fullCite(cite)}]</span>
        </div>
      )}
      {isStaleCard(citation.sourceVersion, cite?.latestVersion) && (
        <div className={styles.stale} data-testid="stale-card" title={`This quote is from version ${citation.sourceVersion}; its passage was not found in version ${cite!.latestVersion}.`}>
          v{citation.sourceVersion} · passage changed in v{cite!.latestVersion}
        </div>
      )}
      <blockquote className={styles.quote} data-part="quote">
        {segments.map((s) => (s.marks.length ? <mark key={s.start}>{s.text}</mark> : <span key={s.start}>{s.text}</span>))}
      </blockquote>
    </a>
  );
}
