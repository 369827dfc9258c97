import { describe, expect, it } from "vitest";
import { defaultClaimText, mergeHighlight, normalizeSelection, pointOffset, rangeInsideCitation } from "@/lib/sources/selectionRange";
import { paragraphsWithOffsets } from "@/lib/citations/highlightSegments";

const text = "Title line\n\nFirst paragraph says cartels adapt.\nSecond one: 😀 emoji here.";

describe("selection offsets", () => {
  it("maps a point inside a paragraph segment to the plain text", () => {
    const paragraphs = paragraphsWithOffsets(text);
    const second = paragraphs[1];
    // "cartels" inside the second rendered paragraph (data-offset = its start)
    const at = second.text.indexOf("cartels");
    const start = pointOffset(second.start, at);
    expect(text.slice(start, start + 7)).toBe("cartels");
  });

  it("orders, clamps and trims whitespace and newlines", () => {
    const a = text.indexOf("First") - 2; // inside the blank line before
    const b = text.indexOf("Second") ; // just after the newline
    const r = normalizeSelection(text, b, a)!;
    expect(text.slice(r.start, r.end)).toBe("First paragraph says cartels adapt.");
    expect(normalizeSelection(text, -5, 3)).toEqual({ start: 0, end: 3 });
    expect(normalizeSelection(text, 10, 12)).toBeNull();
    expect(normalizeSelection(text, 4, 4)).toBeNull();
  });

  it("never splits a surrogate pair", () => {
    const emoji = text.indexOf("😀");
    const r = normalizeSelection(text, emoji + 1, emoji + 2)!;
    expect(text.slice(r.start, r.end)).toBe("😀");
  });

  it("finds the tightest citation containing a range, relative to its quote", () => {
    const cites = [
      { id: "a", start: 0, end: 50 },
      { id: "b", start: 12, end: 47 },
    ];
    expect(rangeInsideCitation(cites, { start: 20, end: 30 })).toEqual({ citation: cites[1], relative: [8, 18] });
    expect(rangeInsideCitation(cites, { start: 40, end: 60 })).toBeNull();
  });

  it("merges highlights", () => {
    expect(mergeHighlight([[0, 3], [10, 12]], [2, 5])).toEqual([[0, 5], [10, 12]]);
    expect(mergeHighlight([[0, 3]], [3, 4])).toEqual([[0, 4]]);
    expect(mergeHighlight([], [5, 5])).toEqual([]);
  });

  it("defaults a claim's text to the selected words, cut at a word", () => {
    expect(defaultClaimText("  a\n b  ")).toBe("a b");
    const long = "word ".repeat(60);
    const out = defaultClaimText(long, 40);
    expect(out.endsWith("…")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(41);
  });
});
