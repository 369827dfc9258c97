/**
 * Approximate string matching: where in a text does a pattern occur with at most k edits
 * (insertions, deletions, substitutions)? Used to find a quoted passage again after a source was
 * edited. The text search is Myers' bit-parallel algorithm (1999) extended to patterns longer than
 * one machine word with Hyyrö's block formulation and Ukkonen's cut-off, as in the approx-string-match
 * library Hypothesis uses: O(n · k/32) in practice, so a 300-character quote is found in a 100 KB
 * text in a few milliseconds. Myers yields only where matches end; the start of each match comes
 * from a small banded dynamic programme anchored at that end.
 */

export interface ApproximateMatch {
  start: number;
  /** Exclusive. */
  end: number;
  /** Edit distance between the pattern and text.slice(start, end). */
  errors: number;
}

interface MatchEnd {
  end: number;
  errors: number;
}

const WORD = 32;

/**
 * Every position where some alignment of `pattern` ends with at most `maxErrors` edits, with the
 * fewest edits of any alignment ending there (semi-global edit distance).
 */
export function approximateMatchEnds(text: string, pattern: string, maxErrors: number): MatchEnd[] {
  const m = pattern.length;
  const found: MatchEnd[] = [];
  if (m === 0) return found;
  const k = Math.max(0, Math.min(Math.floor(maxErrors), m));
  const blocks = Math.ceil(m / WORD);
  const last = blocks - 1;

  // peq[c][b]: bit r set where pattern[b·32 + r] === c.
  const none = new Int32Array(blocks);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let masks = peq.get(code);
    if (!masks) peq.set(code, (masks = new Int32Array(blocks)));
    masks[(i / WORD) | 0] |= 1 << i % WORD;
  }
  const ascii: Int32Array[] = new Array<Int32Array>(128).fill(none);
  for (const [code, masks] of peq) if (code < 128) ascii[code] = masks;

  // Vertical deltas of the current column, one bit per pattern row: pv = +1, mv = -1.
  const pv = new Int32Array(blocks);
  const mv = new Int32Array(blocks);
  // score[b]: distance at the last row of block b in the current column.
  const score = new Int32Array(blocks);
  const lastRowBit = new Int32Array(blocks).fill(1 << 31);
  lastRowBit[last] = 1 << (m - 1) % WORD;
  const rowsIn = (b: number) => (b === last ? m - last * WORD : WORD);

  // Returns the horizontal delta at the block's last row; hIn is the one entering at its first row.
  const advance = (b: number, eq: number, hIn: number): number => {
    const pvb = pv[b];
    const mvb = mv[b];
    const hInNegative = hIn < 0 ? 1 : 0;
    const e = eq | hInNegative;
    const xv = e | mvb;
    const xh = (((e & pvb) + pvb) ^ pvb) | e;
    let ph = mvb | ~(xh | pvb);
    let mh = pvb & xh;
    const bit = lastRowBit[b];
    const hOut = (ph & bit) !== 0 ? 1 : (mh & bit) !== 0 ? -1 : 0;
    ph = (ph << 1) | (hIn > 0 ? 1 : 0);
    mh = (mh << 1) | hInNegative;
    pv[b] = mh | ~(xv | ph);
    mv[b] = ph & xv;
    return hOut;
  };

  // Ukkonen's cut-off: blocks below `active` only hold distances > k, so they are not computed.
  // Column 0 holds the row numbers, so the blocks covering rows 1..k start active.
  let active = Math.max(0, Math.ceil(k / WORD) - 1);
  for (let b = 0; b <= active; b++) {
    pv[b] = -1;
    mv[b] = 0;
    score[b] = b === last ? m : (b + 1) * WORD;
  }

  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    const eqs = code < 128 ? ascii[code] : (peq.get(code) ?? none);
    let carry = 0;
    for (let b = 0; b <= active; b++) {
      carry = advance(b, eqs[b], carry);
      score[b] += carry;
    }
    // The next block's first row can drop to ≤ k only by a diagonal match from a ≤ k cell of the
    // previous column, or from a cell above that is < k now.
    if (active < last && score[active] - carry <= k && ((eqs[active + 1] & 1) !== 0 || carry < 0)) {
      const above = score[active] - carry;
      active++;
      // Its previous column is unknown; distances growing by one per row are an upper bound,
      // which keeps every value ≤ k exact.
      pv[active] = -1;
      mv[active] = 0;
      score[active] = above + rowsIn(active) + advance(active, eqs[active], carry);
    } else {
      // A last row ≥ k + 32 means every row of the block is > k.
      while (active > 0 && score[active] >= k + WORD) active--;
    }
    if (active === last && score[last] <= k) found.push({ end: j + 1, errors: score[last] });
  }
  return found;
}

/**
 * The start of the best alignment of `pattern` ending exactly at `end`, within `maxErrors` edits:
 * fewest edits, then the length closest to the pattern's. Edit distance over the reversed strings,
 * restricted to the diagonal band |i - j| ≤ maxErrors (no alignment within budget leaves it), so
 * this costs O(pattern · maxErrors) rather than O(pattern²).
 */
export function alignMatchStart(text: string, pattern: string, end: number, maxErrors: number): ApproximateMatch {
  const m = pattern.length;
  const d = Math.max(0, Math.floor(maxErrors));
  const width = Math.min(end, m + d);
  const INF = 1 << 29;
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prev[j] = j <= d ? j : INF;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(0, i - d);
    const hi = Math.min(width, i + d);
    if (lo > 0) cur[lo - 1] = INF;
    const p = pattern.charCodeAt(m - i);
    for (let j = lo; j <= hi; j++) {
      if (j === 0) {
        cur[0] = i;
        continue;
      }
      const substitute = prev[j - 1] + (p === text.charCodeAt(end - j) ? 0 : 1);
      const skipPattern = prev[j] + 1;
      const skipText = cur[j - 1] + 1;
      cur[j] = Math.min(substitute, skipPattern, skipText);
    }
    if (hi < width) cur[hi + 1] = INF;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let bestLength = -1;
  let bestErrors = INF;
  for (let j = Math.max(0, m - d); j <= Math.min(width, m + d); j++) {
    const errors = prev[j];
    if (errors < bestErrors || (errors === bestErrors && Math.abs(j - m) < Math.abs(bestLength - m))) {
      bestErrors = errors;
      bestLength = j;
    }
  }
  if (bestLength < 0) return { start: end, end, errors: m };
  return { start: end - bestLength, end, errors: bestErrors };
}

/**
 * Distinct approximate occurrences of `pattern`, fewest errors first, computed lazily so a caller
 * that ranks them can stop once no remaining occurrence could win. Match ends come in valleys: one
 * occurrence seen with slightly longer or shorter tails, errors falling to a minimum and rising
 * again; each valley yields its best alignment. `limit` bounds the work for a short pattern in a
 * long, repetitive text.
 */
export function* approximateMatches(text: string, pattern: string, maxErrors: number, limit = 1000): Generator<ApproximateMatch> {
  const valleys = splitIntoValleys(approximateMatchEnds(text, pattern, maxErrors));
  const fewest = valleys.map((valley) => valley.reduce((min, e) => (e.errors < min ? e.errors : min), Infinity));
  const order = valleys.map((_, i) => i).sort((a, b) => fewest[a] - fewest[b] || a - b);
  const seen = new Set<number>();
  for (const v of order.slice(0, limit)) {
    let best: ApproximateMatch | null = null;
    // Ties inside a valley (e.g. a trailing space that may or may not be included) are few; try each.
    for (const e of valleys[v].filter((x) => x.errors === fewest[v]).slice(0, 8)) {
      const m = alignMatchStart(text, pattern, e.end, e.errors);
      if (!best || m.errors < best.errors || (m.errors === best.errors && lengthGap(m, pattern) < lengthGap(best, pattern))) best = m;
    }
    if (!best) continue;
    const key = best.start * (text.length + 1) + best.end;
    if (seen.has(key)) continue;
    seen.add(key);
    yield best;
  }
}

export function findApproximateMatches(text: string, pattern: string, maxErrors: number, limit?: number): ApproximateMatch[] {
  return [...approximateMatches(text, pattern, maxErrors, limit)];
}

const lengthGap = (m: ApproximateMatch, pattern: string) => Math.abs(m.end - m.start - pattern.length);

function splitIntoValleys(ends: MatchEnd[]): MatchEnd[][] {
  const valleys: MatchEnd[][] = [];
  let valley: MatchEnd[] = [];
  let rising = false; // errors went up since the valley's lowest point
  for (const e of ends) {
    const previous = valley[valley.length - 1];
    const adjacent = previous !== undefined && previous.end === e.end - 1;
    // Errors falling again after a rise: the next occurrence (texts that repeat themselves).
    if (!adjacent || (rising && e.errors < previous.errors)) {
      if (valley.length) valleys.push(valley);
      valley = [];
      rising = false;
    } else if (e.errors > previous.errors) {
      rising = true;
    }
    valley.push(e);
  }
  if (valley.length) valleys.push(valley);
  return valleys;
}
