import type { MatchingText } from "./matchingText";

/**
 * The words and punctuation marks of a text, as the version diff compares them. A word is a run of
 * letters, digits and underscores; every other visible character is a token of its own; whitespace
 * separates tokens and is not one, so re-wrapped lines and re-indented lists do not count as edits.
 * Tokens are read from the normalised text (quote marks folded, invisible characters dropped), and
 * their offsets are given in the original text, which is what citations store.
 */
export interface TextTokens {
  /** Normalised spelling of each token. */
  keys: string[];
  /** starts[i], ends[i]: token i's span in the original text (end exclusive). */
  starts: Int32Array;
  ends: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

export function tokenize(text: MatchingText): TextTokens {
  const n = text.normalized;
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < n.length) {
    const c = n[i];
    if (c === " ") {
      i++;
      continue;
    }
    let j = i + 1;
    if (isWordChar(n, i)) while (j < n.length && isWordChar(n, j)) j++;
    else if (isHighSurrogate(n.charCodeAt(i)) && j < n.length) j++; // one astral symbol, not half of one
    keys.push(n.slice(i, j));
    starts.push(text.starts[i]);
    ends.push(text.ends[j - 1]);
    i = j;
  }
  return { keys, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function isWordChar(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(s[i]);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Index of the first token ending after `offset` (tokens.keys.length if none). */
export function firstTokenEndingAfter(tokens: TextTokens, offset: number): number {
  let lo = 0;
  let hi = tokens.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.ends[mid] > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last token starting before `offset` (-1 if none). */
export function lastTokenStartingBefore(tokens: TextTokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
