/**
 * Which tokens of an old text are still there in a new one: a diff of two sequences of token ids
 * that takes the longest run of unchanged tokens first, as Python's difflib does, and recurses on
 * either side of it. Runs are seeded only from tokens that occur once in each side of the current
 * range (the anchors of patience diff), so a frequent word ("the", ",") never decides an alignment
 * on its own; it is matched only as part of a run around a distinctive word, or where both ranges
 * begin or end alike.
 *
 * Why not a minimal edit script (Myers): it keeps as many tokens as possible, so inside a rewritten
 * sentence it matches scattered "the", "of", "." of the old wording to the new, which makes a
 * deleted passage look half-kept. Why not plain patience diff: it chains its anchors by their
 * longest increasing subsequence, and one common word that happens to be unique inside a large gap
 * can pull the chain to an unrelated place and leave whole unchanged paragraphs unmatched; the
 * longest run first cannot be outvoted by a single word.
 *
 * Cost: each range is counted once, each run extended once (seeds on a run already found are
 * skipped), so it is linear per level and O(n log n) for edits spread through a text.
 */
export function tokenDiff(a: Int32Array, b: Int32Array, vocabulary: number): Int32Array {
  const out = new Int32Array(a.length).fill(-1);
  // Per-range counts without clearing arrays: an entry is valid when its stamp is the range's.
  const stamp = new Int32Array(vocabulary);
  const countA = new Int32Array(vocabulary);
  const countB = new Int32Array(vocabulary);
  const posB = new Int32Array(vocabulary);
  let generation = 0;

  const stack: number[] = [0, a.length, 0, b.length];
  while (stack.length > 0) {
    let bTo = stack.pop()!;
    let bFrom = stack.pop()!;
    let aTo = stack.pop()!;
    let aFrom = stack.pop()!;
    while (aFrom < aTo && bFrom < bTo && a[aFrom] === b[bFrom]) out[aFrom++] = bFrom++;
    while (aFrom < aTo && bFrom < bTo && a[aTo - 1] === b[bTo - 1]) out[--aTo] = --bTo;
    if (aFrom >= aTo || bFrom >= bTo) continue;

    generation++;
    for (let i = aFrom; i < aTo; i++) {
      const t = a[i];
      if (stamp[t] !== generation) {
        stamp[t] = generation;
        countA[t] = 0;
        countB[t] = 0;
      }
      countA[t]++;
    }
    for (let j = bFrom; j < bTo; j++) {
      const t = b[j];
      if (stamp[t] !== generation) continue; // not in the old range at all
      countB[t]++;
      posB[t] = j;
    }

    let bestA = -1;
    let bestB = -1;
    let bestLength = 0;
    let runA = -1; // the run last extended, so seeds inside it are not extended again
    let runEnd = -1;
    let runShift = 0;
    for (let i = aFrom; i < aTo; i++) {
      const t = a[i];
      if (countA[t] !== 1 || countB[t] !== 1) continue;
      const j = posB[t];
      if (i >= runA && i < runEnd && j - i === runShift) continue;
      let start = i;
      let end = i + 1;
      while (start > aFrom && j - (i - start) > bFrom && a[start - 1] === b[j - (i - start) - 1]) start--;
      while (end < aTo && j + (end - i) < bTo && a[end] === b[j + (end - i)]) end++;
      runA = start;
      runEnd = end;
      runShift = j - i;
      if (end - start > bestLength) {
        bestLength = end - start;
        bestA = start;
        bestB = start + runShift;
      }
    }
    if (bestLength === 0) continue; // nothing distinctive in common: the range was rewritten
    for (let k = 0; k < bestLength; k++) out[bestA + k] = bestB + k;
    stack.push(aFrom, bestA, bFrom, bestB);
    stack.push(bestA + bestLength, aTo, bestB + bestLength, bTo);
  }
  return out;
}
