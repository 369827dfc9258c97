import type { ApproximateMatch } from "./approximateMatch";

/**
 * Settles where an approximately matched quote begins and ends by aligning prefix + quote + suffix
 * as one string against the text around the match. On its own, a quote edited near its edge
 * ("Mexico values…" → "Mexico, officials say, values…") is matched most cheaply by swapping its
 * first word for the tail of the inserted words ("s say, values…"): fewer edits, but a boundary in
 * the middle of a word and an understated error count. With the old context pinned to either side,
 * the cheapest alignment keeps the quote's edges where its neighbours put them, and the errors
 * charged to the quote are the ones a reader would count.
 *
 * Text inserted exactly at a boundary is left outside the quote. Quadratic in the quote length,
 * so callers skip it for very long quotes.
 */
export function alignWithContext(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  match: ApproximateMatch,
  slack: number,
): ApproximateMatch {
  const combined = prefix + quote + suffix;
  const quoteFirstRow = prefix.length + 1; // DP row i consumes combined[i - 1]
  const quoteLastRow = prefix.length + quote.length;
  const rows = combined.length;
  const from = Math.max(0, match.start - prefix.length - slack);
  const to = Math.min(text.length, match.end + suffix.length + slack);
  const cols = to - from;
  const width = cols + 1;

  const DIAGONAL = 0;
  const UP = 1; // a character of prefix/quote/suffix missing from the text
  const LEFT = 2; // a text character not in prefix/quote/suffix
  const moves = new Uint8Array((rows + 1) * width);
  let prev = new Int32Array(width); // row 0: the prefix may begin anywhere in the window
  let cur = new Int32Array(width);
  for (let i = 1; i <= rows; i++) {
    cur[0] = i;
    moves[i * width] = UP;
    const c = combined.charCodeAt(i - 1);
    for (let j = 1; j <= cols; j++) {
      const diagonal = prev[j - 1] + (c === text.charCodeAt(from + j - 1) ? 0 : 1);
      const up = prev[j] + 1;
      const left = cur[j - 1] + 1;
      if (diagonal <= up && diagonal <= left) {
        cur[j] = diagonal;
        moves[i * width + j] = DIAGONAL;
      } else if (up <= left) {
        cur[j] = up;
        moves[i * width + j] = UP;
      } else {
        cur[j] = left;
        moves[i * width + j] = LEFT;
      }
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  // The suffix may end anywhere in the window. On a tie the later end wins: a changed last
  // character ("." → "!") is then substituted, i.e. kept in the passage, not left out of it.
  let j = 0;
  for (let k = 1; k <= cols; k++) if (prev[k] <= prev[j]) j = k;

  let i = rows;
  let quoteStart = -1;
  let quoteEnd = -1;
  let errors = 0;
  while (i > 0) {
    const move = j === 0 ? UP : moves[i * width + j];
    const inQuote = i >= quoteFirstRow && i <= quoteLastRow;
    if (move === LEFT) {
      if (inQuote && i !== quoteLastRow) errors++;
      j--;
      continue;
    }
    if (i === quoteLastRow) quoteEnd = j;
    if (inQuote && (move === UP || combined.charCodeAt(i - 1) !== text.charCodeAt(from + j - 1))) errors++;
    if (move === DIAGONAL) j--;
    i--;
    if (i === quoteFirstRow - 1) quoteStart = j;
  }
  if (quoteStart < 0 || quoteEnd <= quoteStart) return match;
  return { start: from + quoteStart, end: from + quoteEnd, errors };
}
