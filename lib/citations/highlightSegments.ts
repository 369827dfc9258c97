export interface MarkRange<T> {
  start: number;
  end: number;
  data: T;
}

export interface TextSegment<T> {
  start: number;
  end: number;
  text: string;
  /** Every range covering this segment (several claims may cite one passage). */
  marks: T[];
}

/**
 * Splits `text` into segments at every range boundary, so overlapping highlights render as
 * nested-free spans that each know all ranges covering them. Ranges are clamped to the text.
 */
export function highlightSegments<T>(text: string, ranges: MarkRange<T>[], offset = 0): TextSegment<T>[] {
  const length = text.length;
  const clamped = ranges
    .map((r) => ({ ...r, start: Math.max(0, r.start - offset), end: Math.min(length, r.end - offset) }))
    .filter((r) => r.end > r.start);
  const cuts = new Set<number>([0, length]);
  for (const r of clamped) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment<T>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const marks = clamped.filter((r) => r.start <= start && r.end >= end).map((r) => r.data);
    segments.push({ start: start + offset, end: end + offset, text: text.slice(start, end), marks });
  }
  return segments;
}

/** Paragraphs of a plain text with their offsets in the whole text (blank lines dropped). */
export function paragraphsWithOffsets(text: string): { start: number; text: string }[] {
  const result: { start: number; text: string }[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (line.trim().length > 0) result.push({ start, text: line });
    start += line.length + 1;
  }
  return result;
}
