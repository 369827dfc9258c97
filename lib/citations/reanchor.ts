import { alignWithContext } from "./alignWithContext";
import { approximateMatches, type ApproximateMatch } from "./approximateMatch";
import { prefixSimilarity, suffixSimilarity } from "./contextSimilarity";
import { normalizeForMatching, prepareMatchingText, toOriginalRange, type MatchingText } from "./matchingText";
import type { TextSelector } from "./textSelectors";

/**
 * Finds a citation's passage in a new version of its source, the way Hypothesis re-anchors
 * annotations (dom-anchor-text-quote, approx-string-match):
 *
 *  1. exact-position — the old offsets still hold the quote: nothing before it changed length.
 *  2. exact-nearby — the quote occurs verbatim elsewhere (ignoring whitespace and quote-mark style);
 *     among several occurrences the one whose surroundings agree best with the stored prefix/suffix
 *     wins, then the one closest to where the passage was.
 *  3. fuzzy — the quote was edited: the best approximate occurrence within an edit budget, ranked
 *     by quote similarity, context agreement and closeness (Hypothesis weights 50/20/20/2).
 *     Unlike Hypothesis, a verbatim occurrence found in *other* surroundings does not end the
 *     search: when the cited sentence was edited in place and an identical sentence elsewhere
 *     survived, the edited one with the old surroundings is the passage the citation meant.
 *  4. orphaned — nothing trustworthy.
 *
 * A citation that silently points at the wrong passage is worse than one flagged for review, so
 * every candidate must also be *evidence enough*: at least 75% of the quote intact, a short quote
 * (a few words recur all over a text) must have its old prefix or suffix beside it, and an edited
 * quote with none of its old surroundings must be nearly intact.
 */

export type ReanchorStatus = "exact-position" | "exact-nearby" | "fuzzy" | "orphaned";

export interface ReanchorResult {
  status: ReanchorStatus;
  start?: number;
  end?: number;
  /** Confidence in [0, 1]: 1 for exact-position, else the weighted candidate score. */
  score?: number;
  /** The new text at the anchor; differs from the old quote for fuzzy (and whitespace-only) matches. */
  exact?: string;
}

export interface ReanchorOptions {
  /** Where the passage most likely starts in the new text (e.g. shifted by a diff); default: the old start. */
  positionHint?: number;
  /** `prepareMatchingText(newText)`, computed once when re-anchoring many citations to one text. */
  prepared?: MatchingText;
  /** Lowest accepted 1 − errors / quote length for a fuzzy match. */
  minQuoteSimilarity?: number;
}

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const MIN_QUOTE_SIMILARITY = 0.75;
// With none of the old context around it, an edited quote might be a similar sentence elsewhere.
const MIN_UNSUPPORTED_QUOTE_SIMILARITY = 0.9;
// Shorter quotes ("the cartels", "U.S. officials") recur across a text; they need their context.
const SHORT_QUOTE_LENGTH = 24;
// A context side at least this similar counts as the passage's old surroundings.
const CONTEXT_SUPPORT = 0.5;
// The edit budget follows from the similarity threshold (a quarter of the quote); the cap only
// bounds the cost for very long quotes: the start alignment is O(quote · budget) per candidate.
const MAX_ERRORS_CAP = 256;
// Settling an edited quote's edges against its context is quadratic in the quote's length.
const MAX_CONTEXT_ALIGNED_QUOTE = 2000;

/** An occurrence in the normalised text. */
type Candidate = ApproximateMatch;

interface Ranked {
  candidate: Candidate;
  evidence: Evidence;
}

interface Evidence {
  quote: number;
  prefix: number | null;
  suffix: number | null;
  position: number;
  score: number;
}

export function reanchor(newText: string, selector: TextSelector, options: ReanchorOptions = {}): ReanchorResult {
  const orphaned: ReanchorResult = { status: "orphaned" };
  const { exact, start, end } = selector;
  if (exact.length === 0 || newText.length === 0) return orphaned;

  const text = options.prepared?.original === newText ? options.prepared : prepareMatchingText(newText);
  const quote = normalizeForMatching(exact);
  if (quote.trim().length === 0) return orphaned;
  const prefix = normalizeForMatching(selector.prefix);
  const suffix = normalizeForMatching(selector.suffix);
  const hint = options.positionHint ?? start;
  const minQuoteSimilarity = options.minQuoteSimilarity ?? MIN_QUOTE_SIMILARITY;
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * (1 - minQuoteSimilarity)));

  const weigh = (found: Candidate): Ranked => {
    const n = text.normalized;
    const c =
      found.errors > 0 && quote.length <= MAX_CONTEXT_ALIGNED_QUOTE
        ? alignWithContext(n, quote, prefix, suffix, found, maxErrors)
        : found;
    const quoteSimilarity = 1 - c.errors / quote.length;
    const prefixSim = prefixSimilarity(n, c.start, prefix);
    const suffixSim = suffixSimilarity(n, c.end, suffix);
    const at = text.starts[c.start];
    const position = Math.max(0, 1 - Math.abs(at - hint) / newText.length);
    let total = WEIGHT.quote * quoteSimilarity + WEIGHT.position * position;
    let weights = WEIGHT.quote + WEIGHT.position;
    if (prefixSim !== null) {
      total += WEIGHT.prefix * prefixSim;
      weights += WEIGHT.prefix;
    }
    if (suffixSim !== null) {
      total += WEIGHT.suffix * suffixSim;
      weights += WEIGHT.suffix;
    }
    const evidence = { quote: quoteSimilarity, prefix: prefixSim, suffix: suffixSim, position, score: total / weights };
    return { candidate: c, evidence };
  };

  const trustworthy = (e: Evidence): boolean => {
    // A selector without context (the quote was the whole old text) cannot be checked against it.
    const supported =
      (e.prefix === null && e.suffix === null) || (e.prefix ?? 0) >= CONTEXT_SUPPORT || (e.suffix ?? 0) >= CONTEXT_SUPPORT;
    if (e.quote < minQuoteSimilarity) return false;
    if (quote.length < SHORT_QUOTE_LENGTH && !supported) return false;
    if (!supported && e.quote < MIN_UNSUPPORTED_QUOTE_SIMILARITY) return false;
    return true;
  };

  // Candidates come with errors non-decreasing; once even perfect context and position could not
  // lift the quote score above the best found, the rest can be skipped.
  const best = (candidates: Iterable<ApproximateMatch>, incumbent: Ranked | null = null): Ranked | null => {
    let chosen = incumbent;
    const contextWeights = (prefix ? WEIGHT.prefix : 0) + (suffix ? WEIGHT.suffix : 0);
    const totalWeights = WEIGHT.quote + WEIGHT.position + contextWeights;
    for (const candidate of candidates) {
      if (chosen) {
        const ceiling = (WEIGHT.quote * (1 - candidate.errors / quote.length) + WEIGHT.position + contextWeights) / totalWeights;
        if (ceiling <= chosen.evidence.score) break;
      }
      const ranked = weigh(candidate);
      if (!trustworthy(ranked.evidence)) continue;
      if (!chosen || ranked.evidence.score > chosen.evidence.score) chosen = ranked;
    }
    return chosen;
  };

  const anchored = (status: ReanchorStatus, c: Candidate, score: number): ReanchorResult => {
    const range = toOriginalRange(text, c.start, c.end);
    return { status, start: range.start, end: range.end, score, exact: newText.slice(range.start, range.end) };
  };

  // 1. Unchanged position. Short quotes still need their context: the same few characters at the
  //    same offset can be a coincidence after a rewrite of equal length.
  if (Number.isInteger(start) && start >= 0 && newText.slice(start, end) === exact) {
    const accept = exact.length >= SHORT_QUOTE_LENGTH || isContextKept(newText, selector);
    if (accept) return { status: "exact-position", start, end, score: 1, exact };
  }

  // 2. Verbatim occurrences (modulo whitespace and quote marks).
  const occurrences: Candidate[] = [];
  for (let at = text.normalized.indexOf(quote); at >= 0; at = text.normalized.indexOf(quote, at + 1)) {
    occurrences.push({ start: at, end: at + quote.length, errors: 0 });
  }
  const verbatim = best(occurrences);
  if (verbatim && isPerfect(verbatim.evidence)) return anchored("exact-nearby", verbatim.candidate, verbatim.evidence.score);

  // 3. Edited quote. Also searched when the verbatim words turned up only in other surroundings:
  //    the same sentence can recur in a text ("the ministry said the border would stay open" in
  //    March and in April), and if the cited one was edited in place, its old surroundings identify
  //    it better than the words do. The weighted score decides, as Hypothesis ranks candidates.
  const chosen = maxErrors < 1 ? verbatim : best(approximateMatches(text.normalized, quote, maxErrors), verbatim);
  if (!chosen) return orphaned;
  return anchored(chosen.candidate.errors === 0 ? "exact-nearby" : "fuzzy", chosen.candidate, chosen.evidence.score);
}

function isPerfect(e: Evidence): boolean {
  return e.quote === 1 && (e.prefix ?? 1) === 1 && (e.suffix ?? 1) === 1;
}

function isContextKept(newText: string, selector: TextSelector): boolean {
  const before = prefixSimilarity(newText, selector.start, selector.prefix);
  const after = suffixSimilarity(newText, selector.end, selector.suffix);
  if (before === null && after === null) return true;
  return (before ?? 0) >= CONTEXT_SUPPORT || (after ?? 0) >= CONTEXT_SUPPORT;
}
