import { forwardRef, type ReactNode } from "react";
import { highlightSegments, paragraphsWithOffsets } from "@/lib/citations/highlightSegments";
import styles from "./SourceReader.module.css";
import { looksLikeTitle } from "@/lib/sources/titleLine";

export interface ReaderCitation {
  id: string;
  start: number;
  end: number;
  stance: "pro" | "con" | null;
  claimText: string;
  /** The position the supported claim serves (border colour); absent when unknown. */
  positionId?: string | null;
  positionColor?: string;
  positionTitle?: string;
}

/**
 * The source text by paragraph, every cited passage highlighted and coloured by stance.
 * Every paragraph and segment carries `data-offset`, its start in the plain text, so a DOM
 * selection maps back to plain-text offsets (lib/sources/domSelection).
 */
export const SourceReader = forwardRef<
  HTMLElement,
  { text: string; citations: ReaderCitation[]; onMouseUp?: () => void; /** Extra margin content per paragraph [start, end) (comment badges). */ paragraphAside?: (start: number, end: number) => ReactNode }
>(function SourceReader(
  { text, citations, onMouseUp, paragraphAside },
  ref,
) {
  const ranges = citations.map((c) => ({ start: c.start, end: c.end, data: c }));
  const anchored = new Set<string>();
  return (
    <article className={styles.reader} data-testid="source-reader" ref={ref} onMouseUp={onMouseUp}>
      {paragraphsWithOffsets(text).map((p, index) => {
        const segments = highlightSegments(p.text, ranges, p.start);
        const claimsHere = new Set(segments.flatMap((s) => s.marks.map((m) => m.id)));
        const positionsHere = new Map<string, ReaderCitation>();
        for (const s of segments) for (const m of s.marks) if (m.positionId && m.positionColor) positionsHere.set(m.positionId, m);
        const Tag = index === 0 && looksLikeTitle(p.text) ? "h2" : "p";
        return (
          <div key={p.start} className={styles.row}>
            <div className={styles.margin} aria-hidden>
              {claimsHere.size > 1 ? <span title={`${claimsHere.size} evidence cards use this paragraph`}>×{claimsHere.size}</span> : null}
              {positionsHere.size > 0 && (
                <span className={styles.stripes}>
                  {[...positionsHere.values()].map((m) => (
                    <span key={m.positionId} className={styles.stripe} style={{ background: m.positionColor }} title={`Serves: ${m.positionTitle ?? ""}`} />
                  ))}
                </span>
              )}
            </div>
            {paragraphAside && <div className={styles.aside}>{paragraphAside(p.start, p.start + p.text.length)}</div>}
            <Tag className={styles.paragraph} data-offset={p.start} id={`p-${p.start}`}>
              {segments.map((s) => {
                if (s.marks.length === 0)
                  return (
                    <span key={s.start} data-offset={s.start}>
                      {s.text}
                    </span>
                  );
                const stances = new Set(s.marks.map((m) => m.stance ?? "none"));
                const tone = stances.size > 1 ? styles.mixed : stances.has("con") ? styles.con : stances.has("pro") ? styles.pro : styles.neutral;
                // The first segment of each citation carries its anchor, so #citation-<id> scrolls to it.
                const anchors = s.marks.filter((m) => !anchored.has(m.id));
                anchors.forEach((m) => anchored.add(m.id));
                const colour = anchors.find((m) => m.positionColor)?.positionColor;
                return (
                  <mark
                    key={s.start}
                    id={anchors[0] ? `citation-${anchors[0].id}` : undefined}
                    className={`${styles.mark} ${tone} ${s.marks.length > 1 ? styles.multi : ""}`}
                    style={colour ? ({ "--position-color": colour } as React.CSSProperties) : undefined}
                    data-offset={s.start}
                    data-citation-ids={s.marks.map((m) => m.id).join(" ")}
                    data-position-ids={[...new Set(s.marks.map((m) => m.positionId).filter(Boolean))].join(" ") || undefined}
                    title={s.marks
                      .map((m) => `${m.stance === "con" ? "Con" : m.stance === "pro" ? "Pro" : "Evidence"}: ${m.claimText}${m.positionTitle ? ` (position: ${m.positionTitle})` : ""}`)
                      .join("\n")}
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
});
