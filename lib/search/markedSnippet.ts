// Turns ts_headline's output (matches between two private-use marker characters) into plain
// text plus match ranges. The API returns text, never HTML: the client wraps the ranges in
// <mark> elements itself, so no stored text can become markup (docs/search.md).

export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
/** Stands for "<" in the text given to ts_headline, which would otherwise strip tag-like runs. */
export const LESS_THAN_STAND_IN = "\uE002";

export interface MarkedSnippet {
  /** Plain text. */
  snippet: string;
  /** [start, end) offsets into `snippet` of the matched words, ascending, not overlapping. */
  highlights: [number, number][];
}

/** Word trigram similarity at or above this marks a word as a fuzzy match (pg_trgm's default is 0.3 for `%`). */
const FUZZY_WORD_SIMILARITY = 0.4;

export function parseMarkedSnippet(marked: string, query: string): MarkedSnippet {
  let snippet = "";
  const highlights: [number, number][] = [];
  let open = -1;
  for (const char of marked) {
    if (char === MARK_START) open = snippet.length;
    else if (char === MARK_END) {
      if (open >= 0 && snippet.length > open) highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += char === LESS_THAN_STAND_IN ? "<" : char;
  }
  // No full-text match (a typo or a partial word found it by trigrams): mark the words that
  // look like a query word.
  return { snippet, highlights: highlights.length > 0 ? highlights : fuzzyHighlights(snippet, query) };
}

function fuzzyHighlights(snippet: string, query: string): [number, number][] {
  const queryWords = words(query).map((w) => w.text.toLowerCase());
  if (queryWords.length === 0) return [];
  const queryTrigrams = queryWords.map(trigrams);
  return words(snippet)
    .filter((word) => {
      const lower = word.text.toLowerCase();
      return queryWords.some((q, i) => lower.startsWith(q) || similarity(trigrams(lower), queryTrigrams[i]) >= FUZZY_WORD_SIMILARITY);
    })
    .map((word) => [word.start, word.start + word.text.length] as [number, number]);
}

function words(text: string): { text: string; start: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => m[0].length >= 3).map((m) => ({ text: m[0], start: m.index! }));
}

/** pg_trgm's trigrams of one word: padded with two spaces in front and one behind. */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
