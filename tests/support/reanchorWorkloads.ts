import { readFileSync } from "node:fs";
import { describeRange, type TextSelector } from "../../lib/citations/textSelectors";

// The three large re-anchoring cases, shared by the reanchor tests (where each must land)
// and the bench (how long each takes). Generated from fixed seeds, so both see the same text.

export const sampleArticle = readFileSync(new URL("../../prisma/seed/us-mexico-cartels.txt", import.meta.url), "utf8");

export interface ReanchorWorkload {
  label: string;
  text: string;
  selector: TextSelector;
  /** Where the quote must be found in `text`. */
  start: number;
  end: number;
}

function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

const sentences = sampleArticle.split(/(?<=[.?!])\s+/);

/** A 300-character quote, edited, in ~100 KB of news-like text (the article's sentences shuffled into numbered paragraphs). */
export function editedQuoteInNews(): ReanchorWorkload {
  const rnd = seededRandom(42);
  let big = "";
  for (let p = 0; big.length < 100_000; p++) {
    big += `${p}. `;
    for (let s = 0; s < 5; s++) big += sentences[Math.floor(rnd() * sentences.length)] + " ";
    big += "\n";
  }
  const quoteStart = Math.floor(big.length * 0.6);
  const selector = describeRange(big, quoteStart, quoteStart + 300);
  // No verbatim hit, so the approximate search runs over the whole text.
  const text = "Preface. " + big.slice(0, quoteStart + 100) + "XYZ" + big.slice(quoteStart + 103);
  return { label: `300-char edited quote in a ${text.length}-char text`, text, selector, start: quoteStart + 9, end: quoteStart + 9 + 300 };
}

/** A quote of the maximum stored length (20,000 characters) with 40 edits, in a 100 KB text. */
export function maximumLengthQuote(): ReanchorWorkload {
  const rnd = seededRandom(7);
  let big = "";
  while (big.length < 100_000) big += sentences[Math.floor(rnd() * sentences.length)] + (rnd() < 0.2 ? "\n" : " ");
  const selector = describeRange(big, 40_000, 60_000);
  let text = big;
  for (let at = 40_050; at < 60_000; at += 500) text = text.slice(0, at) + "#" + text.slice(at + 1);
  return { label: "20,000-char quote with 40 edits in a 100 KB text", text, selector, start: 40_000, end: 60_000 };
}

/** A 300-character quote with one edit among ~1,000 near-copies of itself. */
export function quoteAmongNearCopies(): ReanchorWorkload {
  const para = "Cartels like CJNG pose a major threat. They traffic vast amounts of fentanyl into the U.S. ";
  let big = "";
  for (let i = 0; big.length < 100_000; i++) big += para.replace("major", ["major", "grave", "real", "huge"][i % 4]) + i + "\n";
  const selector = describeRange(big, 50_000, 50_300);
  const text = big.slice(0, 50_100) + "#" + big.slice(50_101);
  return { label: "300-char quote among ~1,000 near-copies", text, selector, start: 50_000, end: 50_300 };
}
