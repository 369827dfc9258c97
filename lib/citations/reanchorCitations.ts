import { mapThroughAlignment, type MappedSpan } from "./mapThroughAlignment";
import { normalizeForMatching, prepareMatchingText } from "./matchingText";
import { reanchor, type ReanchorResult, type ReanchorStatus } from "./reanchor";
import { firstTokenEndingAfter, lastTokenStartingBefore, tokenize } from "./textTokens";
import { describeRange, selectorMatches, type TextSelector } from "./textSelectors";
import { alignVersions, insertedShare, type VersionAlignment } from "./versionAlignment";

/**
 * Re-anchors every citation of a source when a new version of it is imported. Claimboard has both
 * versions, so it does not have to work from the quote alone as a web annotator does:
 *
 *  1. The two versions are aligned once by a word diff (versionAlignment.ts) and each passage is
 *     mapped through it (mapThroughAlignment.ts). This places passages edited inside — words
 *     inserted, a phrase replaced by a longer one — which a quote search must give up on once the
 *     edits exceed its error budget, and it takes every edit at the edges whole, never half.
 *  2. Passages the diff cannot place (moved elsewhere, or mostly gone) go to the quote search of
 *     reanchor.ts, verbatim then approximate with context. A moved passage is new text in the new
 *     version's diff, so a candidate must lie mostly in inserted text — not in text the diff says
 *     was already there, which is some other passage however similar — and must begin and end with
 *     the quote's first and last words; anything else is orphaned for review.
 *
 * Context is rebuilt from the old text whenever the stored position is still valid there, so
 * citations saved with short or no context are searched with a full 32 characters each side.
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
  citations: readonly StoredCitation[],
  alignment: VersionAlignment = alignVersions(oldText, newText),
): { results: CitationReanchoring[]; summary: ReanchorSummary } {
  const results = citations.map((citation): CitationReanchoring => ({ id: citation.id, ...reanchorOne(alignment, citation) }));
  return { results, summary: summarize(results) };
}

/**
 * Re-anchors citations made in `texts[0]` onto the last of `texts`, through every version between:
 * each step's diff is small and reliable where one diff across many revisions is not. The result is
 * the same as re-anchoring step by step; a passage lost in one version stays orphaned (on its own
 * version, for review) rather than being searched for again in later ones. Status is the least
 * certain of the steps and the score their product.
 */
export function reanchorThroughVersions(
  texts: readonly string[],
  citations: readonly StoredCitation[],
): { results: CitationReanchoring[]; summary: ReanchorSummary } {
  if (texts.length < 2) throw new RangeError("re-anchoring needs at least an old and a new version");
  const results = new Map<string, CitationReanchoring>(citations.map((c) => [c.id, { id: c.id, status: "exact-position", start: c.start, end: c.end, score: 1, exact: c.exact }]));
  let live: StoredCitation[] = [...citations];
  let prepared = prepareMatchingText(texts[0]);
  for (let k = 1; k < texts.length && live.length > 0; k++) {
    const next = prepareMatchingText(texts[k]);
    const step = reanchorAll(texts[k - 1], texts[k], live, alignVersions(prepared, next));
    const carried: StoredCitation[] = [];
    for (const r of step.results) {
      const before = results.get(r.id)!;
      if (r.status === "orphaned") {
        results.set(r.id, { id: r.id, status: "orphaned" });
        continue;
      }
      results.set(r.id, { ...r, status: leastCertain(before.status, r.status), score: (before.score ?? 1) * (r.score ?? 1) });
      carried.push({ id: r.id, ...describeRange(texts[k], r.start!, r.end!) });
    }
    live = carried;
    prepared = next;
  }
  const ordered = citations.map((c) => results.get(c.id)!);
  return { results: ordered, summary: summarize(ordered) };
}

function reanchorOne(alignment: VersionAlignment, citation: StoredCitation): ReanchorResult {
  const oldText = alignment.oldText.original;
  const newText = alignment.newText.original;
  if (newText.length === 0) return { status: "orphaned" };
  if (!selectorMatches(oldText, citation)) {
    // The stored position does not hold in the old text (a selector from elsewhere): only its quote can be searched for.
    return wholePassageOrOrphaned(citation.exact, reanchor(newText, citation, { prepared: alignment.newText }));
  }
  const mapped = mapThroughAlignment(alignment, citation.start, citation.end);
  if (mapped) return fromMapped(alignment, citation, mapped);
  const found = searchInsertedText(alignment, describeRange(oldText, citation.start, citation.end));
  if (found.status === "orphaned") return found;
  // A moved passage must also keep its first and last words: one moved and edited at an edge goes to review.
  return wholePassageOrOrphaned(citation.exact, found);
}

/**
 * The quote search for a passage the diff could not place, run only where a moved passage can be:
 * in stretches of inserted text at least half as long as the quote (with the quote's length of
 * context either side, for its prefix and suffix). Text the diff matched to the old version was
 * some other passage there, however similar, and a candidate must be at least half new text.
 */
function searchInsertedText(alignment: VersionAlignment, selector: TextSelector): ReanchorResult {
  const newText = alignment.newText.original;
  const length = selector.end - selector.start;
  const quoteWords = tokenize(prepareMatchingText(selector.exact)).keys.map((k) => k.toLowerCase());
  const quoteChars = quoteWords.reduce((n, k) => n + k.length, 0);
  const words = insertedWords(alignment);
  const windows: { start: number; end: number }[] = [];
  for (const [index, r] of alignment.inserted.entries()) {
    if (r.end - r.start < length / 2) continue;
    // Cheap before the search: a stretch holding the passage holds most of its words.
    let shared = 0;
    for (const k of quoteWords) if (words[index].has(k)) shared += k.length;
    if (shared < quoteChars / 2) continue;
    const start = Math.max(0, r.start - length);
    const end = Math.min(newText.length, r.end + length);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  let best: ReanchorResult = { status: "orphaned" };
  for (const w of windows) {
    const text = newText.slice(w.start, w.end);
    const local = { ...selector, start: selector.start - w.start, end: selector.end - w.start };
    const found = reanchor(text, local, { positionHint: mappedPosition(alignment, selector.start) - w.start });
    if (found.status === "orphaned") continue;
    const start = found.start! + w.start;
    const end = found.end! + w.start;
    if (insertedShare(alignment, start, end) < 0.5) continue;
    // Offsets moved with the window, so "same position" is no longer a fact about the whole text.
    const status = found.status === "exact-position" ? (start === selector.start ? "exact-position" : "exact-nearby") : found.status;
    if (best.status === "orphaned" || found.score! > best.score!) best = { ...found, status, start, end };
  }
  return best;
}

const wordsOfInserted = new WeakMap<VersionAlignment, Set<string>[]>();

/** The (case-folded) words of each inserted stretch, computed once per alignment. */
function insertedWords(alignment: VersionAlignment): Set<string>[] {
  let sets = wordsOfInserted.get(alignment);
  if (sets) return sets;
  const { newTokens } = alignment;
  sets = alignment.inserted.map((r) => {
    const set = new Set<string>();
    for (let j = firstTokenEndingAfter(newTokens, r.start); j < newTokens.keys.length && newTokens.starts[j] < r.end; j++) set.add(newTokens.keys[j].toLowerCase());
    return set;
  });
  wordsOfInserted.set(alignment, sets);
  return sets;
}

function fromMapped(alignment: VersionAlignment, citation: StoredCitation, mapped: MappedSpan): ReanchorResult {
  const exact = alignment.newText.original.slice(mapped.start, mapped.end);
  if (mapped.start === citation.start && exact === citation.exact) return { status: "exact-position", start: mapped.start, end: mapped.end, score: 1, exact };
  const score = mapped.kept / Math.max(mapped.quoteChars, mapped.spanChars);
  const same = normalizeForMatching(exact) === normalizeForMatching(citation.exact);
  return { status: same ? "exact-nearby" : "fuzzy", start: mapped.start, end: mapped.end, score: same ? 1 : score, exact };
}

/**
 * A found span whose edges are neither the quote's edge marks nor its edge words ends inside an
 * edit: a partial passage. Either is enough ("…American lives." → "…American families." keeps its
 * full stop; "…a version to use." → "…a version to use" keeps its last word).
 */
function wholePassageOrOrphaned(quote: string, found: ReanchorResult): ReanchorResult {
  if (found.status === "orphaned" || found.status === "exact-position" || found.status === "exact-nearby") return found;
  const before = tokenize(prepareMatchingText(quote)).keys;
  const after = tokenize(prepareMatchingText(found.exact!)).keys;
  const wordsBefore = before.filter(isWord);
  const wordsAfter = after.filter(isWord);
  if (before.length === 0 || after.length === 0) return { status: "orphaned" };
  const sameStart = before[0] === after[0] || (wordsBefore.length > 0 && wordsBefore[0] === wordsAfter[0]);
  const sameEnd = before[before.length - 1] === after[after.length - 1] || (wordsBefore.length > 0 && wordsBefore[wordsBefore.length - 1] === wordsAfter[wordsAfter.length - 1]);
  return sameStart && sameEnd ? found : { status: "orphaned" };
}

const isWord = (key: string) => key.length > 1 || /[\p{L}\p{N}_]/u.test(key);

/** Where old position `at` is in the new text, by the nearest kept word before it (a hint for the quote search). */
function mappedPosition(alignment: VersionAlignment, at: number): number {
  const { oldTokens, newTokens, oldToNew } = alignment;
  for (let i = lastTokenStartingBefore(oldTokens, at); i >= 0; i--) {
    if (oldToNew[i] >= 0) return newTokens.ends[oldToNew[i]] + Math.max(0, at - oldTokens.ends[i]);
  }
  return 0;
}

const CERTAINTY: ReanchorStatus[] = ["exact-position", "exact-nearby", "fuzzy", "orphaned"];
const leastCertain = (a: ReanchorStatus, b: ReanchorStatus) => (CERTAINTY.indexOf(a) >= CERTAINTY.indexOf(b) ? a : b);

function summarize(results: readonly ReanchorResult[]): ReanchorSummary {
  const summary: ReanchorSummary = { exactPosition: 0, exactNearby: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) summary[SUMMARY_KEY[r.status]]++;
  return summary;
}

const SUMMARY_KEY = {
  "exact-position": "exactPosition",
  "exact-nearby": "exactNearby",
  fuzzy: "fuzzy",
  orphaned: "orphaned",
} as const satisfies Record<ReanchorStatus, keyof ReanchorSummary>;
