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

export interface RevisionWorkload {
  label: string;
  oldText: string;
  newText: string;
  cards: (TextSelector & { id: string })[];
}

/**
 * A ~100 KB source with 500 cards and a revision of it as real ones go (see the revisions corpus):
 * a preface added, words inserted inside sentences (a clause, a link), phrases replaced by longer
 * ones, sentences deleted, a few paragraphs moved. Cards cite one or two sentences each.
 */
export function revisedSourceWithCards(): RevisionWorkload {
  const rnd = seededRandom(2024);
  const paragraphs: string[][] = [];
  let size = 0;
  for (let p = 0; size < 100_000; p++) {
    const para = [`${p}.`];
    for (let s = 0; s < 5; s++) para.push(sentences[Math.floor(rnd() * sentences.length)]);
    paragraphs.push(para);
    size += para.join(" ").length + 1;
  }
  const oldText = paragraphs.map((p) => p.join(" ")).join("\n");
  // Cards: sentence spans, located in the old text by paragraph and sentence index.
  const cards: RevisionWorkload["cards"] = [];
  const offsets: number[] = [];
  for (let at = 0, p = 0; p < paragraphs.length; p++) {
    offsets.push(at);
    at += paragraphs[p].join(" ").length + 1;
  }
  while (cards.length < 500) {
    const p = Math.floor(rnd() * paragraphs.length);
    const s = 1 + Math.floor(rnd() * 4);
    const count = rnd() < 0.3 ? 2 : 1;
    let start = offsets[p];
    for (let k = 0; k < s; k++) start += paragraphs[p][k].length + 1;
    const exact = paragraphs[p].slice(s, s + count).join(" ");
    cards.push({ id: `card-${cards.length}`, ...describeRange(oldText, start, start + exact.length) });
  }
  const edited = paragraphs.map((para) =>
    para.map((sentence, k) => {
      if (k === 0) return sentence;
      const r = rnd();
      if (r < 0.05) return null; // deleted
      if (r < 0.15) return sentence.replace(/ /, ", as [officials](https://example.org/officials) say, "); // clause and link inserted
      if (r < 0.2) return sentence.replace(/\b(a|the|its|their)\b/, "$1 much more serious and widely reported");
      return sentence;
    }).filter((x): x is string => x !== null),
  );
  for (let m = 0; m < 5; m++) {
    const [moved] = edited.splice(Math.floor(rnd() * edited.length), 1);
    edited.splice(Math.floor(rnd() * edited.length), 0, moved);
  }
  const newText = "Revised edition, with corrections.\n" + edited.map((p) => p.join(" ")).join("\n");
  return { label: `500 cards of a ${oldText.length}-char source, revised`, oldText, newText, cards };
}
