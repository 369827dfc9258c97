import { prepareMatchingText } from "./matchingText";
import { reanchor, type ReanchorResult } from "./reanchor";
import { describeRange, selectorMatches, type TextSelector } from "./textSelectors";

/**
 * Re-anchors every citation of a source when a new version of it is imported. Knowing the old
 * text as well as the new one helps twice: context is rebuilt from the old text whenever the stored
 * position is still valid there (so citations saved with short or no context are matched on a full
 * 32 characters each side), and the unchanged head and tail shared by both versions tell where a
 * passage after an edit has moved to, which decides between duplicate passages better than the old
 * offset does.
 */

export interface StoredCitation extends TextSelector {
  id: string;
}

export type CitationReanchoring = ReanchorResult & { id: string };

export interface ReanchorSummary {
  exactPosition: number;
  exactNearby: number;
  fuzzy: number;
  orphaned: number;
}

export function reanchorAll(
  oldText: string,
  newText: string,
  citations: StoredCitation[],
): { results: CitationReanchoring[]; summary: ReanchorSummary } {
  const prepared = prepareMatchingText(newText);
  const tail = sharedTailLength(oldText, newText);
  const shift = newText.length - oldText.length;
  const summary: ReanchorSummary = { exactPosition: 0, exactNearby: 0, fuzzy: 0, orphaned: 0 };
  const results = citations.map((citation): CitationReanchoring => {
    const selector = selectorMatches(oldText, citation)
      ? describeRange(oldText, citation.start, citation.end)
      : { exact: citation.exact, prefix: citation.prefix, suffix: citation.suffix, start: citation.start, end: citation.end };
    // Behind the last edit the passage moved by exactly the change in length.
    const positionHint = citation.start >= oldText.length - tail ? citation.start + shift : citation.start;
    const result = reanchor(newText, selector, { prepared, positionHint });
    summary[SUMMARY_KEY[result.status]]++;
    return { id: citation.id, ...result };
  });
  return { results, summary };
}

const SUMMARY_KEY = {
  "exact-position": "exactPosition",
  "exact-nearby": "exactNearby",
  fuzzy: "fuzzy",
  orphaned: "orphaned",
} as const satisfies Record<ReanchorResult["status"], keyof ReanchorSummary>;

/** Length of the longest common tail of two texts that does not reach into their common head. */
function sharedTailLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let head = 0;
  while (head < limit && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return tail;
}
