/**
 * How well the context stored with a quote (its prefix or suffix) agrees with the text beside a
 * candidate occurrence: 1 − edit distance / context length, in [0, 1]. The context must touch the
 * candidate (the prefix ends where the candidate starts, the suffix starts where it ends) but its far
 * end is free, so words inserted or deleted inside the context cost only their own length instead of
 * shifting every following character. `null` means no context was stored, i.e. no evidence either way.
 */
export function prefixSimilarity(text: string, at: number, prefix: string): number | null {
  if (prefix.length === 0) return null;
  // Read both backwards from the candidate, so the touching ends line up at index 0.
  const window = text.slice(Math.max(0, at - 2 * prefix.length), at);
  return similarity(prefix.length, anchoredDistance(reverse(prefix), reverse(window)));
}

export function suffixSimilarity(text: string, at: number, suffix: string): number | null {
  if (suffix.length === 0) return null;
  return similarity(suffix.length, anchoredDistance(suffix, text.slice(at, at + 2 * suffix.length)));
}

function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

function similarity(length: number, distance: number): number {
  return Math.max(0, 1 - distance / length);
}

// Reused between calls: the context is at most a few dozen characters, compared once per candidate.
let rowA = new Int32Array(0);
let rowB = new Int32Array(0);

/** Edit distance of `pattern` to the best-matching start of `text` (text's end is free). */
function anchoredDistance(pattern: string, text: string): number {
  const n = text.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    cur[0] = i;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const diagonal = prev[j - 1] + (p === text.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j] + 1;
      const left = cur[j - 1] + 1;
      cur[j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let best = prev[0];
  for (let j = 1; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}
