import type { CitationData } from "@/lib/argument/claimSchema";
import { highlightSegments } from "@/lib/citations/highlightSegments";
import styles from "./EvidenceCard.module.css";

export interface CiteLine {
  title: string;
  author: string | null;
  authorQualifications: string | null;
  publisher: string | null;
  publishedAt: string | null;
  url: string | null;
}

function formatCite(cite: CiteLine): string {
  const parts = [
    cite.author ? cite.author + (cite.authorQualifications ? `, ${cite.authorQualifications}` : "") : null,
    cite.publisher,
    cite.publishedAt ? new Date(cite.publishedAt).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" }) : null,
    `“${cite.title}”`,
  ].filter(Boolean);
  return parts.join(" · ");
}

/** A debate card: tag, cite line, and the quote with the words to read aloud emphasised. */
export function EvidenceCard({ citation, cite, href }: { citation: CitationData; cite: CiteLine | null; href: string }) {
  const segments = highlightSegments(
    citation.exact,
    citation.highlights.map(([start, end], i) => ({ start, end, data: i })),
  );
  return (
    // A plain link (full navigation) so the browser scrolls to and :target-styles the passage.
    <a href={href} className={styles.card} data-testid="evidence-card" title="Open the passage in the source">
      <div className={styles.tag}>{citation.tag || "Evidence"}</div>
      {cite && <div className={styles.cite}>{formatCite(cite)}</div>}
      <blockquote className={styles.quote}>
        {segments.map((s) => (s.marks.length ? <mark key={s.start}>{s.text}</mark> : <span key={s.start}>{s.text}</span>))}
      </blockquote>
    </a>
  );
}
