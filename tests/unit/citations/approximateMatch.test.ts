import { describe, it, expect } from "vitest";
import { alignMatchStart, approximateMatchEnds, findApproximateMatches } from "../../../lib/citations/approximateMatch";

/** Semi-global edit distance by the textbook dynamic programme: min errors of any match ending at j. */
function bruteForceEnds(text: string, pattern: string, k: number) {
  const m = pattern.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  const out: { end: number; errors: number }[] = [];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= m; i++) {
      cur[i] = Math.min(prev[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[m] <= k) out.push({ end: j, errors: cur[m] });
    prev = cur;
  }
  return out;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    prev = cur;
  }
  return prev[b.length];
}

// Deterministic PRNG so a failure reproduces.
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

function mutate(s: string, edits: number, rnd: () => number, alphabet: string): string {
  let out = s;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const c = alphabet[Math.floor(rnd() * alphabet.length)];
    const kind = rnd();
    if (kind < 0.33) out = out.slice(0, at) + c + out.slice(at);
    else if (kind < 0.66) out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + c + out.slice(at + 1);
  }
  return out;
}

describe("approximateMatchEnds (Myers, multi-block, Ukkonen cut-off)", () => {
  it("agrees with the textbook dynamic programme on random inputs of every block count", () => {
    const rnd = random(7);
    const alphabet = "abcd ";
    for (let round = 0; round < 300; round++) {
      const m = 1 + Math.floor(rnd() * 140); // up to 5 blocks, lengths on and off the 32 boundary
      const pattern = Array.from({ length: m }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      const noise = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      const text = noise(Math.floor(rnd() * 60)) + mutate(pattern, Math.floor(rnd() * 8), rnd, alphabet) + noise(Math.floor(rnd() * 60));
      const k = Math.floor(rnd() * Math.min(m, 40));
      expect(approximateMatchEnds(text, pattern, k), `round ${round}: m=${m} k=${k}`).toEqual(bruteForceEnds(text, pattern, k));
    }
  });

  it("handles non-ASCII characters and an empty pattern", () => {
    expect(approximateMatchEnds("El Mencho’s cartel", "Mencho’s", 0)).toEqual([{ end: 11, errors: 0 }]);
    expect(approximateMatchEnds("abc", "", 2)).toEqual([]);
  });
});

describe("alignMatchStart", () => {
  it("finds a start whose slice has exactly the reported edit distance", () => {
    const rnd = random(11);
    const alphabet = "abcde";
    for (let round = 0; round < 200; round++) {
      const m = 5 + Math.floor(rnd() * 80);
      const pattern = Array.from({ length: m }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      const text = "xxxxxxxxxx" + mutate(pattern, Math.floor(rnd() * 6), rnd, alphabet) + "yyyyyyyyyy";
      const k = Math.floor(m / 4);
      for (const end of bruteForceEnds(text, pattern, k)) {
        const match = alignMatchStart(text, pattern, end.end, end.errors);
        expect(match.errors).toBe(end.errors);
        expect(levenshtein(pattern, text.slice(match.start, match.end))).toBe(end.errors);
      }
    }
  });
});

describe("findApproximateMatches", () => {
  it("reports each occurrence once, best first", () => {
    const text = "the cartel is violent. the cartle is violent. the cartel is violent!";
    const matches = findApproximateMatches(text, "the cartel is violent", 3);
    expect(matches.map((m) => [text.slice(m.start, m.end), m.errors])).toEqual([
      ["the cartel is violent", 0],
      ["the cartel is violent", 0],
      ["the cartle is violent", 2],
    ]);
  });
});
