import { describe, it, expect } from "vitest";
import { alignWithContext } from "../../../lib/citations/alignWithContext";
import { findApproximateMatches } from "../../../lib/citations/approximateMatch";

describe("alignWithContext", () => {
  const prefix = "would likely strain U.S.-Mexico relations. ";
  const quote = "Mexico values its sovereignty highly.";
  const suffix = " Any unilateral U.S. military action";

  it("keeps an edited quote's edges where its old neighbours put them", () => {
    const text = "Such actions would likely strain U.S.-Mexico relations. Mexico, officials say, values its sovereignty highly. Any unilateral U.S. military action would be controversial.";
    const [alone] = findApproximateMatches(text, quote, 9);
    // Matched alone, the quote swaps its first word for the end of the inserted clause.
    expect(text.slice(alone.start, alone.end)).toBe("s say, values its sovereignty highly.");
    const settled = alignWithContext(text, quote, prefix, suffix, alone, 9);
    expect(text.slice(settled.start, settled.end)).toBe("Mexico, officials say, values its sovereignty highly.");
    expect(settled.errors).toBe(", officials say,".length);
  });

  it("leaves text inserted at a boundary outside the quote", () => {
    const text = "Such actions would likely strain U.S.-Mexico relations. Indeed, Mexico values its sovereignty highly! Any unilateral U.S. military action";
    const [found] = findApproximateMatches(text, quote, 9);
    const settled = alignWithContext(text, quote, prefix, suffix, found, 9);
    expect(text.slice(settled.start, settled.end)).toBe("Mexico values its sovereignty highly!");
    expect(settled.errors).toBe(1);
  });

  it("works without context", () => {
    const text = "xx Mexico valued its sovereignty highly. yy";
    const [found] = findApproximateMatches(text, quote, 9);
    const settled = alignWithContext(text, quote, "", "", found, 9);
    expect(text.slice(settled.start, settled.end)).toBe("Mexico valued its sovereignty highly.");
    expect(settled.errors).toBe(1);
  });
});
