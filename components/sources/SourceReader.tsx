import { highlightSegments, paragraphsWithOffsets } from "@/lib/citations/highlightSegments";
import styles from "./SourceReader.module.css";

export interface ReaderCitation {
  id: string;
  start: number;
  end: number;
  stance: "pro" | "con" | null;
  claimText: string;
}

/** The source text by paragraph, every cited passage highlighted and coloured by stance. */
export function SourceReader({ text, citations }: { text: string; citations: ReaderCitation[] }) {
  const ranges = citations.map((c) => ({ start: c.start, end: c.end, data: c }));
  const anchored = new Set<string>();
  return (
    <article className={styles.reader} data-testid="source-reader">
      {paragraphsWithOffsets(text).map((p, index) => {
        const segments = highlightSegments(p.text, ranges, p.start);
        const claimsHere = new Set(segments.flatMap((s) => s.marks.map((m) => m.id)));
        const Tag = index === 0 ? "h2" : "p";
        return (
          <div key={p.start} className={styles.row}>
            <div className={styles.margin} aria-hidden>
              {claimsHere.size > 1 ? <span title={`${claimsHere.size} evidence cards use this paragraph`}>×{claimsHere.size}</span> : null}
            </div>
            <Tag className={styles.paragraph}>
              {segments.map((s) => {
                if (s.marks.length === 0) return <span key={s.start}>{s.text}</span>;
                const stances = new Set(s.marks.map((m) => m.stance ?? "none"));
                const tone = stances.size > 1 ? styles.mixed : stances.has("con") ? styles.con : stances.has("pro") ? styles.pro : styles.neutral;
                // The first segment of each citation carries its anchor, so #citation-<id> scrolls to it.
                const anchors = s.marks.filter((m) => !anchored.has(m.id));
                anchors.forEach((m) => anchored.add(m.id));
                return (
                  <mark
                    key={s.start}
                    id={anchors[0] ? `citation-${anchors[0].id}` : undefined}
                    className={`${styles.mark} ${tone} ${s.marks.length > 1 ? styles.multi : ""}`}
                    data-citation-ids={s.marks.map((m) => m.id).join(" ")}
                    title={s.marks.map((m) => `${m.stance === "con" ? "Con" : m.stance === "pro" ? "Pro" : "Evidence"}: ${m.claimText}`).join("\n")}
                  >
                    {anchors.slice(1).map((m) => (
                      <span key={m.id} id={`citation-${m.id}`} />
                    ))}
                    {s.text}
                  </mark>
                );
              })}
            </Tag>
          </div>
        );
      })}
    </article>
  );
}
