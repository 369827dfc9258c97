import type { CitationData, ClaimData } from "../argument/claimSchema";
import type { MapTree } from "../argument/mapTree";
import { paragraphsWithOffsets } from "../citations/highlightSegments";
import { selectorMatches } from "../citations/textSelectors";
import { positionOf, positionsInOrder } from "./positionOf";

export interface SourceCoverage {
  sourceId: string;
  version: number;
  textLength: number;
  /** Characters inside at least one citation (overlaps counted once). */
  citedChars: number;
  /** citedChars / textLength, in [0, 1]. */
  share: number;
  /** Citations of this source and version whose quote still matches the text. */
  cardCount: number;
  /** Paragraphs no citation touches, with their offset in the text. */
  uncitedParagraphs: { start: number; text: string }[];
  /** Cards of this source per position, in display order; claims outside any position under null. */
  cardsPerPosition: { positionId: string | null; count: number }[];
}

/** Union length of half-open ranges. */
export function unionLength(ranges: readonly { start: number; end: number }[]): number {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const r of sorted) {
    if (r.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = r.start;
      curEnd = r.end;
    } else curEnd = Math.max(curEnd, r.end);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/**
 * How much of one source version the map uses. Only citations of that version whose quote
 * matches the text count (the same rule the server's projection applies).
 */
export function sourceCoverage(input: {
  sourceId: string;
  version: number;
  text: string;
  citations: readonly CitationData[];
  tree: MapTree;
}): SourceCoverage {
  const { sourceId, version, text, tree } = input;
  const cites = input.citations.filter(
    (c) => c.sourceId === sourceId && c.sourceVersion === version && tree.byId.has(c.claimId) && selectorMatches(text, c),
  );
  const citedChars = unionLength(cites);
  const uncitedParagraphs = paragraphsWithOffsets(text).filter((p) => {
    const end = p.start + p.text.length;
    return !cites.some((c) => c.start < end && c.end > p.start);
  });
  const counts = new Map<string | null, number>();
  for (const id of positionsInOrder(tree)) counts.set(id, 0);
  for (const c of cites) {
    const pos = positionOf(tree, c.claimId);
    counts.set(pos, (counts.get(pos) ?? 0) + 1);
  }
  return {
    sourceId,
    version,
    textLength: text.length,
    citedChars,
    share: text.length === 0 ? 0 : citedChars / text.length,
    cardCount: cites.length,
    uncitedParagraphs,
    cardsPerPosition: [...counts].map(([positionId, count]) => ({ positionId, count })),
  };
}

/** Pro/con claims (not positions or the question) that have no evidence card from any source. */
export function unsupportedClaims(tree: MapTree, citations: readonly CitationData[]): ClaimData[] {
  const supported = new Set(citations.map((c) => c.claimId));
  const out: ClaimData[] = [];
  const walk = (nodes: MapTree["detached"]) => {
    for (const n of nodes) {
      if (n.claim.kind === "claim" && !supported.has(n.claim.id)) out.push(n.claim);
      walk(n.children);
    }
  };
  walk(tree.root ? [tree.root] : []);
  return out;
}
