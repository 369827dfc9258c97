import type { TextTokens } from "./textTokens";

/**
 * Places each pure insertion or deletion where a reader would put it. The same edit can often be
 * written at several places: inserting "If they want…`-n`." after "the user." matches either the
 * old "." to the first "." of the new text or to the one ending the inserted sentence, and a diff
 * picks one arbitrarily. Which one decides whether a cited sentence keeps its full stop, so each
 * edit is slid to the position whose two boundaries fall best on the text's structure — blank
 * line, line break, sentence end, space — as diff-match-patch's semantic clean-up does for
 * characters. Mutates the alignment arrays.
 */
export function slideEdits(
  oldTokens: TextTokens,
  newTokens: TextTokens,
  oldKeys: readonly string[],
  newKeys: readonly string[],
  oldToNew: Int32Array,
  newToOld: Int32Array,
  oldOriginal: string,
  newOriginal: string,
): void {
  slideSide(newTokens, newKeys, newToOld, oldToNew, newOriginal);
  slideSide(oldTokens, oldKeys, oldToNew, newToOld, oldOriginal);
}

/** Slides the blocks of unmatched tokens of one side that face no unmatched token on the other. */
function slideSide(tokens: TextTokens, keys: readonly string[], toOther: Int32Array, fromOther: Int32Array, text: string): void {
  const n = toOther.length;
  let p = 0;
  while (p < n) {
    if (toOther[p] >= 0) {
      p++;
      continue;
    }
    let q = p;
    while (q < n && toOther[q] < 0) q++;
    // Block [p, q) between matched tokens p - 1 and q whose counterparts are adjacent: a pure insertion/deletion.
    if (p > 0 && q < n && toOther[q] === toOther[p - 1] + 1) {
      let lo = p;
      while (lo > 0 && toOther[lo - 1] >= 0 && keys[lo - 1] === keys[lo - 1 + (q - p)] && (lo - 1 === 0 || toOther[lo - 2] >= 0)) lo--;
      let hi = p;
      while (hi + (q - p) < n && toOther[hi + (q - p)] >= 0 && keys[hi] === keys[hi + (q - p)]) hi++;
      if (lo < hi) {
        let best = p;
        let bestScore = -1;
        for (let s = lo; s <= hi; s++) {
          const score = boundaryScore(tokens, text, s) + boundaryScore(tokens, text, s + (q - p));
          if (score > bestScore || (score === bestScore && s === p)) {
            bestScore = score;
            best = s;
          }
        }
        if (best !== p) move(toOther, fromOther, p, q, best);
        p = best + (q - p);
        continue;
      }
    }
    p = q;
  }
}

/** Re-points the matched tokens around a block [p, q) so that it occupies [to, to + q - p) instead. */
function move(toOther: Int32Array, fromOther: Int32Array, p: number, q: number, to: number): void {
  const length = q - p;
  const lo = Math.min(p, to);
  const hi = Math.max(q, to + length);
  const targets: number[] = [];
  for (let k = lo; k < hi; k++) if (toOther[k] >= 0) targets.push(toOther[k]);
  let t = 0;
  for (let k = lo; k < hi; k++) {
    if (k >= to && k < to + length) toOther[k] = -1;
    else {
      toOther[k] = targets[t++];
      fromOther[toOther[k]] = k;
    }
  }
}

/** How well the boundary before token k falls on the text's structure (higher is better). */
function boundaryScore(tokens: TextTokens, text: string, k: number): number {
  if (k <= 0 || k >= tokens.starts.length) return 5; // as a line break: no better than the edit where the diff put it
  const gap = text.slice(tokens.ends[k - 1], tokens.starts[k]);
  if (/\n[^\S\n]*\n/.test(gap)) return 6;
  if (gap.includes("\n")) return 5;
  const before = text[tokens.ends[k - 1] - 1];
  if (gap.length > 0 && ".!?:;".includes(before)) return 4;
  if (gap.length > 0) return 3;
  return 0;
}
