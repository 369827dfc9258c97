/**
 * Turning a reader selection into a citation range over the source's plain text. The reader
 * renders every paragraph and highlight segment with a `data-offset` (its start in the plain
 * text), so a DOM boundary point becomes `segment offset + characters before it in the segment`.
 * This module holds the framework-free part: combining two such points into a trimmed range.
 */

export interface PlainRange {
  start: number;
  end: number;
}

/** A boundary point resolved to the plain text: the segment's offset plus the characters before the point inside it. */
export function pointOffset(segmentOffset: number, charsBefore: number): number {
  return segmentOffset + Math.max(0, charsBefore);
}

/**
 * Orders the two points, clamps them to the text and trims whitespace at both ends (a
 * double-click or a drag to the end of a line often takes the trailing space or newline).
 * Returns null when nothing but whitespace is selected.
 */
export function normalizeSelection(text: string, a: number, b: number): PlainRange | null {
  let start = Math.max(0, Math.min(a, b, text.length));
  let end = Math.min(text.length, Math.max(a, b, 0));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  // Never split a surrogate pair: the quote would hold half a character.
  if (start > 0 && start < end && isLow(text.charCodeAt(start))) start--;
  if (end < text.length && end > start && isHigh(text.charCodeAt(end - 1))) end++;
  return end > start ? { start, end } : null;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The citation (if any) whose quote contains the whole range, and the range relative to its quote. */
export function rangeInsideCitation<T extends { start: number; end: number }>(
  citations: readonly T[],
  range: PlainRange,
): { citation: T; relative: [number, number] } | null {
  const hits = citations.filter((c) => c.start <= range.start && range.end <= c.end);
  if (hits.length === 0) return null;
  // The tightest quote: the one the reader most likely meant.
  const citation = hits.reduce((best, c) => (c.end - c.start < best.end - best.start ? c : best));
  return { citation, relative: [range.start - citation.start, range.end - citation.start] };
}

/** Adds a highlighted sub-range to a quote's highlights, merging overlapping or touching ones. */
export function mergeHighlight(highlights: readonly [number, number][], added: [number, number]): [number, number][] {
  const all = [...highlights, added].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A short default for a new claim's text: the selected words, cut at a word boundary. */
export function defaultClaimText(quote: string, max = 160): string {
  const flat = quote.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut) + "…";
}
