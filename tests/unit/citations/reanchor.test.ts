import { describe, it, expect } from "vitest";
import { reanchor } from "../../../lib/citations/reanchor";
import { describeRange } from "../../../lib/citations/textSelectors";
import { editedQuoteInNews, maximumLengthQuote, quoteAmongNearCopies, sampleArticle as article } from "../../support/reanchorWorkloads";

function cite(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  return describeRange(text, at, at + quote.length);
}

const QUOTE = "Cartels like CJNG, led by Nemesio Oseguera Cervantes, known as ‘El Mencho,’ pose a major threat.";

describe("reanchor", () => {
  it("keeps the position when the text is unchanged", () => {
    const sel = cite(article, QUOTE);
    expect(reanchor(article, sel)).toEqual({ status: "exact-position", start: sel.start, end: sel.end, score: 1, exact: QUOTE });
  });

  it("follows the passage when text is inserted before it", () => {
    const sel = cite(article, QUOTE);
    const newText = "Editor’s note: this article was updated with new figures.\n" + article;
    const r = reanchor(newText, sel);
    expect(r.status).toBe("exact-nearby");
    expect(r.start).toBe(sel.start + 58);
    expect(newText.slice(r.start, r.end)).toBe(QUOTE);
  });

  it("keeps the position when text after the passage changes", () => {
    const sel = cite(article, QUOTE);
    const newText = article.replace("U.S. officials worry", "American officials worry");
    expect(reanchor(newText, sel).status).toBe("exact-position");
  });

  it("re-anchors fuzzily when a word inside the quote changed", () => {
    const sel = cite(article, QUOTE);
    const newText = article.replace("pose a major threat", "pose a grave threat");
    const r = reanchor(newText, sel);
    expect(r.status).toBe("fuzzy");
    expect(r.exact).toBe(QUOTE.replace("major", "grave"));
    expect(r.score).toBeGreaterThan(0.8);
  });

  it("re-anchors fuzzily when a typo in the quote was fixed", () => {
    const typo = article.replace("sophisticated and violent", "sophistcated and violnet");
    const sel = cite(typo, "Their operations are sophistcated and violnet.");
    const r = reanchor(article, sel);
    expect(r.status).toBe("fuzzy");
    expect(r.exact).toBe("Their operations are sophisticated and violent.");
  });

  it("chooses among duplicated passages by their context", () => {
    const text =
      "In March the ministry said the border would stay open to trade. Exporters welcomed the news.\n" +
      "In April the ministry said the border would stay open to trade. Exporters doubted the news.\n";
    const sel = cite(text, "the border would stay open to trade", 1);
    const newText = "Update.\n" + text.replace("In March", "During March") + "Correction appended.\n";
    const r = reanchor(newText, sel);
    expect(r.status).toBe("exact-nearby");
    expect(newText.slice(r.start! - 25, r.start)).toBe("In April the ministry said ".slice(-25));
  });

  it("uses closeness to the old position when duplicates have the same context", () => {
    const para = "The cartels often operate with impunity. This makes them difficult to dislodge.\n";
    const text = para + "Filler paragraph number one.\n" + para;
    const sel = cite(text, "The cartels often operate with impunity.", 1);
    const newText = "Intro. " + text;
    const r = reanchor(newText, sel);
    expect(r.status).toBe("exact-nearby");
    expect(r.start).toBe(sel.start + 7);
  });

  it("orphans a deleted passage", () => {
    const sel = cite(article, "Their operations are sophisticated and violent.");
    const newText = article.replace("Their operations are sophisticated and violent. ", "");
    expect(reanchor(newText, sel)).toEqual({ status: "orphaned" });
  });

  it("orphans a deleted passage even when a similar sentence remains elsewhere", () => {
    const sel = cite(article, "If elected, Trump might renew calls for aggressive measures.");
    const newText = article
      .replace("If elected, Trump might renew calls for aggressive measures. ", "")
      .replace("Mexico values its sovereignty highly.", "Trump may renew calls for tougher measures, analysts say.");
    expect(reanchor(newText, sel).status).toBe("orphaned");
  });

  it("anchors through whitespace changes and maps offsets back to the new text", () => {
    const sel = cite(article, QUOTE);
    const reflowed = article.replace(/ /g, (_, i: number) => (i % 7 === 0 ? "\n" : i % 5 === 0 ? "   " : " "));
    const r = reanchor(reflowed, sel);
    expect(r.status).toBe("exact-nearby");
    expect(r.exact!.replace(/\s+/g, " ")).toBe(QUOTE);
    expect(reflowed.slice(r.start, r.end)).toBe(r.exact);
  });

  it("anchors when line breaks inside the quote became spaces", () => {
    const text = "Intro line.\nThey traffic vast amounts\nof fentanyl and other drugs\ninto the U.S. More text follows.";
    const sel = cite(text, "They traffic vast amounts\nof fentanyl and other drugs\ninto the U.S.");
    const newText = text.replace(/\n/g, " ");
    const r = reanchor(newText, sel);
    expect(r.status).toBe("exact-nearby");
    expect(r.exact).toBe("They traffic vast amounts of fentanyl and other drugs into the U.S.");
  });

  it("finds a passage moved to a different paragraph", () => {
    const moved = "The relationship between Trump and Sheinbaum would be crucial.";
    const sel = cite(article, moved);
    const without = article.replace(moved + " ", "");
    const newText = without.replace("Meanwhile, some argue", moved + " Meanwhile, some argue");
    const r = reanchor(newText, sel);
    expect(r.status).toBe("exact-nearby");
    expect(r.exact).toBe(moved);
  });

  it("anchors quotes at the very start and the very end of the text", () => {
    const first = "Trump’s Stance on Mexican Cartels";
    const startSel = cite(article, first);
    expect(startSel.prefix).toBe("");
    expect(reanchor(article, startSel).status).toBe("exact-position");
    const edited = "Analysis: " + article.replace("Trump’s Stance on Mexican Cartels", "Trump's Stance on Mexican Cartels");
    const r = reanchor(edited, startSel);
    expect(r.status).toBe("exact-nearby"); // straight vs curly apostrophe only
    expect(r.exact).toBe("Trump's Stance on Mexican Cartels");

    const trimmed = article.trimEnd();
    const lastSentence = trimmed.slice(trimmed.lastIndexOf(". ") + 2);
    const endSel = cite(trimmed, lastSentence);
    expect(endSel.suffix).toBe("");
    const appended = trimmed.slice(0, -1) + "!";
    const e = reanchor(appended, endSel);
    expect(e.status).toBe("fuzzy");
    expect(e.end).toBe(appended.length);
  });

  it("orphans everything against an empty new text", () => {
    expect(reanchor("", cite(article, QUOTE))).toEqual({ status: "orphaned" });
  });

  it("does not move a short quote to a different sentence", () => {
    const sel = cite(article, "U.S. officials");
    const newText = article.replace("U.S. officials worry about their growing power.", "Washington worries about their growing power.");
    const r = reanchor(newText, sel);
    expect(r.status).toBe("orphaned");
  });

  it("anchors a short quote whose surroundings are intact", () => {
    const sel = cite(article, "El Mencho");
    const newText = "Updated. " + article;
    const r = reanchor(newText, sel);
    expect(r.status).toBe("exact-nearby");
    expect(r.start).toBe(sel.start + 9);
  });

  // How long these take is measured by `npm run bench` (tests/bench/clientCompute.ts); here,
  // only where they land.
  it.each([
    ["an edited 300-character quote in a 100 KB text", editedQuoteInNews],
    ["a quote of the maximum stored length (20,000 characters) with 40 edits", maximumLengthQuote],
    ["a 300-character quote among ~1,000 near-copies of itself", quoteAmongNearCopies],
  ])("re-anchors %s", (_, workload) => {
    const { text, selector, start, end } = workload();
    expect(reanchor(text, selector)).toMatchObject({ status: "fuzzy", start, end });
  });
});
